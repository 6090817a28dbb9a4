using Trap.Pipeline.Stages;
using Trap.Science.Quality;
using Trap.TestSupport;

namespace Trap.Science.Tests.Quality;

/// <summary>QC verdicts on the real images of shared/data/realdata, read through ImageReader.</summary>
public class RealImageQualityTests
{
    private static readonly ImageQualityControl Qc = new(new QualityConfig());

    [Theory]
    // Generic accessor (no LOFAR ANTENNA card): no telescope checks; sensible noise and beams.
    [InlineData("lofar-wsclean/GRB201006A_final_2min_srcs-t0002-image-pb_cutout.fits")]
    [InlineData("lofar-wsclean/psf.fits")]
    [InlineData("derived/L55596_restored_corr.image2fits.fits")]
    [InlineData("ami-la/ami-la.image")]
    [InlineData("derived/ami-la.image2fits.fits")]
    [InlineData("kat7/kat7.image")]
    [InlineData("derived/kat7.image2fits.fits")]
    public void GoodImagesAreAccepted(string relative)
    {
        var verdict = ImageIngest.Ingest(RealData.PathOf(relative), Qc).Verdict;
        Assert.True(verdict.Accepted, verdict.Rejection?.ToString());
        Assert.InRange(verdict.RmsQc, 1e-6, 1);
        Assert.Equal(QualityCheck.BeamLimits, verdict.ChecksRun[^1]);
    }

    [Theory]
    // AMI-LA beams of 5.4 x 2.5 and 6.1 x 2.4 pixels: more elliptical than TraP's elliptical_x = 2.
    [InlineData("ami-la/GRB120422A-120429.fits", "beam_invalid", "ratio 2.2 > elliptical_x = 2")]
    [InlineData("ami-la/SWIFT_554620-130504.fits", "beam_invalid", "ratio 2.589")]
    [InlineData("ami-la/SWIFT_554620-130504.image", "beam_invalid", "ratio 2.589")]
    // LOFAR CASA image whose LOFAR_ORIGIN spans ~673 days: the theoretical noise is ~5 µJy, the rms 0.35 Jy.
    [InlineData("lofar-casa/L55596_000TO009_skymodellsc_wmax6000_noise_mult10_cell40_npix512_wplanes215.img.restored.corr",
        "rms_invalid", "above high_bound = 80")]
    // WCS test maps without DATE-OBS, and headers without a frequency or without an image.
    [InlineData("aegean-wcs/1904-66_SIN.fits", "missing_time", "DATE-OBS")]
    [InlineData("aegean-wcs/1904-66_SIN.lb.fits", "unreadable", "no observing frequency")]
    [InlineData("headers/obit_missing_metadata.fits", "unreadable", "no observing frequency")]
    [InlineData("headers/lofar_aipspp_header.fits", "unreadable", "there is no image")]
    public void BadImagesAreRejectedWithTheirReason(string relative, string reason, string fragment)
    {
        var verdict = ImageIngest.Ingest(RealData.PathOf(relative), Qc).Verdict;
        Assert.False(verdict.Accepted);
        Assert.Equal(reason, verdict.Rejection!.Reason.Name);
        Assert.Contains(fragment, verdict.Rejection.Explanation);
    }

    [Fact]
    public void LofarCasaImageGetsTheLofarChecks()
    {
        var path = RealData.PathOf("lofar-casa/L55596_000TO009_skymodellsc_wmax6000_noise_mult10_cell40_npix512_wplanes215.img.restored.corr");
        var verdict = ImageIngest.Ingest(path, Qc).Verdict;
        Assert.Equal([QualityCheck.Readable, QualityCheck.Metadata, QualityCheck.Flat, QualityCheck.Nan, QualityCheck.PixelRange, QualityCheck.TauTime, QualityCheck.NoiseRatio],
            verdict.ChecksRun);
        Assert.Equal("HBA_DUAL", verdict.Metadata!.Lofar!.AntennaSet);
        Assert.InRange(verdict.RmsQc / verdict.ExpectedNoiseJy, 1e4, 1e5);
    }
}
