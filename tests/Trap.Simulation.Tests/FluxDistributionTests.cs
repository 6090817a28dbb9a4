using Trap.Simulation.Randomness;
using Trap.Simulation.Sky;

namespace Trap.Simulation.Tests;

public class FluxDistributionTests
{
    [Theory]
    [InlineData(1.5, 0.01, 100.0)]
    [InlineData(1.0, 0.05, 5.0)]
    [InlineData(0.7, 1.0, 10.0)]
    public void SlopeIsRecoveredFromALargeDraw(double alpha, double min, double max)
    {
        var law = new PowerLawFluxes(alpha, min, max);
        var rng = RandomStreams.For(2, StreamPurpose.SkyModel);
        var fluxes = Enumerable.Range(0, 100_000).Select(_ => law.Sample(rng.NextDouble())).ToArray();
        Assert.All(fluxes, s => Assert.InRange(s, min, max));
        // Standard error of the estimate is about α/√n ≈ 0.005 α.
        Assert.InRange(TruncatedParetoSlope(fluxes, min, max), alpha * 0.97, alpha * 1.03);
    }

    [Fact]
    public void SurveySteadySourcesFollowTheConfiguredCounts()
    {
        var spec = new SurveySpec
        {
            Pointings = 1, Timesteps = 1, ImageSize = 1024, SourcesPerPointing = 20_000, MinSeparationBeams = 0,
            EdgeSourcesPerPointing = 0, Transients = TransientCounts.None, BadImages = BadImageFractions.None,
            FluxPowerLawIndex = 1.5, MinFluxJy = 0.02, MaxFluxJy = 20,
        };
        var fluxes = new Survey(spec).Sources.Select(s => s.ReferenceFluxJy).ToArray();
        Assert.Equal(20_000, fluxes.Length);
        Assert.InRange(TruncatedParetoSlope(fluxes, 0.02, 20), 1.45, 1.55);
    }

    /// <summary>Maximum-likelihood α of N(&gt;S) ∝ S^−α truncated to [min, max], by bisection on the score.</summary>
    private static double TruncatedParetoSlope(IReadOnlyCollection<double> fluxes, double min, double max)
    {
        var n = fluxes.Count;
        var sumLog = fluxes.Sum(s => Math.Log(s / min));
        var logRatio = Math.Log(min / max);
        double Score(double a) => n / a + n * Math.Exp(a * logRatio) * logRatio / (1 - Math.Exp(a * logRatio)) - sumLog;
        double lo = 0.01, hi = 10;
        for (var i = 0; i < 100; i++)
        {
            var mid = 0.5 * (lo + hi);
            if (Score(mid) > 0) lo = mid; else hi = mid;
        }
        return 0.5 * (lo + hi);
    }
}
