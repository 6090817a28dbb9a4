using Trap.Science.Candidates;

namespace Trap.Science.Tests.Candidates;

public class BackwardFluxTests
{
    [Fact]
    public void CombinesByInverseVarianceAndComparesTheTrigger()
    {
        var b = BackwardFlux.Combine(new[] { (0.10, 0.01), (0.12, 0.02), (double.NaN, 0.01), (0.5, double.PositiveInfinity) })!;
        Assert.Equal(2, b.Count);
        Assert.Equal((0.10 / 1e-4 + 0.12 / 4e-4) / (1 / 1e-4 + 1 / 4e-4), b.MeanJy, 12);
        Assert.Equal(Math.Sqrt(1 / (1 / 1e-4 + 1 / 4e-4)), b.MeanErrJy, 12);
        // A steady source first fitted high is within a few σ of its past; a source that was absent is far above it.
        Assert.True(b.SigmasBelow(0.14, 0.012) < 5);
        Assert.True(BackwardFlux.Combine(new[] { (0.0, 0.01), (0.005, 0.01) })!.SigmasBelow(0.14, 0.012) > 5);
        Assert.Null(BackwardFlux.Combine(Array.Empty<(double, double)>()));
    }
}
