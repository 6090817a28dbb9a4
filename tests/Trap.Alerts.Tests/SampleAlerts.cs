using Trap.Alerts;

namespace Trap.Alerts.Tests;

/// <summary>Alert contents for the tests: a flare with a short light curve, and variations of it.</summary>
public static class SampleAlerts
{
    public static readonly AlertConfig Config = new() { ContactName = "A. Astronomer", ContactEmail = "a@example.org" };

    /// <summary>Writes the flare's packet for catalogue source <paramref name="runcatId"/> into a voevents folder, named as trap run names it.</summary>
    public static void WritePacket(string folder, long runcatId)
    {
        var alert = Flare() with { Ivorn = Ivorn.Create(Config.Authority, Config.Stream, Ivorn.LocalId("demo", runcatId)) };
        File.WriteAllBytes(Path.Combine(folder, Ivorn.LocalId("demo", runcatId) + ".xml"), VoEventWriter.Write(alert, Config));
    }

    public static AlertContent Flare(int points = 12)
    {
        var start = new DateTime(2024, 9, 22, 0, 0, 0, DateTimeKind.Utc);
        var curve = Enumerable.Range(0, points)
            .Select(i => new AlertLightCurvePoint(start.AddMinutes(i), i < 3 ? 0.01 : 0.4 * Math.Exp(-(i - 3) / 3.0), 0.015, i < 3))
            .ToList();
        return new AlertContent(
            Ivorn: Ivorn.Create(Config.Authority, Config.Stream, Ivorn.LocalId("demo job", 42)),
            CreatedUtc: new DateTime(2024, 9, 23, 12, 0, 0, DateTimeKind.Utc),
            Dataset: "demo job", RuncatId: 42, RaDeg: 359.95, DecDeg: 30.25, ErrorRadiusDeg: 0.0021,
            TriggerUtc: start.AddMinutes(3), BandId: 1, BandFrequencyHz: 150e6,
            Class: "flare", Score: 0.93, ClassRule: "appeared_then_faded", SelectedBy: "new_source,cuts",
            PeakFluxJy: 0.4, PeakFluxErrJy: 0.015, EtaInt: 85.2, VInt: 1.1, EtaSignificance: 1.0, FDatapoints: points,
            NewSourceType: 1, SigmaRmsMin: 30.5, SigmaRmsMax: 21.0,
            ForcedFraction: 0.25, FirstToPeak: 0.025, LastToPeak: 0.07, TimeTrend: -0.4,
            FirstDetectionUtc: start.AddMinutes(3), PeakUtc: start.AddMinutes(3), LightCurve: curve);
    }
}
