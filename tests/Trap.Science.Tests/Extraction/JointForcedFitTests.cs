using Trap.Science.Extraction;
using Trap.Science.Extraction.Fitting;
using Trap.Science.Extraction.Forced;

namespace Trap.Science.Tests.Extraction;

/// <summary>Forced fits made jointly with their neighbours (docs/science.md §7.5).</summary>
public class JointForcedFitTests
{
    private const int N = 64;
    private const double Noise = 0.001;
    private static readonly BeamShape Beam = new(3, 2, 0.3);
    private static readonly ExtractionConfig Joint = new() { Margin = 2, ExtractionRadiusPix = 0 };
    private static readonly ExtractionConfig Single = Joint with { JointForcedFits = false };

    // A faint target (10σ) with a source 20 times brighter one beam FWHM (6 px along the major axis) away.
    private const double TargetX = 30, TargetY = 32, TargetPeak = 0.01, NeighbourPeak = 0.2;
    private static readonly (double X, double Y) NeighbourAt = (TargetX - 6 * Math.Sin(0.3), TargetY + 6 * Math.Cos(0.3));

    private static ForcedFit FitTarget(ExtractionConfig config, int seed, double targetPeak = TargetPeak, (double X, double Y)? neighbour = null)
    {
        var n = neighbour ?? NeighbourAt;
        var pixels = TestImages.Noise(N, N, Noise, seed);
        TestImages.Add(pixels, N, new GaussianParameters(targetPeak, TargetX, TargetY, 3, 2, 0.3));
        TestImages.Add(pixels, N, new GaussianParameters(NeighbourPeak, n.X, n.Y, 3, 2, 0.3));
        var (ra, dec) = TestImages.EquatorialSky(TargetX, TargetY);
        var photometer = new ForcedPhotometer(pixels, N, N, Beam, TestImages.EquatorialPixelToSky, TestImages.EquatorialSkyToPixel, config,
            neighbours: new[] { TestImages.EquatorialSky(n.X, n.Y), (ra, dec) });
        return photometer.Fit(ra, dec);
    }

    [Fact]
    public void TheNeighboursFluxIsNotTakenInAndTheErrorsStayCalibrated()
    {
        var joint = new List<double>();
        var single = new List<double>();
        double jointErr = 0, singleErr = 0;
        for (var seed = 0; seed < 40; seed++)
        {
            var j = FitTarget(Joint, seed).Source!;
            joint.Add((j.IntFlux - TargetPeak) / j.IntFluxErr);
            if (seed >= 8) continue;
            var s = FitTarget(Single, seed).Source!;
            single.Add((s.IntFlux - TargetPeak) / s.IntFluxErr);
            jointErr += j.IntFluxErr / 8;
            singleErr += s.IntFluxErr / 8;
        }
        // Alone, the box takes in a quarter of the neighbour's peak (the beams' overlap at one FWHM): 5e-2, many σ.
        Assert.True(single.Average() > 20, $"single fits' mean pull {single.Average():F2}");
        Assert.InRange(joint.Average(), -0.5, 0.5);
        var sd = Math.Sqrt(joint.Sum(p => (p - joint.Average()) * (p - joint.Average())) / (joint.Count - 1));
        Assert.InRange(sd, 0.75, 1.25);
        // Fitting the neighbour too costs precision, and the error says so.
        Assert.True(jointErr > 1.025 * singleErr, $"joint error {jointErr:G3}, single {singleErr:G3}");
    }

    [Fact]
    public void WithNoNeighbourWithinTwoBeamsTheFitIsTheSingleFitExactly()
    {
        var far = (TargetX + 14, TargetY); // 14 px = 4.7 semi-major axes
        var joint = FitTarget(Joint, 5, neighbour: far).Source!;
        var single = FitTarget(Single, 5, neighbour: far).Source!;
        Assert.Equal(single.IntFlux, joint.IntFlux);
        Assert.Equal(single.IntFluxErr, joint.IntFluxErr);
    }
}
