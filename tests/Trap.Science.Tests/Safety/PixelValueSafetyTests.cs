using Trap.Dataset;
using Trap.Science.Quality;
using static Trap.Science.Tests.Quality.QualityTestImages;

namespace Trap.Science.Tests.Safety;

/// <summary>What Trap promises about absurd pixel values: they never become sources, the image is rejected with its reason.</summary>
public class PixelValueSafetyTests
{
    private static readonly ImageQualityControl Qc = new(new QualityConfig());

    [Theory]
    [InlineData(1e38f)]
    [InlineData(-3.4e38f)]
    public void OneAbsurdPixelRejectsTheImageAsAbsurdPixels(float value)
    {
        var image = WithNoise(GenericMetadata(), 0.01);
        image.Pixels[image.Width * 10 + 20] = value;
        var verdict = Qc.Run(image);
        Assert.False(verdict.Accepted);
        Assert.Equal(RejectReason.AbsurdPixels, verdict.Rejection!.Reason);
        Assert.Equal(QualityCheck.PixelRange, verdict.ChecksRun[^1]);
        Assert.Contains("beyond ±1E+20 Jy/beam", verdict.Rejection.Explanation);
    }

    [Fact]
    public void BrightButPlausiblePixelsPass()
    {
        var image = WithNoise(GenericMetadata(), 0.01);
        image.Pixels[image.Width * 10 + 20] = 1e4f;
        Assert.NotEqual(RejectReason.AbsurdPixels, Qc.Run(image).Rejection?.Reason);
    }
}
