using Trap.Dataset;
using Trap.Science.Quality;
using Trap.Science.Quality.Ephemeris;

namespace Trap.Science.Tests.Quality;

public class BrightSourceCheckTests
{
    private static readonly DateTime Start = new(2024, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("CasA", 350.8500, 58.8150)]
    [InlineData("CygA", 299.8682, 40.7339)]
    [InlineData("TauA", 83.6332, 22.0145)]
    [InlineData("HerA", 252.7838, 4.9925)]
    [InlineData("VirA", 187.7059, 12.3911)]
    public void PointingAtAFixedSourceIsRejectedNamingIt(string name, double ra, double dec)
    {
        var rejection = BrightSourceCheck.Check(ra + 1, dec, Start, 10);
        Assert.NotNull(rejection);
        Assert.Equal(RejectReason.BrightSourceNear, rejection.Reason);
        Assert.StartsWith(name, rejection.Explanation);
    }

    [Fact]
    public void SeparationLimitIsStrictAndConfigurable()
    {
        // Due north of CygA: the separation is the Dec difference.
        Assert.NotNull(BrightSourceCheck.Check(299.8682, 40.7339 + 9.9, Start, 10));
        Assert.Null(BrightSourceCheck.Check(299.8682, 40.7339 + 10.1, Start, 10));
        Assert.NotNull(BrightSourceCheck.Check(299.8682, 40.7339 + 10.1, Start, 20));
    }

    [Theory]
    [InlineData(SolarSystemBody.Sun)]
    [InlineData(SolarSystemBody.Jupiter)]
    public void PointingNearTheSunOrJupiterAtTheStartTimeIsRejected(SolarSystemBody body)
    {
        var (ra, dec) = SolarSystemEphemeris.Position(body, Start);
        var rejection = BrightSourceCheck.Check(ra, dec + 5, Start, 10);
        Assert.NotNull(rejection);
        Assert.StartsWith(body.ToString(), rejection.Explanation);
        // Half a year later the body has moved far away.
        Assert.Null(BrightSourceCheck.Check(ra, dec + 5, Start.AddDays(182), 10));
    }

    [Fact]
    public void InvalidEphemerisRejectsLikeTrap()
    {
        var rejection = BrightSourceCheck.Check(30, 60, new DateTime(1750, 1, 1, 0, 0, 0, DateTimeKind.Utc), 10);
        Assert.NotNull(rejection);
        Assert.Equal(RejectReason.BrightSourceNear, rejection.Reason);
        Assert.Contains("Invalid ephemeris", rejection.Explanation);
    }
}
