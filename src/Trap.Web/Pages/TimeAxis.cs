using Trap.Web.Html;

namespace Trap.Web.Pages;

/// <summary>
/// The time axis every light-curve panel of a source shares: one origin (the source's first point in
/// any band), one unit and one range, so the panels line up and a flare reads at the same x in each band.
/// </summary>
public sealed record TimeAxis(DateTime Origin, string Unit, double PerHour, double Last)
{
    public static TimeAxis Covering(IReadOnlyCollection<DateTime> times)
    {
        var origin = times.Count > 0 ? times.Min() : DateTime.UnixEpoch;
        var spanHours = times.Count > 0 ? (times.Max() - origin).TotalHours : 0;
        // Short series read best in minutes, long ones in days.
        var (unit, perHour) = spanHours < 2 ? ("min", 60.0) : spanHours < 72 ? ("h", 1.0) : ("d", 1 / 24.0);
        return new TimeAxis(origin, unit, perHour, spanHours * perHour);
    }

    /// <summary>The position of <paramref name="time"/> on the axis, in <see cref="Unit"/> since <see cref="Origin"/>.</summary>
    public double Of(DateTime time) => (time - Origin).TotalHours * PerHour;

    public string Label => $"time since {Fmt.Utc(Origin)} UTC ({Unit})";
}
