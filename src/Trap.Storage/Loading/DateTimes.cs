namespace Trap.Storage.Loading;

/// <summary>Row times are UTC by the project's rule; readers may hand them back without a Kind.</summary>
public static class DateTimes
{
    /// <summary>The same instant marked UTC: Unspecified is taken as UTC, Local is converted.</summary>
    public static DateTime AsUtc(DateTime time) => time.Kind switch
    {
        DateTimeKind.Utc => time,
        DateTimeKind.Local => time.ToUniversalTime(),
        _ => DateTime.SpecifyKind(time, DateTimeKind.Utc),
    };
}
