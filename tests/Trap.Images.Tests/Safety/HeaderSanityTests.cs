using Trap.Formats.Fits;
using Trap.Images.Accessors;

namespace Trap.Images.Tests.Safety;

/// <summary>
/// What Trap promises about header values: a missing, non-finite or absurd value is refused with the
/// true reason (the keyword and its value), never turned into a plausible-looking wrong image.
/// </summary>
public class HeaderSanityTests
{
    private static readonly int[] Axes = [100, 100];

    /// <summary>A header Trap accepts: a SIN image with a frequency.</summary>
    private static FitsHeader Good(double ra = 150.0, double dec = 30.0) =>
        TestHeaders.SinImage(ra, dec, more: [("RESTFRQ", 150e6), ("RESTBW", 1e6)]);

    private static ImageFormatException Refused(FitsHeader header, int[]? axes = null, ImageReadOptions? options = null) =>
        Assert.Throws<ImageFormatException>(() => FitsImageParser.Parse(header, axes ?? Axes, "bad.fits", options));

    private static FitsHeader Without(FitsHeader header, string keyword) =>
        new(header.Cards.Where(c => c.Keyword != keyword));

    [Theory]
    [InlineData("9999-01-01T00:00:00", "9999-01-01")]
    [InlineData("1858-11-17T00:00:00", "1858-11-17")]
    [InlineData("1939-12-31T23:59:59", "1939-12-31")]
    public void ADateNoRadioObservationCanHaveIsImplausible(string date, string shown)
    {
        var error = Refused(TestHeaders.With(Good(), ("DATE-OBS", date)));
        Assert.Equal(ImageFault.ImplausibleHeader, error.Fault);
        Assert.Contains(shown, error.Problem);
        Assert.Contains("1940–2200", error.Problem);
    }

    [Theory]
    [InlineData("CRVAL1")]
    [InlineData("CRVAL2")]
    public void AMissingReferenceValueIsNotTakenAsZero(string keyword)
    {
        var error = Refused(Without(Good(), keyword));
        Assert.Equal(ImageFault.ImplausibleHeader, error.Fault);
        Assert.Contains($"{keyword} (the reference", error.Problem);
        Assert.Contains("missing", error.Problem);
    }

    [Theory]
    [InlineData("CRVAL1", 1e30, "beyond ±10000")]
    [InlineData("CRVAL1", -2e4, "beyond ±10000")]
    [InlineData("CRVAL2", 95.0, "beyond ±90°")]
    public void AnAbsurdReferenceValueIsNotNormalisedAway(string keyword, double value, string why)
    {
        var error = Refused(TestHeaders.With(Good(), (keyword, value)));
        Assert.Equal(ImageFault.ImplausibleHeader, error.Fault);
        Assert.Contains(keyword, error.Problem);
        Assert.Contains(why, error.Problem);
    }

    [Fact]
    public void AMissingPixelSizeIsImplausible()
    {
        var error = Refused(Without(Good(), "CDELT1"));
        Assert.Equal(ImageFault.ImplausibleHeader, error.Fault);
        Assert.Contains("CDELT1", error.Problem);
    }

    [Fact]
    public void AHugeNaxisIsRefusedForItsSizeNotForItsSkyPosition()
    {
        var error = Refused(Good(), [1_000_000_000, 100]);
        Assert.Equal(ImageFault.TooLarge, error.Fault);
        Assert.Contains("1,000,000,000 × 100 pixels", error.Problem);
    }

    [Fact]
    public void TheMemoryBudgetIsConfigurable()
    {
        var small = new ImageReadOptions { MaxImageBytes = 1024 * 1024 };
        Assert.Equal(ImageFault.TooLarge, Refused(Good(), [1024, 1024], small).Fault);
        Assert.Equal(1024, FitsImageParser.Parse(Good(), [1024, 1024], "big.fits").Width);
    }

    [Fact]
    public void PlausibleValuesStillPass()
    {
        var metadata = FitsImageParser.Parse(Good(ra: 359.9, dec: -89.0), Axes, "good.fits");
        Assert.InRange(metadata.CentreDecDeg, -90, -88);
    }
}
