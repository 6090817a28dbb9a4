using Trap.Dataset;
using Trap.Dataset.Rows;
using Trap.Pipeline.Output;
using Trap.Pipeline.Tests.Output;

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
    public void AnImageOutsideThePlanHasNullsWhereItHasNoValues()
    {
        // Images rejected at planning get no timestep, band, region or pixel values, and unreadable
        // headers no header values: NULL, never the placeholders 0001-01-01, 0, -1 or '' (docs/outputs.md).
        // A duplicate's header was read: its time and frequency are kept.
        using var dataset = new DatasetQuery(_run.OutputFolder);
        var rows = dataset.Rows(
            "SELECT url, timestep, band_id, sky_region_id, telescope, accessor, width_px, rms_qc_jy, n_sources, start_utc, freq_eff_hz " +
            $"FROM {dataset.Table(DatasetTables.Images)} WHERE NOT accepted");
        foreach (var name in new[] { "pipe.fits", "huge.fits", "zz-copy.fits", "year9999.fits" })
        {
            var row = Assert.Single(rows, r => (string)r[0]! == Path.Combine(_run.Images, name));
            var headerRead = name == "zz-copy.fits";
            Assert.True(row.Skip(1).Take(8).All(v => v is null) && row.Skip(9).All(v => headerRead ? v is not null : v is null),
                string.Join(" | ", row.Select(v => v?.GetType().Name + ":" + v)));
        }
        Assert.Equal(0L, dataset.Count($"SELECT count(*) FROM {dataset.Table(DatasetTables.Images)} WHERE timestep < 0 OR band_id < 0 OR sky_region_id < 0"));
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
