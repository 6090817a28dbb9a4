using Trap.Dataset;
using Trap.Images;
using Trap.Science.Quality;
using static Trap.Science.Tests.Quality.QualityTestImages;

namespace Trap.Science.Tests.Quality;

public class ImageQualityControlTests
{
    private static readonly ImageQualityControl Qc = new(new QualityConfig());

    private static QualityVerdict RunLofar(Func<ImageMetadata, ImageMetadata>? change = null, double noiseFactor = 5)
    {
        var m = LofarMetadata();
        m = change?.Invoke(m) ?? m;
        return Qc.Run(WithNoise(m, noiseFactor * LofarNoise(LofarMetadata())));
    }

    private static void AssertRejected(QualityVerdict verdict, RejectReason reason, QualityCheck failedCheck, string fragment)
    {
        Assert.False(verdict.Accepted);
        Assert.Equal(reason, verdict.Rejection!.Reason);
        Assert.Equal(failedCheck, verdict.ChecksRun[^1]);
        Assert.Contains(fragment, verdict.Rejection.Explanation);
    }

    [Fact]
    public void GoodLofarImagePassesEveryCheckInTrapsOrder()
    {
        var verdict = RunLofar();
        Assert.True(verdict.Accepted, verdict.Rejection?.ToString());
        Assert.Equal(
            [QualityCheck.Readable, QualityCheck.Metadata, QualityCheck.Flat, QualityCheck.Nan, QualityCheck.PixelRange, QualityCheck.TauTime,
             QualityCheck.NoiseRatio, QualityCheck.Beam, QualityCheck.BrightSource, QualityCheck.RmsBounds, QualityCheck.BeamLimits],
            verdict.ChecksRun);
        Assert.InRange(verdict.RmsQc / verdict.ExpectedNoiseJy, 4.8, 5.2);
    }

    [Fact]
    public void GenericImageGetsNoTelescopeChecks()
    {
        var verdict = Qc.Run(WithNoise(GenericMetadata(), 0.01));
        Assert.True(verdict.Accepted);
        Assert.Equal(
            [QualityCheck.Readable, QualityCheck.Metadata, QualityCheck.Flat, QualityCheck.Nan, QualityCheck.PixelRange, QualityCheck.RmsBounds, QualityCheck.BeamLimits],
            verdict.ChecksRun);
        Assert.True(double.IsNaN(verdict.ExpectedNoiseJy));
    }

    [Fact]
    public void FlatImageIsRejectedFirst()
    {
        var m = LofarMetadata() with { IntegrationSeconds = 0 };
        var verdict = Qc.Run(new SkyImage(m, Enumerable.Repeat(0.25f, m.Width * m.Height).ToArray()));
        AssertRejected(verdict, RejectReason.DataFlat, QualityCheck.Flat, "0.25");
    }

    [Fact]
    public void NanBlockInTheFieldIsRejectedAsNanDominated()
    {
        // 64 of 256 rows blank across the middle: about 32 % of the inscribed circle.
        var image = WithNoise(GenericMetadata(), 0.01);
        for (var y = 96; y < 160; y++) Array.Fill(image.Pixels, float.NaN, y * image.Width, image.Width);
        var verdict = Qc.Run(image);
        AssertRejected(verdict, RejectReason.NanDominated, QualityCheck.Nan, "max_nan_fraction = 10.0");
        Assert.InRange(verdict.NanFraction, 0.30, 0.34);
    }

    [Fact]
    public void BlankCornersOutsideTheFieldAndSmallBlanksAreAccepted()
    {
        // A primary-beam-like mask: everything outside the inscribed circle is NaN (21 % of the image).
        var image = WithNoise(GenericMetadata(), 0.01);
        for (var y = 0; y < image.Height; y++)
        for (var x = 0; x < image.Width; x++)
        {
            var (dx, dy) = (x + 0.5 - 128, y + 0.5 - 128);
            if (dx * dx + dy * dy > 128 * 128) image.Pixels[y * image.Width + x] = float.NaN;
        }
        // Plus a 40 x 40 blank inside the field: 3.1 % of it.
        for (var y = 20; y < 60; y++) Array.Fill(image.Pixels, float.NaN, y * image.Width + 100, 40);
        var verdict = Qc.Run(image);
        Assert.True(verdict.Accepted, verdict.Rejection?.ToString());
        Assert.InRange(verdict.NanFraction, 0.030, 0.033);
    }

    [Fact]
    public void AllNanImageIsNanDominatedNotFlat()
    {
        var m = GenericMetadata();
        var verdict = Qc.Run(new SkyImage(m, Enumerable.Repeat(float.NaN, m.Width * m.Height).ToArray()));
        AssertRejected(verdict, RejectReason.NanDominated, QualityCheck.Nan, "(100.0");
    }

    [Fact]
    public void AartfaacImageWithOneNanIsRejectedAsContainingNan()
    {
        var image = WithNoise(GenericMetadata() with { Telescope = "AARTFAAC", Accessor = "aartfaac" }, 0.01);
        image.Pixels[17] = float.NaN;
        AssertRejected(Qc.Run(image), RejectReason.ContainsNan, QualityCheck.Nan, "1 of 65536");
        // The same NaN in a generic image is fine.
        var generic = WithNoise(GenericMetadata(), 0.01);
        generic.Pixels[17] = float.NaN;
        Assert.True(Qc.Run(generic).Accepted);
    }

    [Fact]
    public void LofarImageWithoutIntegrationTimeIsRejected() =>
        AssertRejected(RunLofar(m => m with { IntegrationSeconds = 0 }), RejectReason.TauTimeInvalid, QualityCheck.TauTime, "0 s");

    [Fact]
    public void LofarImageFarNoisierThanTheoryIsRejectedWithTheRatio()
    {
        var verdict = RunLofar(noiseFactor: 100);
        AssertRejected(verdict, RejectReason.RmsInvalid, QualityCheck.NoiseRatio, "above high_bound = 80");
        Assert.Contains("× the LOFAR theoretical noise", verdict.Rejection!.Explanation);
    }

    [Fact]
    public void LofarImageQuieterThanTheoryIsRejected() =>
        AssertRejected(RunLofar(noiseFactor: 0.5), RejectReason.RmsInvalid, QualityCheck.NoiseRatio, "below low_bound = 1");

    [Fact]
    public void LofarImageWithBadBeamIsRejectedBeforeTheBrightSourceCheck()
    {
        // 3″ pixels: a 200″ beam has 33 px semi-axes; pointed at CasA too, the beam still wins.
        var verdict = RunLofar(m => m with { Beam = new RestoringBeam(200.0 / 3600, 200.0 / 3600, 0), CentreRaDeg = 350.85, CentreDecDeg = 58.8 });
        AssertRejected(verdict, RejectReason.BeamInvalid, QualityCheck.Beam, "oversampled");
    }

    [Fact]
    public void LofarImageNearCasAIsRejected() =>
        AssertRejected(RunLofar(m => m with { CentreRaDeg = 352, CentreDecDeg = 55 }), RejectReason.BrightSourceNear, QualityCheck.BrightSource, "CasA");

    [Fact]
    public void GenericImageNearCasAIsNotCheckedForBrightSources() =>
        Assert.True(Qc.Run(WithNoise(GenericMetadata() with { CentreRaDeg = 352, CentreDecDeg = 55 }, 0.01)).Accepted);

    [Fact]
    public void GenericImageWithBadBeamIsRejectedByTheBeamLimits()
    {
        var m = GenericMetadata() with { Beam = new RestoringBeam(20.0 / 3600, 5.0 / 3600, 0) };
        AssertRejected(Qc.Run(WithNoise(m, 0.01)), RejectReason.BeamInvalid, QualityCheck.BeamLimits, "elliptical");
    }

    [Fact]
    public void RmsOutsideTheAbsoluteBoundsIsRejected()
    {
        AssertRejected(Qc.Run(WithNoise(GenericMetadata(), 150)), RejectReason.RmsInvalid, QualityCheck.RmsBounds, "rms_est_max");
        var strict = new ImageQualityControl(new QualityConfig { RmsEstMin = 0.02 });
        AssertRejected(strict.Run(WithNoise(GenericMetadata(), 0.01)), RejectReason.RmsInvalid, QualityCheck.RmsBounds, "0.02");
    }

    [Fact]
    public void GenericExpectedNoiseIsCheckedWhenConfigured()
    {
        var qc = new ImageQualityControl(new QualityConfig { ExpectedNoiseJy = 0.001, ExpectedNoiseHighBound = 5 });
        var verdict = qc.Run(WithNoise(GenericMetadata(), 0.01));
        AssertRejected(verdict, RejectReason.RmsInvalid, QualityCheck.NoiseRatio, "configured expected noise");
        Assert.Equal(0.001, verdict.ExpectedNoiseJy);
        Assert.True(qc.Run(WithNoise(GenericMetadata(), 0.003)).Accepted);
    }

    [Theory]
    [InlineData(double.NaN, 1.0)]
    [InlineData(0.0, 1.0)]
    [InlineData(1.0, -1.0)]
    public void MissingBeamIsRejected(double major, double minor)
    {
        var m = GenericMetadata() with { Beam = new RestoringBeam(major / 3600 * 12, minor / 3600 * 8, 0) };
        AssertRejected(Qc.Run(WithNoise(m, 0.01)), RejectReason.MissingBeam, QualityCheck.Metadata, "BMAJ");
    }

    [Fact]
    public void MissingStartTimeIsRejected() =>
        AssertRejected(Qc.Run(WithNoise(GenericMetadata() with { StartUtc = default }, 0.01)), RejectReason.MissingTime, QualityCheck.Metadata, "DATE-OBS");

    [Fact]
    public void LofarFrequencyOutsideTheNoiseModelIsRejectedNotThrown() =>
        AssertRejected(RunLofar(m => m with { FrequencyHz = 400e6 }), RejectReason.RmsInvalid, QualityCheck.NoiseRatio, "300] MHz");

    [Fact]
    public void InvalidConfigurationNamesTheKey()
    {
        var e = Assert.Throws<ArgumentException>(() => new ImageQualityControl(new QualityConfig { EllipticalX = 0.5 }));
        Assert.Contains("elliptical_x", e.Message);
    }
}
