using Trap.Dataset;
using Trap.Images;
using Trap.Science.Quality;

namespace Trap.Science.Tests.Quality;

public class BeamCheckTests
{
    private static QualityRejection? Check(double smaj, double smin, double pa = 0) =>
        BeamCheck.Check(new BeamInPixels(smaj, smin, pa), oversampledX: 30, ellipticalX: 2.0);

    // docs/science.md §14.2: (0.1,0.1) undersampled, (100,100) oversampled, (100,0.1) rejected, (10,5) OK.
    [Theory]
    [InlineData(0.1, 0.1, "undersampled")]
    [InlineData(100, 100, "oversampled")]
    [InlineData(100, 0.1, "undersampled")] // TraP's order tests undersampling before ellipticity
    [InlineData(10, 4.9, "elliptical")]
    [InlineData(0.5, 3, "undersampled")] // FWHM of exactly one pixel
    [InlineData(31, 20, "oversampled")]
    [InlineData(double.PositiveInfinity, 2, "infinite")]
    [InlineData(3, 2, "infinite", double.PositiveInfinity)]
    public void BadBeamsAreRejectedWithTheFirstFailingRule(double smaj, double smin, string rule, double pa = 0)
    {
        var rejection = Check(smaj, smin, pa);
        Assert.NotNull(rejection);
        Assert.Equal(RejectReason.BeamInvalid, rejection.Reason);
        Assert.Contains(rule, rejection.Explanation);
    }

    [Theory]
    [InlineData(10, 5)] // ratio exactly 2.0 passes (strict >)
    [InlineData(30, 30)] // semi-axis exactly oversampled_x passes
    [InlineData(0.51, 0.51)]
    public void GoodBeamsPass(double smaj, double smin) => Assert.Null(Check(smaj, smin));

    [Fact]
    public void ThresholdsComeFromTheCaller()
    {
        Assert.NotNull(BeamCheck.Check(new BeamInPixels(12, 10, 0), oversampledX: 11, ellipticalX: 2));
        Assert.NotNull(BeamCheck.Check(new BeamInPixels(12, 10, 0), oversampledX: 30, ellipticalX: 1.1));
        Assert.Null(BeamCheck.Check(new BeamInPixels(12, 10, 0), oversampledX: 12, ellipticalX: 1.2));
    }
}
