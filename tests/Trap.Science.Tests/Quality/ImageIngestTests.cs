using Trap.Dataset;
using Trap.Images;
using Trap.Pipeline.Stages;
using Trap.Science.Quality;
using static Trap.Science.Tests.Quality.QualityTestImages;

namespace Trap.Science.Tests.Quality;

public class ImageIngestTests
{
    private static readonly ImageQualityControl Qc = new(new QualityConfig());

    [Fact]
    public void FormatErrorBecomesARejectionWithTheAccessorsMessage()
    {
        var result = ImageIngest.Ingest("/data/bad.fits", _ => throw new ImageFormatException("/data/bad.fits", "truncated data unit", "Copy the file again"), Qc);
        Assert.Null(result.Image);
        Assert.Null(result.Accepted);
        Assert.Equal(RejectReason.Unreadable, result.Verdict.Rejection!.Reason);
        Assert.Equal("/data/bad.fits: truncated data unit. Copy the file again", result.Verdict.Rejection.Explanation);
        Assert.Equal([QualityCheck.Readable], result.Verdict.ChecksRun);
    }

    [Fact]
    public void AFaultInTrapStillRejectsTheImageButSaysItIsNotTheFile()
    {
        var error = new StringWriter();
        var console = Console.Error;
        Console.SetError(error);
        IngestedImage result;
        try
        {
            result = ImageIngest.Ingest("/data/odd.fits", _ => throw new IndexOutOfRangeException("index 7"), Qc);
        }
        finally
        {
            Console.SetError(console);
        }
        Assert.Equal(RejectReason.Unreadable, result.Verdict.Rejection!.Reason);
        Assert.Contains("internal error while reading the image (IndexOutOfRangeException: index 7)", result.Verdict.Rejection.Explanation);
        Assert.Contains("please report it", result.Verdict.Rejection.Explanation);
        // The stack goes to the console, so the fault is seen rather than passing for a bad file.
        Assert.Contains("System.IndexOutOfRangeException: index 7", error.ToString());
        Assert.Contains("/data/odd.fits", error.ToString());
    }

    [Fact]
    public void ReadableImageIsChecked()
    {
        var image = WithNoise(GenericMetadata("/data/good.fits"), 0.01);
        var result = ImageIngest.Ingest("/data/good.fits", _ => image, Qc);
        Assert.Same(image, result.Accepted);
        Assert.True(result.Verdict.Accepted);
    }

    [Fact]
    public void RecordKeepsEveryFieldOfARejection()
    {
        var m = LofarMetadata("/data/noisy.fits");
        var verdict = Qc.Run(WithNoise(m, 100 * LofarNoise(m)));
        var record = verdict.ToRecord();
        Assert.Equal("/data/noisy.fits", record.ImageUrl);
        Assert.False(record.Accepted);
        Assert.Equal(0, record.ReasonId);
        Assert.Equal("rms_invalid", record.ReasonName);
        Assert.Equal(verdict.Rejection!.Explanation, record.Explanation);
        Assert.Equal("readable,metadata,flat,nan,pixel_range,tau_time,noise_ratio", record.ChecksRun);
        Assert.Equal("LOFAR", record.Telescope);
        Assert.Equal(m.StartUtc, record.StartUtc);
        Assert.Equal(verdict.RmsQc, record.RmsQcJy);
        Assert.Equal(LofarNoise(m), record.ExpectedNoiseJy, 12);
        Assert.InRange(record.NoiseRatio, 95, 105);
        Assert.Equal(2.0, record.BeamSemiMajorPx, 9);
        Assert.Equal(0.0, record.NanFraction);
    }

    [Fact]
    public void RecordOfAnAcceptedOrUnreadableImage()
    {
        var accepted = Qc.Run(WithNoise(GenericMetadata(), 0.01)).ToRecord();
        Assert.True(accepted.Accepted);
        Assert.Equal(-1, accepted.ReasonId);
        Assert.Equal("", accepted.ReasonName);
        Assert.True(double.IsNaN(accepted.ExpectedNoiseJy));
        var unreadable = ImageQualityControl.Unreadable("/x.fits", RejectReason.Unreadable, "gone").ToRecord();
        Assert.Equal(6, unreadable.ReasonId);
        Assert.Null(unreadable.StartUtc);
        Assert.True(double.IsNaN(unreadable.RmsQcJy));
    }

    [Fact]
    public void ReasonIdsAreStableAndUnique()
    {
        Assert.Equal(Enumerable.Range(0, 17), RejectReason.All.Select(r => r.Id));
        Assert.Equal(RejectReason.All.Count, RejectReason.All.Select(r => r.Name).Distinct().Count());
        Assert.Equal(5, RejectReason.DataFlat.Id);
        Assert.Equal(2, RejectReason.BrightSourceNear.Id);
    }
}
