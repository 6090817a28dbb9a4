using Trap.Images.Accessors;

namespace Trap.Images.Tests;

public class BeamParserTests
{
    [Fact]
    public void BmajBminBpaInDegrees()
    {
        var beam = BeamParser.Parse(TestHeaders.Real("lofar-wsclean/psf.fits"), null, "psf.fits");
        Assert.Equal(new RestoringBeam(0.0633232621135594, 0.0464591005462208, 86.7612722265415), beam);
    }

    [Fact]
    public void ObitCleanKeywords()
    {
        var beam = BeamParser.Parse(TestHeaders.Real("headers/obit_missing_metadata.fits"), null, "obit.fits");
        Assert.Equal(0.022222, beam.MajorFwhmDeg, 9);
        Assert.Equal(0.022222, beam.MinorFwhmDeg, 9);
        Assert.Equal(0.0, beam.PositionAngleDeg);
    }

    [Fact]
    public void AipsHistoryLineIsTheLastResort()
    {
        // The real Obit header without its CLEANB* cards still has the AIPS HISTORY line (2.2222e-02).
        var header = TestHeaders.Without(TestHeaders.Real("headers/obit_missing_metadata.fits"), "CLEANBMJ", "CLEANBMN", "CLEANBPA");
        var beam = BeamParser.Parse(header, null, "obit.fits");
        Assert.Equal(new RestoringBeam(2.2222e-2, 2.2222e-2, 0.0), beam);
    }

    [Fact]
    public void AipsHistoryLineWithAllThreeValues()
    {
        var header = TestHeaders.Build(("HISTORY", "AIPS   CLEAN BMAJ=  3.0000E-03 BMIN=  1.5000D-03 BPA= -45.50"));
        Assert.Equal(new RestoringBeam(3e-3, 1.5e-3, -45.5), BeamParser.TryParse(header));
    }

    [Fact]
    public void UserBeamOverridesTheHeader()
    {
        var user = new RestoringBeam(0.015, 0.015, 0.0);
        Assert.Equal(user, BeamParser.Parse(TestHeaders.Real("lofar-wsclean/psf.fits"), user, "psf.fits"));
    }

    [Fact]
    public void MissingBeamIsAClearError()
    {
        var error = Assert.Throws<ImageFormatException>(() =>
            BeamParser.Parse(TestHeaders.Real("headers/lofar_aipspp_header.fits"), null, "aipspp.fits"));
        Assert.Contains("BMAJ", error.Message);
        Assert.Contains("CLEANBMJ", error.Message);
        Assert.Contains("beam_major_deg", error.Remedy);
        Assert.Equal(ImageFault.MissingBeam, error.Fault);
    }

    [Fact]
    public void ZeroBeamIsAClearError()
    {
        var header = TestHeaders.Build(("BMAJ", 0.0), ("BMIN", 0.0), ("BPA", 0.0));
        Assert.Contains("not a valid beam", Assert.Throws<ImageFormatException>(() => BeamParser.Parse(header, null, "x.fits")).Message);
    }

    [Fact]
    public void BeamInPixelsFollowsTrapsFormula()
    {
        // AARTFAAC placeholder beam of 1° on 0.1121° pixels: TraP's test expects 4.46 px semi-axes.
        var pixels = new RestoringBeam(1.0, 1.0, 0.0).ToPixels(0.1121407099276, -0.1121407099276);
        Assert.Equal(4.46, pixels.SemiMajorPx, 2);
        Assert.Equal(4.46, pixels.SemiMinorPx, 2);
    }
}
