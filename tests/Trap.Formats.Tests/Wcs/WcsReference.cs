using System.Text.Json;
using Trap.TestSupport;

namespace Trap.Formats.Tests.Wcs;

/// <summary>
/// The entries of shared/data/realdata/wcs-reference.json: astropy 5.2.1 / wcslib 7.12 pixel→world
/// samples for every FITS file (0-based pixels; null = no sky position) and python-casacore's
/// values for every CASA image.
/// </summary>
internal static class WcsReference
{
    public sealed record Sample(double X, double Y, double? Lon, double? Lat);

    public sealed record Entry(string File, int[] Naxis, bool IsCasa, IReadOnlyList<Sample> Samples, string? Note)
    {
        /// <summary>The image size to sample: NAXIS1×NAXIS2, or the virtual grid the note names for a
        /// header whose data were stripped ("samples use a virtual 2049x2049 grid").</summary>
        public (int Nx, int Ny) ImageSize
        {
            get
            {
                var match = Note is null ? null : System.Text.RegularExpressions.Regex.Match(Note, @"virtual (\d+)x(\d+)");
                return match is { Success: true }
                    ? (int.Parse(match.Groups[1].Value), int.Parse(match.Groups[2].Value))
                    : (Naxis[0], Naxis[1]);
            }
        }
    }

    private static readonly Lazy<IReadOnlyList<Entry>> All = new(Load);

    public static IReadOnlyList<Entry> Entries => All.Value;

    public static Entry Get(string file) => Entries.Single(e => e.File == file);

    /// <summary>
    /// The FITS file whose WCS is the CASA image's: the `image2fits` conversion in derived/, or for
    /// SWIFT the FITS that CASA 3.4 wrote of the same image (same pixels, README).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> FitsForCasaImage = new Dictionary<string, string>
    {
        ["ami-la/SWIFT_554620-130504.image"] = "ami-la/SWIFT_554620-130504.fits",
        ["ami-la/ami-la.image"] = "derived/ami-la.image2fits.fits",
        ["kat7/kat7.image"] = "derived/kat7.image2fits.fits",
        ["lofar-casa/L55596_000TO009_skymodellsc_wmax6000_noise_mult10_cell40_npix512_wplanes215.img.restored.corr"] =
            "derived/L55596_restored_corr.image2fits.fits",
    };

    private static IReadOnlyList<Entry> Load()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(RealData.PathOf("wcs-reference.json")));
        var entries = new List<Entry>();
        foreach (var file in doc.RootElement.GetProperty("files").EnumerateArray())
        {
            var isCasa = file.TryGetProperty("pix2world_casacore", out var casaSamples);
            var samples = isCasa ? casaSamples : file.GetProperty("pix2world");
            var naxis = isCasa
                ? file.GetProperty("casa_shape_python_order").EnumerateArray().Reverse().Select(e => e.GetInt32()).ToArray()
                : file.GetProperty("naxis").EnumerateArray().Select(e => e.GetInt32()).ToArray();
            entries.Add(new Entry(file.GetProperty("file").GetString()!, naxis, isCasa,
                samples.EnumerateArray().Select(ParseSample).ToList(),
                file.TryGetProperty("note", out var note) ? note.GetString() : null));
        }
        return entries;
    }

    private static Sample ParseSample(JsonElement e)
    {
        static double? Number(JsonElement v) => v.ValueKind == JsonValueKind.Null ? null : v.GetDouble();
        return new Sample(e.GetProperty("x").GetDouble(), e.GetProperty("y").GetDouble(),
            Number(e.GetProperty("lon")), Number(e.GetProperty("lat")));
    }
}
