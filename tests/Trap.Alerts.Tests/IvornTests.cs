using Trap.Alerts;

namespace Trap.Alerts.Tests;

/// <summary>IVORNs follow the rules a broker (Comet) checks on receipt.</summary>
public class IvornTests
{
    [Fact]
    public void LocalIdIsStableAndSafe()
    {
        Assert.Equal("my_survey_2024-runcat-7", Ivorn.LocalId("my survey/2024", 7));
        Assert.Equal(Ivorn.LocalId("demo", 7), Ivorn.LocalId("demo", 7));
        Assert.NotEqual(Ivorn.LocalId("demo", 7), Ivorn.LocalId("demo", 8));
        Assert.Equal("ivo://nl.astron.trap/lofar/transients#demo-runcat-7", Ivorn.Create("nl.astron.trap", "lofar/transients", "demo-runcat-7"));
    }

    [Theory]
    [InlineData("ab", "stream", "id")]
    [InlineData("-bad", "stream", "id")]
    [InlineData("trap.local", "a//b", "id")]
    [InlineData("trap.local", "a/../b", "id")]
    [InlineData("trap.local", "stream/", "id")]
    [InlineData("trap.local", "stream", "")]
    [InlineData("trap.local", "stream", "a#b")]
    public void InvalidPartsAreRefusedWithTheRule(string authority, string stream, string localId)
    {
        var error = Assert.Throws<ArgumentException>(() => Ivorn.Create(authority, stream, localId));
        Assert.Contains("'", error.Message);
    }

    [Fact]
    public void ConfigValidationNamesTheBadKey()
    {
        Assert.Contains("authority", Assert.Throws<ArgumentException>(() => new AlertConfig { Authority = "x" }.Validate()).Message);
        Assert.Contains("host:port", Assert.Throws<ArgumentException>(() => new AlertConfig { Broker = "localhost" }.Validate()).Message);
        new AlertConfig { Broker = "localhost:8098" }.Validate();
    }
}
