namespace Trap.Formats.Wcs.Projections;

/// <summary>Constants shared by the projections.</summary>
internal static class ProjectionMath
{
    /// <summary>How far (in radians or unit-sphere units) a point may lie beyond a boundary and still be
    /// clamped onto it, as wcslib does (its tolerance is 1e-13).</summary>
    public const double Tolerance = 1e-13;

    public const double HalfPi = Math.PI / 2;

    /// <summary>Fails both outputs with NaN so a caller ignoring the result cannot use garbage.</summary>
    public static bool Fail(out double a, out double b)
    {
        a = double.NaN;
        b = double.NaN;
        return false;
    }
}
