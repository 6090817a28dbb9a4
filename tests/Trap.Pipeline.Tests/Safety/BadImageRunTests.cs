using Trap.Pipeline.Output.Rows;

namespace Trap.Pipeline.Tests.Safety;

/// <summary>
/// What Trap promises about bad images in a run: each is rejected with its true reason and an
/// explanation naming the file, nothing hangs or crashes, and the good images are processed once.
/// </summary>
public class BadImageRunTests : IClassFixture<BadInputSurveyRun>
{
    private readonly BadInputSurveyRun _run;

    public BadImageRunTests(BadInputSurveyRun run) => _run = run;

    private RejectionRow RejectionOf(string name) =>
        Assert.Single(_run.Rejections, r => r.Url == Path.Combine(_run.Images, name));

    [Fact]
    public void EveryGoodImageIsAcceptedOnceAndEveryBadOneIsRejected()
    {
        Assert.Equal(BadInputSurveyRun.Spec.ImageCount + 5, _run.Summary.Images);
        Assert.Equal(BadInputSurveyRun.Spec.ImageCount, _run.ImageRows.Count(i => i.Accepted));
        Assert.Equal(5, _run.Rejections.Count);
        Assert.DoesNotContain(_run.ImageRows, i => i.Url.Contains("/loop/"));
    }

    [Fact]
    public void AFifoIsRejectedWithoutBeingOpened()
    {
        var rejection = RejectionOf("pipe.fits");
        Assert.Equal((11, "not_regular_file"), (rejection.ReasonId, rejection.Reason));
        Assert.Contains("a FIFO (named pipe)", rejection.Comment);
    }

    [Fact]
    public void AnImageBeyondTheMemoryBudgetIsRejectedFromItsHeader()
    {
        var rejection = RejectionOf("huge.fits");
        Assert.Equal((12, "too_large"), (rejection.ReasonId, rejection.Reason));
        Assert.Contains("30,000 × 30,000", rejection.Comment);
        Assert.Contains("max_image_mb", rejection.Comment);
    }

    [Fact]
    public void TheLaterCopyOfAnImageIsRejectedAsADuplicateOfTheFirst()
    {
        var rejection = RejectionOf("zz-copy.fits");
        Assert.Equal((13, "duplicate"), (rejection.ReasonId, rejection.Reason));
        var original = Assert.Single(_run.ImageRows, i => i.Url == _run.Original);
        Assert.True(original.Accepted);
        Assert.StartsWith($"duplicate of image {original.ImageId} ({_run.Original})", rejection.Comment);
    }

    [Fact]
    public void ADateInYear9999IsRejectedForItsDate()
    {
        var rejection = RejectionOf("year9999.fits");
        Assert.Equal((14, "implausible_header"), (rejection.ReasonId, rejection.Reason));
        Assert.Contains("9999-01-01", rejection.Comment);
    }

    [Fact]
    public void AnAbsurdPixelRejectsItsImage()
    {
        var rejection = RejectionOf("absurd.fits");
        Assert.Equal((15, "absurd_pixels"), (rejection.ReasonId, rejection.Reason));
    }
}
