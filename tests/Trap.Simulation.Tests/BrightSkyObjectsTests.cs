using Trap.Simulation.Planning;
using Trap.Simulation.Sky;

namespace Trap.Simulation.Tests;

public class BrightSkyObjectsTests
{
    [Fact]
    public void SunMatchesAstropyAtTheDefaultSurveyStart()
    {
        // astropy 5.2 get_sun(Time('2024-09-22T00:00:00')): RA 179.20796°, Dec +0.34380° (apparent, geocentric).
        var sun = BrightSkyObjects.Sun(new DateTime(2024, 9, 22, 0, 0, 0, DateTimeKind.Utc));
        Assert.InRange(sun.SeparationDeg(new SkyPosition(179.20796, 0.34380)), 0.0, 0.02);
    }

    [Fact]
    public void GeneratedPointingsAvoidBrightSourcesAndEachOther()
    {
        var spec = new SurveySpec { Pointings = 12, StartUtc = new DateTime(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc) };
        var centres = PointingLayout.Centres(spec);
        Assert.Equal(12, centres.Count);
        Assert.Equal(PointingLayout.RaWrapCentre, centres[0]);
        Assert.Equal(PointingLayout.HighDecCentre, centres[1]);
        foreach (var centre in centres.Skip(2))
        {
            var (name, separation) = BrightSkyObjects.Nearest(centre, spec.StartUtc, PointingLayout.SurveyEnd(spec));
            Assert.True(separation >= PointingLayout.BrightSourceClearanceDeg, $"{centre} is {separation:F1}° from {name}");
        }
        for (var i = 0; i < centres.Count; i++)
        {
            for (var j = i + 1; j < centres.Count; j++) Assert.True(centres[i].SeparationDeg(centres[j]) > 2.0);
        }
    }
}
