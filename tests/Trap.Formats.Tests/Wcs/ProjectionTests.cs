using Trap.Formats.Wcs.Projections;

namespace Trap.Formats.Tests.Wcs;

/// <summary>Each projection alone: inverse pairs, and "no position" outside its domain.</summary>
public class ProjectionTests
{
    private static readonly double Deg = Math.PI / 180;

    public static TheoryData<string> Codes() => new(ProjectionFactory.SupportedCodes);

    [Theory]
    [MemberData(nameof(Codes))]
    public void Project_inverts_deproject(string code)
    {
        var projection = ProjectionFactory.Create(code, 0.1, -0.2, 45, "test");
        foreach (var (x, y) in new[] { (0.0, 0.0), (1e-7, -2e-7), (0.1, 0.2), (-0.3, 0.05), (0.2, -0.15) })
        {
            Assert.True(projection.TryDeproject(x, y, out var phi, out var theta), $"{code} ({x}, {y})");
            Assert.True(projection.TryProject(phi, theta, out var x2, out var y2), $"{code} φ={phi} θ={theta}");
            Assert.Equal(x, x2, 14);
            Assert.Equal(y, y2, 14);
        }
    }

    [Theory]
    [InlineData("SIN", 1.0001, 0.0)]
    [InlineData("ARC", 0.0, 3.1416)]
    [InlineData("ZEA", 2.0001, 0.0)]
    [InlineData("AIT", 2.9, 0.0)]
    [InlineData("CAR", 3.1416, 0.0)]
    [InlineData("CAR", 0.0, 1.5709)]
    public void Plane_points_off_the_sky_have_no_position(string code, double x, double y)
    {
        var projection = ProjectionFactory.Create(code, 0, 0, 45, "test");
        Assert.False(projection.TryDeproject(x, y, out var phi, out var theta));
        Assert.True(double.IsNaN(phi) && double.IsNaN(theta), "failed outputs are NaN, never garbage");
    }

    [Fact]
    public void Sin_horizon_is_on_the_sky_and_plain_sin_rejects_the_far_hemisphere()
    {
        var sin = new SinProjection();
        Assert.True(sin.TryDeproject(1.0, 0, out _, out var theta));
        Assert.Equal(0, theta, 15);
        Assert.True(sin.TryProject(0.3, 0, out _, out _));
        Assert.False(sin.TryProject(0.3, -1 * Deg, out _, out _));
    }

    [Fact]
    public void Slant_sin_visibility_follows_the_tilted_horizon()
    {
        // With ξ = 0.5 the horizon at φ = 90° drops to θ = −atan(0.5) ≈ −26.6°.
        var sin = new SinProjection(0.5, 0);
        Assert.True(sin.TryProject(90 * Deg, -26 * Deg, out _, out _));
        Assert.False(sin.TryProject(90 * Deg, -27 * Deg, out _, out _));
        Assert.False(sin.TryProject(-90 * Deg, -1 * Deg, out _, out _));
    }

    [Fact]
    public void Tan_and_stg_reject_the_points_they_send_to_infinity()
    {
        Assert.False(new TanProjection().TryProject(0, 0, out _, out _));
        Assert.False(new TanProjection().TryProject(0, -10 * Deg, out _, out _));
        Assert.True(new TanProjection().TryProject(0, 1 * Deg, out _, out _));
        Assert.False(new StgProjection().TryProject(0, -90 * Deg, out _, out _));
        Assert.True(new StgProjection().TryProject(0, -89 * Deg, out _, out _));
    }

    [Fact]
    public void Zenithal_pole_has_phi_zero()
    {
        foreach (var code in new[] { "SIN", "TAN", "ARC", "STG", "ZEA" })
        {
            var projection = ProjectionFactory.Create(code, 0, 0, 45, "test");
            Assert.True(projection.TryDeproject(0, 0, out var phi, out var theta));
            Assert.Equal(0, phi);
            Assert.Equal(Math.PI / 2, theta, 15);
        }
    }
}
