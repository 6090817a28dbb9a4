using Trap.Images.Accessors;

namespace Trap.Images.Tests;

public class ObservationTimeParserTests
{
    private static ObservationTime Parse(params (string, object)[] cards) =>
        ObservationTimeParser.Parse(TestHeaders.Build(cards), "t.fits");

    private static DateTime Utc(int y, int mo, int d, int h = 0, int mi = 0, int s = 0) => new(y, mo, d, h, mi, s, DateTimeKind.Utc);

    [Fact]
    public void IsoWithSixDecimals()
    {
        var time = Parse(("DATE-OBS", "2012-04-29T17:19:23.001599"));
        Assert.Equal(Utc(2012, 4, 29, 17, 19, 23).AddTicks(15_990), time.StartUtc);
        Assert.Equal(DateTimeKind.Utc, time.StartUtc.Kind);
        Assert.Equal(0.0, time.IntegrationSeconds);
    }

    [Fact]
    public void IsoWithOneDecimalAndZ() =>
        Assert.Equal(Utc(2020, 10, 6, 1, 26, 36).AddMilliseconds(800), Parse(("DATE-OBS", "2020-10-06T01:26:36.8Z")).StartUtc);

    [Fact]
    public void DateOnly() => Assert.Equal(Utc(2006, 3, 22), Parse(("DATE-OBS", "2006-03-22")).StartUtc);

    [Fact]
    public void OldDayMonthYearForm() => Assert.Equal(Utc(1994, 7, 23), Parse(("DATE-OBS", "23/07/94")).StartUtc);

    [Fact]
    public void QuotedFormWithSemicolonUsesTheFirstToken() =>
        Assert.Equal(Utc(2012, 4, 24, 2, 6, 42), Parse(("DATE-OBS", "'2012-04-24T02:06:42.000000';")).StartUtc);

    [Fact]
    public void WesterborkDecimalYear()
    {
        var time = Parse(("DATE-OBS", 1997.5));
        Assert.Equal(Utc(1997, 1, 1).AddDays(0.5 * ObservationTimeParser.DaysPerDecimalYear), time.StartUtc);
    }

    [Fact]
    public void MjdObsWhenDateObsIsMissing()
    {
        // MJD 59128.060148148 is 2020-10-06 01:26:36.8 (the WSClean cutout carries both).
        var time = Parse(("MJD-OBS", 59128.060148148));
        Assert.Equal(Utc(2020, 10, 6, 1, 26, 36).AddMilliseconds(800), time.StartUtc, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public void TaiIsConvertedWithLeapSeconds()
    {
        // TAI − UTC = 37 s since 2017.
        var time = Parse(("DATE-OBS", "2020-01-01T00:00:37"), ("TIMESYS", "TAI"));
        Assert.Equal(Utc(2020, 1, 1), time.StartUtc);
        Assert.Equal(33, TimeScales.TaiMinusUtc(Utc(2006, 3, 22)));
    }

    [Fact]
    public void UnsupportedTimeScaleIsAClearError() =>
        Assert.Contains("TIMESYS", Assert.Throws<ImageFormatException>(() => Parse(("DATE-OBS", "2020-01-01"), ("TIMESYS", "LOCAL"))).Message);

    [Fact]
    public void TauTimeGivesTheIntegration() =>
        Assert.Equal(18_654.3, Parse(("DATE-OBS", "2020-01-01"), ("TAU_TIME", 18_654.3), ("END_UTC", "2020-01-01T00:00:10")).IntegrationSeconds);

    [Fact]
    public void EndUtcGivesTheIntegrationWhenTauTimeIsMissing() =>
        Assert.Equal(90.5, Parse(("DATE-OBS", "2020-01-01T00:00:00"), ("END_UTC", "2020-01-01T00:01:30.5")).IntegrationSeconds, 9);

    [Fact]
    public void EndBeforeStartIsAClearError() =>
        Assert.Throws<ImageFormatException>(() => Parse(("DATE-OBS", "2020-01-01T00:01:00"), ("END_UTC", "2020-01-01T00:00:00")));

    [Fact]
    public void MissingStartIsAClearError()
    {
        var error = Assert.Throws<ImageFormatException>(() => Parse(("TELESCOP", "LOFAR")));
        Assert.Contains("DATE-OBS", error.Message);
        Assert.Contains("MJD-OBS", error.Message);
    }

    [Fact]
    public void UnreadableDateIsAClearError() =>
        Assert.Contains("DATE-OBS", Assert.Throws<ImageFormatException>(() => Parse(("DATE-OBS", "yesterday"))).Message);
}
