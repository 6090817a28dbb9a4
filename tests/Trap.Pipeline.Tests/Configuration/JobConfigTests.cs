using Trap.Configuration;
using Trap.Pipeline.Configuration;
using Trap.Science.Association;
using Trap.Science.Extraction;
using Trap.Science.Quality;

namespace Trap.Pipeline.Tests.Configuration;

public class JobConfigTests
{
    private static string DemoJobFile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "jobs", "demo", JobConfig.FileName);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("jobs/demo/job.cfg not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void DemoJobDocumentsEveryKeyWithItsDefault()
    {
        var file = DemoJobFile();
        var document = IniDocument.Load(file);
        var written = document.Entries.Select(e => (e.Section, e.Key)).ToHashSet();
        var defaults = new JobConfig().Settings().ToList();
        foreach (var setting in defaults)
        {
            Assert.True(written.Contains((setting.Section, setting.Key)),
                $"jobs/demo/job.cfg does not document [{setting.Section}] {setting.Key}");
        }
        var loaded = JobConfig.Load(file);
        var defaultValues = defaults.Where(s => s.Section != "job").ToDictionary(s => (s.Section, s.Key), s => s.Value);
        foreach (var setting in loaded.Settings().Where(s => s.Section != "job"))
        {
            Assert.Equal(defaultValues[(setting.Section, setting.Key)], setting.Value);
        }
    }

    [Fact]
    public void TrapKeyNamesAreAccepted()
    {
        var config = JobConfig.Parse(
            "[source_extraction]\new_sys_err = 3\ndeblend_nthresh = 16\nbox_in_beampix = 5\n" +
            "[association]\nderuiter_radius = 3.7\nbandwidth_max = 2e6\n", "trap.cfg");
        Assert.Equal(3, config.Extraction.EwSysErrArcsec);
        Assert.Equal(3, config.Association.EwSysErrArcsec);
        Assert.Equal(16, config.Extraction.DeblendThresholds);
        Assert.Equal(5, config.Extraction.BoxInBeamPix);
        Assert.Equal(3.7, config.Association.DeRuiterRadius);
        Assert.Equal(2e6, config.Association.BandwidthMaxHz);
    }

    [Fact]
    public void MissingKeysKeepTrapDefaults()
    {
        var config = JobConfig.Parse("[job]\nimages = x/*.fits\n", "min.cfg");
        Assert.Equal(new ExtractionConfig(), config.Extraction);
        Assert.Equal(new QualityConfig(), config.Quality);
        Assert.Equal(new AssociationConfig(), config.Association);
        Assert.Equal("x/*.fits", config.Job.Images);
    }

    [Fact]
    public void ErrorsNameTheFileAndLine()
    {
        var section = Assert.Throws<JobConfigException>(() => JobConfig.Parse("[job]\n[persistance]\nx = 1\n", "a.cfg"));
        Assert.Contains("a.cfg:3", section.Message);
        Assert.Contains("[persistance]", section.Message);

        var misplaced = Assert.Throws<JobConfigException>(() => JobConfig.Parse("[association]\new_sys_err_arcsec = 2\n", "b.cfg"));
        Assert.Contains("b.cfg:2", misplaced.Message);
        Assert.Contains("[source_extraction]", misplaced.Message);

        var range = Assert.Throws<JobConfigException>(() => JobConfig.Parse("[source_extraction]\ndetection_threshold = -1\n", "c.cfg"));
        Assert.Contains("c.cfg", range.Message);
        Assert.Contains("detection_threshold", range.Message);
    }

    [Fact]
    public void TransientSearchAndAlertSectionsBindAndTrapsMarginKeyIsAccepted()
    {
        var config = JobConfig.Parse(
            "[transient_search]\nnew_source_sigma_margin = 2\neta_min = 5\nvariability_selection = both\nnew_source_selection = likely\n" +
            "[alerts]\nauthority = nl.astron.trap\nrole = observation\nbroker = localhost:8098\n", "ts.cfg");
        Assert.Equal(2, config.Association.NewSourceSigmaMargin);
        Assert.Equal(5, config.TransientSearch.EtaMin);
        Assert.Equal(Trap.Science.Candidates.VariabilitySelection.Both, config.TransientSearch.VariabilitySelection);
        Assert.Equal(Trap.Science.Candidates.NewSourceSelection.Likely, config.TransientSearch.NewSourceSelection);
        Assert.Equal("ivo://nl.astron.trap/transients", config.Alerts.AuthorIvorn);
        Assert.Equal(Trap.Alerts.VoEventRole.Observation, config.Alerts.Role);
        Assert.Equal("localhost:8098", config.Alerts.Broker);
    }

    [Theory]
    [InlineData("[transient_search]\nsignificance_min = 1.5\n", "significance_min")]
    [InlineData("[transient_search]\ngroup_fit_radius_beams = 3\n", "group_fit_radius_beams")]
    [InlineData("[alerts]\nauthority = x\n", "authority")]
    [InlineData("[alerts]\nbroker = nowhere\n", "host:port")]
    [InlineData("[transient_search]\nvariability_selection = sometimes\n", "either")]
    public void BadTransientSearchAndAlertSettingsNameTheFileAndKey(string text, string expected)
    {
        var error = Assert.Throws<JobConfigException>(() => JobConfig.Parse(text, "bad.cfg"));
        Assert.Contains("bad.cfg", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void BeamOverrideGoesToTheImageReaderAndNeedsAllThreeKeys()
    {
        var config = JobConfig.Parse("[job]\nbeam_major_deg = 0.02\nbeam_minor_deg = 0.01\nbeam_pa_deg = 30\n", "beam.cfg");
        Assert.Equal(new Trap.Images.RestoringBeam(0.02, 0.01, 30), config.Job.ReadOptions.BeamOverride);
        Assert.Null(JobConfig.Parse("[job]\n", "none.cfg").Job.ReadOptions.BeamOverride);
        var partial = Assert.Throws<JobConfigException>(() => JobConfig.Parse("[job]\nbeam_major_deg = 0.02\n", "partial.cfg"));
        Assert.Contains("go together", partial.Message);
        Assert.Throws<JobConfigException>(() =>
            JobConfig.Parse("[job]\nbeam_major_deg = 0.01\nbeam_minor_deg = 0.02\nbeam_pa_deg = 0\n", "swapped.cfg"));
    }

    [Fact]
    public void AJobNameIsOneTheDatasetCanCarryOrEmpty()
    {
        Assert.Equal("", JobConfig.Parse("[job]\n", "unnamed.cfg").Job.Name);
        Assert.Equal("lofar-msss_2024.1", JobConfig.Parse("[job]\nname = lofar-msss_2024.1\n", "named.cfg").Job.Name);
        var error = Assert.Throws<JobConfigException>(() => JobConfig.Parse("[job]\nname = my survey/2\n", "spaces.cfg"));
        Assert.Contains("spaces.cfg", error.Message);
        Assert.Contains("[job] name = my survey/2", error.Message);
    }
}
