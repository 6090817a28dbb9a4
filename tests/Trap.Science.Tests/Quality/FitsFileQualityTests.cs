using Trap.Dataset;
using Trap.Formats.Fits;
using Trap.Images;
using Trap.Images.Accessors;
using Trap.Pipeline.Stages;
using Trap.Science.Quality;
using static Trap.Science.Tests.Quality.QualityTestImages;

namespace Trap.Science.Tests.Quality;

/// <summary>QC of FITS files written to disk and read back through ImageReader (LOFAR header cards).</summary>
public sealed class FitsFileQualityTests : IDisposable
{
    private const int Size = 128;
    private readonly string _folder = Directory.CreateTempSubdirectory("trap-quality-").FullName;
    private readonly ImageQualityControl _qc = new(new QualityConfig());

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A LOFAR HBA header like <see cref="QualityTestImages.LofarMetadata"/>, minus the named keywords.</summary>
    private static FitsHeader LofarHeader(params string[] without)
    {
        var cards = new List<FitsCard>
        {
            FitsCard.OfString("CTYPE1", "RA---SIN"), FitsCard.OfReal("CRVAL1", 30), FitsCard.OfReal("CRPIX1", Size / 2 + 1),
            FitsCard.OfReal("CDELT1", -3.0 / 3600), FitsCard.OfString("CUNIT1", "deg"),
            FitsCard.OfString("CTYPE2", "DEC--SIN"), FitsCard.OfReal("CRVAL2", 60), FitsCard.OfReal("CRPIX2", Size / 2 + 1),
            FitsCard.OfReal("CDELT2", 3.0 / 3600), FitsCard.OfString("CUNIT2", "deg"),
            FitsCard.OfReal("RESTFRQ", 150e6), FitsCard.OfReal("RESTBW", 195312.5),
            FitsCard.OfReal("BMAJ", 12.0 / 3600), FitsCard.OfReal("BMIN", 8.0 / 3600), FitsCard.OfReal("BPA", 0),
            FitsCard.OfString("DATE-OBS", "2024-03-01T12:00:00.0"), FitsCard.OfString("TIMESYS", "UTC"),
            FitsCard.OfString("TELESCOP", "LOFAR"), FitsCard.OfString("ANTENNA", "HBA_DUAL_INNER"),
            FitsCard.OfInteger("NCORE", 24), FitsCard.OfInteger("NREMOTE", 14), FitsCard.OfInteger("NINTL", 0),
            FitsCard.OfInteger("SUBBANDS", 1), FitsCard.OfReal("SUBBANDW", 195312.5), FitsCard.OfReal("TAU_TIME", 60),
            FitsCard.OfString("BUNIT", "JY/BEAM"),
        };
        var header = new FitsHeader();
        foreach (var card in cards.Where(c => !without.Contains(c.Keyword))) header.Add(card);
        return header;
    }

    private string Write(string name, FitsHeader header, double sigmaJy)
    {
        var path = Path.Combine(_folder, name);
        FitsWriter.Write(path, header, Noise(Size * Size, sigmaJy), [Size, Size]);
        return path;
    }

    private static double TheoreticalNoise() => LofarNoise(LofarMetadata());

    [Fact]
    public void GoodLofarFileIsAcceptedAfterEveryLofarCheck()
    {
        var result = ImageIngest.Ingest(Write("good.fits", LofarHeader(), 5 * TheoreticalNoise()), _qc);
        Assert.True(result.Verdict.Accepted, result.Verdict.Rejection?.ToString());
        Assert.Contains(QualityCheck.BrightSource, result.Verdict.ChecksRun);
        Assert.Equal(TheoreticalNoise(), result.Verdict.ExpectedNoiseJy, 12);
    }

    [Fact]
    public void NoisyLofarFileIsRejectedForItsRms()
    {
        var verdict = ImageIngest.Ingest(Write("noisy.fits", LofarHeader(), 100 * TheoreticalNoise()), _qc).Verdict;
        Assert.Equal(RejectReason.RmsInvalid, verdict.Rejection?.Reason);
    }

    [Fact]
    public void FileWithoutBeamIsRejectedAsMissingBeam()
    {
        var verdict = ImageIngest.Ingest(Write("nobeam.fits", LofarHeader("BMAJ", "BMIN", "BPA"), 5 * TheoreticalNoise()), _qc).Verdict;
        Assert.Equal(RejectReason.MissingBeam, verdict.Rejection?.Reason);
        Assert.Contains("nobeam.fits", verdict.Rejection!.Explanation);
    }

    [Fact]
    public void FileWithoutBeamIsAcceptedWithABeamOverride()
    {
        var options = new ImageReadOptions { BeamOverride = new RestoringBeam(12.0 / 3600, 8.0 / 3600, 0) };
        var ingested = ImageIngest.Ingest(Write("nobeam.fits", LofarHeader("BMAJ", "BMIN", "BPA"), 5 * TheoreticalNoise()), _qc, options);
        Assert.True(ingested.Verdict.Accepted, ingested.Verdict.Rejection?.ToString());
        Assert.Equal(options.BeamOverride, ingested.Image!.Metadata.Beam);
    }

    [Fact]
    public void FileWithoutStartTimeIsRejectedAsMissingTime()
    {
        var verdict = ImageIngest.Ingest(Write("nodate.fits", LofarHeader("DATE-OBS"), 5 * TheoreticalNoise()), _qc).Verdict;
        Assert.Equal(RejectReason.MissingTime, verdict.Rejection?.Reason);
    }

    [Fact]
    public void TruncatedFileIsRejectedAsUnreadable()
    {
        var path = Write("truncated.fits", LofarHeader(), 5 * TheoreticalNoise());
        using (var stream = new FileStream(path, FileMode.Open)) stream.SetLength(stream.Length / 2);
        var result = ImageIngest.Ingest(path, _qc);
        Assert.Null(result.Image);
        Assert.Equal(RejectReason.Unreadable, result.Verdict.Rejection?.Reason);
        Assert.Contains("truncated.fits", result.Verdict.Rejection!.Explanation);
    }

    [Fact]
    public void MissingFileIsRejectedAsUnreadable() =>
        Assert.Equal(RejectReason.Unreadable, ImageIngest.Ingest(Path.Combine(_folder, "absent.fits"), _qc).Verdict.Rejection?.Reason);
}
