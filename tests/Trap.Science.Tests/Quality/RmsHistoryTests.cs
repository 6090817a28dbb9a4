using Trap.Dataset;
using Trap.Images;
using Trap.Science.Quality;
using static Trap.Science.Tests.Quality.QualityTestImages;

namespace Trap.Science.Tests.Quality;

public class RmsHistoryTests
{
    private static QualityVerdict Verdict(double rms, double frequencyHz = 1.83e9, bool accepted = true) => new()
    {
        Url = $"memory://{rms}",
        Metadata = GenericMetadata() with { FrequencyHz = frequencyHz },
        RmsQc = rms,
        ChecksRun = [QualityCheck.Readable],
        Rejection = accepted ? null : new QualityRejection(RejectReason.BeamInvalid, "test"),
    };

    /// <summary>rms values 1.00, 1.01, ... 1.09 repeated: mean 1.045, population std 0.0287.</summary>
    private static double Steady(int i) => 1.0 + 0.01 * (i % 10);

    [Fact]
    public void InactiveUntilTheBandHoldsRmsEstHistoryImages()
    {
        var history = new RmsHistory(new QualityConfig());
        for (var i = 0; i < 98; i++) Assert.True(history.Apply(Verdict(Steady(i))).Accepted);
        // The 99th image is wildly off but the band holds only 99 (itself included): accepted.
        var early = history.Apply(Verdict(50));
        Assert.True(early.Accepted);
        Assert.Equal(QualityCheck.RmsHistory, early.ChecksRun[^1]);
    }

    [Fact]
    public void OutlierIsRejectedOnceTheHistoryIsFull()
    {
        var history = new RmsHistory(new QualityConfig());
        for (var i = 0; i < 99; i++) history.Apply(Verdict(Steady(i)));
        // Including itself, 100 values: a 1.3 Jy image pulls σ up to ~0.034 but stays beyond 3σ.
        var verdict = history.Apply(Verdict(1.3));
        Assert.False(verdict.Accepted);
        Assert.Equal(RejectReason.RmsInvalid, verdict.Rejection!.Reason);
        Assert.Contains("last 100 images", verdict.Rejection.Explanation);
        Assert.Equal(QualityCheck.RmsHistory, verdict.ChecksRun[^1]);
        Assert.True(history.Apply(Verdict(1.05)).Accepted);
    }

    [Fact]
    public void OtherBandsDoNotCount()
    {
        var history = new RmsHistory(new QualityConfig());
        for (var i = 0; i < 99; i++) history.Apply(Verdict(Steady(i), frequencyHz: 1.4e9));
        Assert.True(history.Apply(Verdict(1.3)).Accepted);
    }

    [Fact]
    public void RejectedImagesJoinTheHistoryButAreNotRechecked()
    {
        var history = new RmsHistory(new QualityConfig());
        for (var i = 0; i < 99; i++) history.Apply(Verdict(Steady(i), accepted: i % 2 == 0));
        var rejectedBefore = Verdict(1.3, accepted: false);
        Assert.Same(rejectedBefore, history.Apply(rejectedBefore));
        // The band is full now (100 values, odd ones from rejected images): an outlier is caught.
        Assert.False(history.Apply(Verdict(1.3)).Accepted);
    }

    [Fact]
    public void OnlyTheNewestRmsEstHistoryValuesCount()
    {
        // With 10 values one outlier can never be 3σ out ((n−1)/√n = 2.85), so use a 1σ window.
        var history = new RmsHistory(new QualityConfig { RmsEstHistory = 10, RmsRejSigma = 1 });
        for (var i = 0; i < 10; i++) history.Apply(Verdict(100 + i % 2));
        for (var i = 0; i < 10; i++) history.Apply(Verdict(Steady(i)));
        // Judged against the steady 1.0x images, not the old 100/101 ones.
        Assert.True(history.Apply(Verdict(1.05)).Accepted);
        Assert.False(history.Apply(Verdict(1.3)).Accepted);
    }

    [Fact]
    public void UnreadableImagesAreIgnored()
    {
        var history = new RmsHistory(new QualityConfig());
        var unreadable = ImageQualityControl.Unreadable("/data/x.fits", RejectReason.Unreadable, "broken");
        Assert.Same(unreadable, history.Apply(unreadable));
    }
}
