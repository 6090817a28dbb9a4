using Trap.Simulation.Randomness;
using Trap.Simulation.Sky;

namespace Trap.Simulation.Tests;

public class LightCurveTests
{
    [Fact]
    public void FlareIsAbsentThenRisesFastThenDecaysExponentially()
    {
        var flare = new FlareCurve(PeakSeconds: 600, RiseSeconds: 30, DecaySeconds: 180);
        Assert.Equal(0.0, flare.Factor(0, 0));
        Assert.Equal(0.0, flare.Factor(570, 0));
        Assert.Equal(0.5, flare.Factor(585, 0), 12);
        Assert.Equal(1.0, flare.Factor(600, 0), 12);
        Assert.Equal(Math.Exp(-1), flare.Factor(780, 0), 12);
        Assert.True(flare.Factor(900, 0) < flare.Factor(800, 0));
    }

    [Fact]
    public void FadingDeclinesMonotonicallyFromOne()
    {
        var fading = new FadingCurve(EFoldSeconds: 300);
        Assert.Equal(1.0, fading.Factor(0, 0));
        var previous = 1.0;
        for (var t = 10.0; t < 3000; t += 10)
        {
            var f = fading.Factor(t, 0);
            Assert.True(f < previous);
            previous = f;
        }
        Assert.Equal(Math.Exp(-2), fading.Factor(600, 0), 12);
    }

    [Fact]
    public void NewSourceIsOffBeforeItsSwitchOnAndSteadyAfter()
    {
        var curve = new NewSourceCurve(OnSeconds: 240);
        Assert.Equal(0.0, curve.Factor(239.9, 3));
        Assert.Equal(1.0, curve.Factor(240, 4));
        Assert.Equal(1.0, curve.Factor(10_000, 40));
    }

    [Fact]
    public void VariableModulationHasTheStatedIndexAndUnitMean()
    {
        const double m = 0.3;
        var rng = RandomStreams.For(11, StreamPurpose.Variability);
        var factors = Enumerable.Range(0, 200_000).Select(_ => VariableCurve.LogNormalFactor(m, rng.NextGaussian())).ToArray();
        var mean = factors.Average();
        var sd = Math.Sqrt(factors.Average(f => (f - mean) * (f - mean)));
        Assert.InRange(mean, 0.995, 1.005);
        Assert.InRange(sd / mean, 0.29, 0.31);
        Assert.All(factors, f => Assert.True(f > 0));
    }

    [Fact]
    public void SteadyIsOne() => Assert.Equal(1.0, new SteadyCurve().Factor(1234, 5));
}
