using Trap.Formats.Wcs;

namespace Trap.Formats.Tests.Wcs;

/// <summary>
/// Pixel → sky of every real file against astropy/wcslib and casacore (wcs-reference.json).
/// The fixture's corner, centre and quarter-pixel samples are exact and must agree to 1e-6″. Its
/// random samples print the pixel rounded to 6 decimals after astropy evaluated the unrounded one
/// (astropy itself, re-run at the printed pixels, differs by up to 1.5e-3″), so those are allowed
/// the sky distance of that rounding (≤ 5e-7 px per axis) on top. The live astropy check
/// (<see cref="AstropyCrossCheckTests"/>) holds full pixel grids of every file to 1e-6″.
/// </summary>
public class WcsReferenceTests
{
    private const double ToleranceArcsec = 1e-6;
    private const double PrintedPixelRounding = 5e-7;

    public static TheoryData<string> FitsFiles() => new(WcsReference.Entries.Where(e => !e.IsCasa).Select(e => e.File));

    public static TheoryData<string> CasaImages() => new(WcsReference.Entries.Where(e => e.IsCasa).Select(e => e.File));

    [Theory]
    [MemberData(nameof(FitsFiles))]
    public void Fits_file_matches_astropy(string file)
    {
        var entry = WcsReference.Get(file);
        AssertMatches(WcsTestFiles.ReadWcs(file), entry);
    }

    /// <summary>casacore's own values for a CASA image, checked through the FITS form of the same image.</summary>
    [Theory]
    [MemberData(nameof(CasaImages))]
    public void Casa_image_matches_casacore_through_its_fits(string casaImage)
    {
        var fits = WcsReference.FitsForCasaImage[casaImage];
        AssertMatches(WcsTestFiles.ReadWcs(fits), WcsReference.Get(casaImage));
    }

    [Fact]
    public void Every_casa_image_in_the_reference_has_a_fits_counterpart()
    {
        var casa = WcsReference.Entries.Where(e => e.IsCasa).Select(e => e.File).ToList();
        Assert.NotEmpty(casa);
        Assert.All(casa, c => Assert.True(WcsReference.FitsForCasaImage.ContainsKey(c), $"no FITS mapped for {c}"));
    }

    [Fact]
    public void Reference_includes_off_sky_samples()
    {
        // Guards the null ↔ off-sky check below against a fixture that lost its null entries.
        var offSky = WcsReference.Entries.SelectMany(e => e.Samples).Count(s => s.Lon is null);
        Assert.True(offSky >= 10, $"only {offSky} off-sky samples in wcs-reference.json");
    }

    private static void AssertMatches(CelestialWcs wcs, WcsReference.Entry entry)
    {
        Assert.NotEmpty(entry.Samples);
        foreach (var s in entry.Samples)
        {
            var onSky = wcs.TryPixelToSky(s.X, s.Y, out var lon, out var lat);
            if (s.Lon is null || s.Lat is null)
            {
                Assert.False(onSky, $"{entry.File} ({s.X}, {s.Y}): reference has no sky position, we gave ({lon}, {lat})");
                continue;
            }
            Assert.True(onSky, $"{entry.File} ({s.X}, {s.Y}): reference ({s.Lon}, {s.Lat}), we found no sky position");
            var separation = WcsTestFiles.SeparationArcsec(lon, lat, s.Lon.Value, s.Lat.Value);
            var tolerance = ToleranceArcsec + (IsExact(s) ? 0 : RoundingArcsec(wcs, s.X, s.Y));
            Assert.True(separation < tolerance,
                $"{entry.File} ({s.X}, {s.Y}): ({lon}, {lat}) vs reference ({s.Lon}, {s.Lat}): {separation:E2}\" > {tolerance:E2}\"");
            Assert.InRange(lon, 0, 360 - 1e-300);
        }
    }

    /// <summary>A sample printed without rounding: both coordinates are multiples of 1/4 pixel.</summary>
    private static bool IsExact(WcsReference.Sample s) => s.X * 4 == Math.Round(s.X * 4) && s.Y * 4 == Math.Round(s.Y * 4);

    /// <summary>Upper bound (triangle inequality) of the sky distance a pixel rounding of ±5e-7 per axis makes.</summary>
    private static double RoundingArcsec(CelestialWcs wcs, double x, double y)
    {
        Assert.True(wcs.TryPixelToSky(x, y, out var lon0, out var lat0));
        Assert.True(wcs.TryPixelToSky(x + PrintedPixelRounding, y, out var lonX, out var latX));
        Assert.True(wcs.TryPixelToSky(x, y + PrintedPixelRounding, out var lonY, out var latY));
        return WcsTestFiles.SeparationArcsec(lon0, lat0, lonX, latX) + WcsTestFiles.SeparationArcsec(lon0, lat0, lonY, latY);
    }
}
