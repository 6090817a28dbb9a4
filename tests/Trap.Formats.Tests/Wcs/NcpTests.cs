using Trap.Formats.Fits;
using Trap.Formats.Wcs;

namespace Trap.Formats.Tests.Wcs;

/// <summary>NCP, rewritten as slant SIN, against the classic AIPS closed form.</summary>
public class NcpTests
{
    [Theory]
    [InlineData("ncp-dec30")]
    [InlineData("ncp-dec80")]
    public void Ncp_matches_the_classic_closed_form(string name)
    {
        var h = SyntheticHeader.All.Single(s => s.Name == name);
        var header = h.ToHeader();
        var wcs = CelestialWcs.FromHeader(header, name);
        var (ra0, dec0) = (header.GetDouble("CRVAL1")!.Value, header.GetDouble("CRVAL2")!.Value);
        foreach (var (x, y) in WcsTestFiles.Grid(h.Nx, h.Ny))
        {
            // Direction cosines L, M of the pixel; then cos δ cos Δα = cos δ0 − M sin δ0 and
            // cos δ sin Δα = L, so α = α0 + atan2(L, cos δ0 − M sin δ0) and cos δ = √(L² + (…)²).
            var (ix, iy) = wcs.Matrix.Apply(x - wcs.Parameters.ReferencePixelX, y - wcs.Parameters.ReferencePixelY);
            var (l, m) = (ix * Math.PI / 180, iy * Math.PI / 180);
            var c = Math.Cos(dec0 * Math.PI / 180) - m * Math.Sin(dec0 * Math.PI / 180);
            var ra = SkyGeometry.NormalizeLongitudeDeg(ra0 + Math.Atan2(l, c) * 180 / Math.PI);
            var dec = Math.Acos(Math.Sqrt(l * l + c * c)) * 180 / Math.PI;
            Assert.True(wcs.TryPixelToSky(x, y, out var lon, out var lat));
            var separation = WcsTestFiles.SeparationArcsec(lon, lat, ra, dec);
            Assert.True(separation < 1e-9, $"{name} ({x}, {y}): ({lon}, {lat}) vs closed form ({ra}, {dec}): {separation:E2}\"");
        }
    }

    [Fact]
    public void Ncp_becomes_sin_with_eta_cot_dec0()
    {
        var wcs = CelestialWcs.FromHeader(SyntheticHeader.All.Single(s => s.Name == "ncp-dec30").ToHeader(), "ncp");
        var sin = Assert.IsType<Trap.Formats.Wcs.Projections.SinProjection>(wcs.Projection);
        Assert.Equal(0, sin.Xi);
        Assert.Equal(Math.Sqrt(3), sin.Eta, 12);
        Assert.Equal("NCP", wcs.ProjectionCode);
    }

    [Fact]
    public void Ncp_at_dec0_is_refused()
    {
        var header = FitsHeader.FromCardImages([
            "CTYPE1  = 'RA---NCP'", "CTYPE2  = 'DEC--NCP'", "CRVAL1  = 10.0", "CRVAL2  = 0.0", "CDELT1  = -0.01", "CDELT2  = 0.01"]);
        var e = Assert.Throws<FitsFormatException>(() => CelestialWcs.FromHeader(header, "ncp0.fits"));
        Assert.Equal("ncp0.fits", e.File);
        Assert.Contains("NCP", e.Problem);
    }
}
