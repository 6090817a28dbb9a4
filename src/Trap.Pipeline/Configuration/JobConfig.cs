using Trap.Alerts;
using Trap.Configuration;
using Trap.Science.Association;
using Trap.Science.Candidates;
using Trap.Science.Extraction;
using Trap.Science.Quality;

namespace Trap.Pipeline.Configuration;

/// <summary>
/// The whole configuration of a job: one file (<c>job.cfg</c> in the job folder) with sections [job],
/// [quality], [source_extraction], [association], [transient_search] and [alerts]. Every key is optional and defaults to TraP's
/// value (the defaults are documented next to each field of the section records). TraP's own key
/// names are accepted where ours add a unit (e.g. deruiter_radius, ew_sys_err, deblend_nthresh).
/// </summary>
public sealed record JobConfig
{
    public const string FileName = "job.cfg";

    public JobSettings Job { get; init; } = new();

    public QualityConfig Quality { get; init; } = new();

    public ExtractionConfig Extraction { get; init; } = new();

    /// <summary>Association settings; the systematic position errors come from [source_extraction].</summary>
    public AssociationConfig Association { get; init; } = new();

    /// <summary>Candidate selection and classification.</summary>
    public TransientSearchConfig TransientSearch { get; init; } = new();

    /// <summary>VOEvent packets and their broker.</summary>
    public AlertConfig Alerts { get; init; } = new();

    /// <summary>The text the configuration was read from (stored with the dataset, shipped to workers).</summary>
    public string SourceText { get; init; } = "";

    private static readonly IReadOnlyDictionary<string, string> TrapAliases = new Dictionary<string, string>
    {
        ["deruiter_radius"] = "de_ruiter_radius",
        ["deblend_nthresh"] = "deblend_thresholds",
        ["ew_sys_err"] = "ew_sys_err_arcsec",
        ["ns_sys_err"] = "ns_sys_err_arcsec",
        ["box_in_beampix"] = "box_in_beam_pix",
        ["bandwidth_max"] = "bandwidth_max_hz",
        ["description"] = "description",
    };

    /// <summary>Keys that belong to another section (so each setting has exactly one home).</summary>
    private static readonly IReadOnlySet<string> AssociationKeysSetElsewhere =
        new HashSet<string> { "ew_sys_err_arcsec", "ns_sys_err_arcsec" };

    /// <summary>Reads <c>job.cfg</c> from a job folder (or the file itself).</summary>
    public static JobConfig Load(string jobFolderOrFile)
    {
        var file = Directory.Exists(jobFolderOrFile) ? Path.Combine(jobFolderOrFile, FileName) : jobFolderOrFile;
        var document = IniDocument.Load(file);
        return Bind(document, File.ReadAllText(file));
    }

    /// <summary>Parses configuration text (as shipped to a worker); <paramref name="source"/> names it in errors.</summary>
    public static JobConfig Parse(string text, string source) =>
        Bind(IniDocument.Parse(source, text.Split('\n').Select(l => l.TrimEnd('\r'))), text);

    private static JobConfig Bind(IniDocument document, string text)
    {
        var bySection = document.Entries
            .Select(e => TrapAliases.TryGetValue(e.Key, out var ours) ? e with { Key = ours } : e)
            .GroupBy(e => e.Section)
            .ToDictionary(g => g.Key, g => g.ToList());
        foreach (var (section, entries) in bySection)
        {
            if (!Sections.ContainsKey(section))
            {
                throw new JobConfigException(document.File, entries[0].Line,
                    $"unknown section [{section}]; known sections: {string.Join(", ", Sections.Keys.Select(k => "[" + k + "]"))}");
            }
        }
        List<IniEntry> Of(string section) => bySection.TryGetValue(section, out var list) ? list : new List<IniEntry>();

        var extraction = ConfigBinder.Bind(new ExtractionConfig(), document.File, "source_extraction", Of("source_extraction"));
        // TraP keeps new_source_sigma_margin in [transient_search]; Trap uses it in association, like the common offset of
        // the position-shift statistic, which the running catalogue keeps.
        var associationEntries = Of("association")
            .Concat(Of("transient_search").Where(e => TransientSearchKeysOfAssociation.Contains(e.Key)).Select(e => e with { Section = "association" }))
            .ToList();
        if (associationEntries.FirstOrDefault(e => AssociationKeysSetElsewhere.Contains(e.Key)) is { } misplaced)
        {
            throw new JobConfigException(document.File, misplaced.Line,
                $"'{misplaced.Key}' is set in [source_extraction], which association uses too; move it there");
        }
        var association = ConfigBinder.Bind(new AssociationConfig(), document.File, "association", associationEntries) with
        {
            EwSysErrArcsec = extraction.EwSysErrArcsec,
            NsSysErrArcsec = extraction.NsSysErrArcsec,
        };
        var config = new JobConfig
        {
            Job = ConfigBinder.Bind(new JobSettings(), document.File, "job", Of("job")),
            Quality = ConfigBinder.Bind(new QualityConfig(), document.File, "quality", Of("quality")),
            Extraction = extraction,
            Association = association,
            TransientSearch = ConfigBinder.Bind(new TransientSearchConfig(), document.File, "transient_search",
                Of("transient_search").Where(e => !TransientSearchKeysOfAssociation.Contains(e.Key))),
            Alerts = ConfigBinder.Bind(new AlertConfig(), document.File, "alerts", Of("alerts")),
            SourceText = text,
        };
        config.Validate(document.File);
        return config;
    }

    /// <summary>The sections of the file and the record each binds to.</summary>
    public static readonly IReadOnlyDictionary<string, Type> Sections = new Dictionary<string, Type>
    {
        ["job"] = typeof(JobSettings),
        ["quality"] = typeof(QualityConfig),
        ["source_extraction"] = typeof(ExtractionConfig),
        ["association"] = typeof(AssociationConfig),
        ["transient_search"] = typeof(TransientSearchConfig),
        ["alerts"] = typeof(AlertConfig),
    };

    private static readonly HashSet<string> TransientSearchKeysOfAssociation = ["new_source_sigma_margin", "position_shift_common_offset"];

    /// <summary>Every effective setting as (section, key, value, type), for the dataset's config table.</summary>
    public IEnumerable<(string Section, string Key, string Value, string Type)> Settings()
    {
        var values = new Dictionary<string, object>
        {
            ["job"] = Job, ["quality"] = Quality, ["source_extraction"] = Extraction, ["association"] = Association,
            ["transient_search"] = TransientSearch, ["alerts"] = Alerts,
        };
        foreach (var (section, type) in Sections)
        {
            foreach (var (key, property) in ConfigBinder.KeysOf(type))
            {
                if (section == "association" && AssociationKeysSetElsewhere.Contains(key)) continue;
                var value = property.GetValue(values[section]);
                var typeName = (Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType).Name.ToLowerInvariant();
                yield return (section, key, ConfigBinder.Format(value), typeName);
            }
        }
    }

    private void Validate(string file)
    {
        if (Job.Name.Length > 0 && !System.Text.RegularExpressions.Regex.IsMatch(Job.Name, "^[A-Za-z0-9][A-Za-z0-9._-]*$"))
        {
            throw new JobConfigException(file, 0, $"[job] name = {Job.Name}: a dataset name is letters, digits, '.', '_' and '-' (it goes into VOEvent IVORNs and web addresses); leave it empty for the job folder's name");
        }
        var beamKeys = new[] { Job.BeamMajorDeg, Job.BeamMinorDeg, Job.BeamPaDeg };
        if (beamKeys.Any(k => k is not null) && beamKeys.Any(k => k is null))
        {
            throw new JobConfigException(file, 0, "[job] beam_major_deg, beam_minor_deg and beam_pa_deg go together: give all three or none");
        }
        if (Job.BeamMajorDeg is <= 0 || Job.BeamMinorDeg is <= 0 || Job.BeamMinorDeg > Job.BeamMajorDeg)
        {
            throw new JobConfigException(file, 0, "[job] the beam override needs 0 < beam_minor_deg <= beam_major_deg (FWHM in degrees)");
        }
        if (Job.MaxImageMb < 1)
        {
            throw new JobConfigException(file, 0, $"[job] max_image_mb = {Job.MaxImageMb}: the memory budget of one image must be at least 1 MB");
        }
        try
        {
            Quality.Validate();
            Extraction.Validate();
            Association.Validate();
            TransientSearch.Validate();
            Alerts.Validate();
        }
        catch (ArgumentException error)
        {
            throw new JobConfigException(file, 0, error.Message);
        }
    }
}
