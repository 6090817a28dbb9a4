using Trap.Science.Association;

namespace Trap.Science.Tests.Association;

public class SkyGridTests
{
    /// <summary>Random points clustered at the poles, across RA 0/360 and elsewhere.</summary>
    private static SkyVector RandomPoint(Random rng)
    {
        var kind = rng.Next(4);
        var ra = kind == 1 ? (rng.NextDouble() - 0.5) * 2.0 : 360 * rng.NextDouble();
        var dec = kind switch
        {
            0 => 89.0 + rng.NextDouble(),
            2 => -89.0 - rng.NextDouble(),
            _ => -80 + 160 * rng.NextDouble(),
        };
        return SkyVector.FromRaDec(ra, dec);
    }

    [Theory]
    [InlineData(0.01, 0.03)]
    [InlineData(0.05, 0.5)]
    [InlineData(1.0, 0.2)]
    public void FindsExactlyWhatALinearScanFinds(double cellDeg, double radiusDeg)
    {
        var rng = new Random(11);
        var grid = new SkyGrid(cellDeg);
        var scan = new LinearScanIndex();
        var points = new List<SkyVector>();
        for (var i = 0; i < 4000; i++)
        {
            var p = RandomPoint(rng);
            points.Add(p);
            grid.Add(i, p);
            scan.Add(i, p);
        }
        // Move and remove some, to exercise the cell bookkeeping.
        for (var i = 0; i < 4000; i += 7)
        {
            var p = RandomPoint(rng);
            points[i] = p;
            grid.Move(i, p);
            scan.Move(i, p);
        }
        for (var i = 3; i < 4000; i += 11)
        {
            grid.Remove(i);
            scan.Remove(i);
        }
        var totalFound = 0;
        for (var q = 0; q < 400; q++)
        {
            // Query near existing points so that results are not empty.
            var near = points[rng.Next(points.Count)];
            var centre = new SkyVector(near.X + (rng.NextDouble() - 0.5) * 1e-3, near.Y + (rng.NextDouble() - 0.5) * 1e-3, near.Z).Normalized();
            var a = new List<int>();
            var b = new List<int>();
            grid.Query(centre, radiusDeg, a);
            scan.Query(centre, radiusDeg, b);
            a.Sort();
            b.Sort();
            Assert.Equal(b, a);
            totalFound += a.Count;
        }
        Assert.True(totalFound > 400, $"queries found only {totalFound} points; the test does not exercise the grid");
    }

    [Fact]
    public void ConeAroundAPoleFindsPointsOnTheFarSide()
    {
        var grid = new SkyGrid(0.01);
        grid.Add(0, SkyVector.FromRaDec(0.0, 89.995));
        grid.Add(1, SkyVector.FromRaDec(180.0, 89.995));
        grid.Add(2, SkyVector.FromRaDec(90.0, 89.95));
        var found = new List<int>();
        grid.Query(SkyVector.FromRaDec(0.0, 89.995), 0.02, found);
        found.Sort();
        Assert.Equal(new[] { 0, 1 }, found);
    }

    [Fact]
    public void ConeAcrossRaZeroFindsBothSides()
    {
        var grid = new SkyGrid(0.01);
        grid.Add(0, SkyVector.FromRaDec(359.999, 0.0));
        grid.Add(1, SkyVector.FromRaDec(0.001, 0.0));
        var found = new List<int>();
        grid.Query(SkyVector.FromRaDec(0.0, 0.0), 0.01, found);
        found.Sort();
        Assert.Equal(new[] { 0, 1 }, found);
    }
}
