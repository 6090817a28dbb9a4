namespace Trap.Simulation.Tests;

/// <summary>`trap simulate --astrometric-jitter`: each image's sources rendered shifted together, the truth unchanged.</summary>
public class AstrometricJitterTests
{
    [Fact]
    public void EachImagesSourcesMoveTogetherAndTheTruthKeepsTheTruePositions()
    {
        var plain = new Survey(TestSurveys.NoiseFree);
        var jittered = new Survey(TestSurveys.NoiseFree with { AstrometricJitterArcsec = 10 });
        var shifts = new List<(double X, double Y)>();
        foreach (var timestep in new[] { 0, 1, 2, 3 })
        {
            var before = plain.Render(pointing: 0, band: 0, timestep);
            var after = jittered.Render(pointing: 0, band: 0, timestep);
            Assert.Equal(before.Sources.Select(s => (s.X, s.Y, s.RaDeg, s.DecDeg, s.PeakJyPerBeam)), after.Sources.Select(s => (s.X, s.Y, s.RaDeg, s.DecDeg, s.PeakJyPerBeam)));
            // The centroid of each bright point source well inside the image moves by the same pixel offset.
            var moved = before.Sources.Where(s => s.IntrinsicMajorArcsec == 0 && s.PeakJyPerBeam > 0.1 && s.X is > 10 and < 245 && s.Y is > 10 and < 245)
                .Select(s =>
                {
                    var (x0, y0) = Centroid(before.Pixels, before.Width, s.X, s.Y);
                    var (x1, y1) = Centroid(after.Pixels, after.Width, s.X, s.Y);
                    return (X: x1 - x0, Y: y1 - y0);
                }).ToList();
            Assert.True(moved.Count >= 5);
            foreach (var m in moved)
            {
                Assert.Equal(moved[0].X, m.X, 0.05);
                Assert.Equal(moved[0].Y, m.Y, 0.05);
            }
            shifts.Add(moved[0]);
        }
        // σ 10″ = 0.67 px per axis: the images are not all shifted alike.
        Assert.True(shifts.Max(s => s.X) - shifts.Min(s => s.X) > 0.1 || shifts.Max(s => s.Y) - shifts.Min(s => s.Y) > 0.1);
        // Without jitter nothing moves: the same pixels as a spec that never heard of it.
        Assert.Equal(plain.Render(0).Pixels, new Survey(TestSurveys.NoiseFree with { AstrometricJitterArcsec = 0 }).Render(0).Pixels);
    }

    /// <summary>Flux-weighted centroid over ±6 px (3.5 σ of the 4 px beam) about a truth position.</summary>
    private static (double X, double Y) Centroid(float[] pixels, int width, double x, double y)
    {
        double sum = 0, sx = 0, sy = 0;
        for (var j = (int)Math.Round(y) - 6; j <= (int)Math.Round(y) + 6; j++)
        for (var i = (int)Math.Round(x) - 6; i <= (int)Math.Round(x) + 6; i++)
        {
            var v = pixels[j * width + i];
            sum += v;
            sx += v * i;
            sy += v * j;
        }
        return (sx / sum, sy / sum);
    }
}
