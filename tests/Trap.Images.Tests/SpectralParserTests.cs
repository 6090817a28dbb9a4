using Trap.Images.Accessors;

namespace Trap.Images.Tests;

public class SpectralParserTests
{
    private const string File = "test.fits";

    [Fact]
    public void FreqAxisBeyondNaxisIsFound()
    {
        // WSClean cutout: NAXIS = 2, WCSAXES = 4, FREQ on axis 3.
        var spectral = SpectralParser.Parse(TestHeaders.Real("lofar-wsclean/GRB201006A_final_2min_srcs-t0002-image-pb_cutout.fits"), File);
        Assert.Equal(143_650_817.871094, spectral.FrequencyHz, 6);
        Assert.Equal(46_875_000.0, spectral.BandwidthHz, 6);
        Assert.Equal("CTYPE3=FREQ", spectral.Source);
    }

    [Fact]
    public void FreqAxisUsesReferencePixelAndUnit()
    {
        var header = TestHeaders.Build(("NAXIS", 3), ("CTYPE3", "FREQ"), ("CRVAL3", 150.0), ("CDELT3", -2.0), ("CRPIX3", 3.0), ("CUNIT3", "MHz"));
        var spectral = SpectralParser.Parse(header, File);
        // ν at pixel 1 = 150 + (−2)(1 − 3) = 154 MHz.
        Assert.Equal(154e6, spectral.FrequencyHz, 6);
        Assert.Equal(2e6, spectral.BandwidthHz, 6);
    }

    [Fact]
    public void AipsFreqObsWithUpperCaseHz()
    {
        var spectral = SpectralParser.Parse(TestHeaders.Real("headers/lofar_aipspp_header.fits"), File);
        Assert.Equal(60_076_500.0, spectral.FrequencyHz, 6);
        Assert.Equal(154_200.0, spectral.BandwidthHz, 6);
    }

    [Fact]
    public void VoptGivesTheCasaRecordFrequencyForAmiLa()
    {
        // docs/science.md §10.6: CRVAL4 = −3.565e7 m/s with ν0 = 13.882 GHz is 15,755,706,255 Hz, the CASA
        // record's spectral crval; its cdelt is 5,246,368,750 Hz (python-casacore, coords.spectral2.wcs).
        var spectral = SpectralParser.Parse(TestHeaders.Real("derived/ami-la.image2fits.fits"), File);
        // image2fits writes 13 significant digits, so agreement is to ~1e-13, i.e. a few mHz.
        Assert.Equal(15_755_706_255.0, spectral.FrequencyHz, 0.01);
        Assert.Equal(5_246_368_750.0, spectral.BandwidthHz, 1e-2);
    }

    [Fact]
    public void VoptBandwidthGivesTheCasaRecordIncrementForLofar()
    {
        // docs/science.md §10.6: CDELT4 = −4,937,027.532 m/s, ν0 = 115,917,968.75 Hz → Δν = 1,940,917.97 Hz.
        var spectral = SpectralParser.Parse(TestHeaders.Real("derived/L55596_restored_corr.image2fits.fits"), File);
        Assert.Equal(115_917_968.75, spectral.FrequencyHz, 1e-6);
        Assert.Equal(1_940_917.97, spectral.BandwidthHz, 0.01);
    }

    [Fact]
    public void VradIsLinearInVelocity()
    {
        var header = TestHeaders.Build(("CTYPE3", "VRAD"), ("CRVAL3", 3000.0), ("CDELT3", 1500.0), ("CRPIX3", 1.0), ("CUNIT3", "km/s"),
            ("RESTFRQ", 1.4204e9));
        var spectral = SpectralParser.Parse(header, File);
        Assert.Equal(1.4204e9 * (1 - 3e6 / SpectralParser.SpeedOfLight), spectral.FrequencyHz, 1e-3);
        Assert.Equal(1.4204e9 * 1.5e6 / SpectralParser.SpeedOfLight, spectral.BandwidthHz, 1e-3);
    }

    [Fact]
    public void RestFrequencyAndRestBandwidthWithoutAxis()
    {
        var spectral = SpectralParser.Parse(TestHeaders.Build(("RESTFRQ", 1.5e8), ("RESTBW", 2e5)), File);
        Assert.Equal(1.5e8, spectral.FrequencyHz);
        Assert.Equal(2e5, spectral.BandwidthHz);
        Assert.Empty(spectral.Warnings);
    }

    [Fact]
    public void RestFrequencyAloneGetsTrapsOneMegahertzWithAWarning()
    {
        var spectral = SpectralParser.Parse(TestHeaders.Real("aegean-wcs/1904-66_SIN.fits"), File);
        Assert.Equal(1_420_405_750.0, spectral.FrequencyHz);
        Assert.Equal(SpectralParser.DefaultBandwidthHz, spectral.BandwidthHz);
        Assert.Contains(spectral.Warnings, w => w.Contains("RESTBW"));
    }

    [Fact]
    public void SpectralAxisWinsOverADisagreeingRestFrequency()
    {
        // ASKAP/CASA style: RESTFRQ is the HI line, the image is at 888 MHz.
        var header = TestHeaders.Build(("CTYPE3", "FREQ"), ("CRVAL3", 887.5e6), ("CDELT3", 288e6), ("CRPIX3", 1.0), ("RESTFRQ", 1.420405752e9));
        var spectral = SpectralParser.Parse(header, File);
        Assert.Equal(887.5e6, spectral.FrequencyHz);
        Assert.Contains(spectral.Warnings, w => w.Contains("RESTFRQ"));
    }

    [Fact]
    public void NoFrequencyIsAClearError()
    {
        var error = Assert.Throws<ImageFormatException>(() =>
            SpectralParser.Parse(TestHeaders.Real("headers/obit_missing_metadata.fits"), "obit.fits"));
        Assert.Equal("obit.fits", error.File);
        Assert.Contains("RESTFRQ", error.Message);
        Assert.Contains("FREQ", error.Message);
        Assert.Contains("WCSAXES", error.Message);
    }

    [Fact]
    public void VelocityAxisWithoutRestFrequencyIsAClearError()
    {
        var header = TestHeaders.Build(("CTYPE4", "VOPT"), ("CRVAL4", 0.0), ("CDELT4", -1e6), ("CRPIX4", 1.0));
        var error = Assert.Throws<ImageFormatException>(() => SpectralParser.Parse(header, File));
        Assert.Contains("RESTFRQ", error.Message);
    }

    [Fact]
    public void UnknownFrequencyUnitIsAClearError()
    {
        var header = TestHeaders.Build(("CTYPE3", "FREQ"), ("CRVAL3", 1.0), ("CDELT3", 1.0), ("CUNIT3", "THz?"));
        Assert.Contains("CUNIT3", Assert.Throws<ImageFormatException>(() => SpectralParser.Parse(header, File)).Message);
    }
}
