namespace Trap.Formats.Wcs;

/// <summary>
/// The 2×2 linear part of a WCS in degrees per pixel: intermediate (x, y) = M · (pixel − CRPIX).
/// Rows are the longitude and latitude world axes, columns the image's x and y pixel axes. It is
/// CDELT·PC (or CD, or the CROTA2 form) restricted to the celestial axes.
/// </summary>
public readonly record struct LinearMatrix(double M11, double M12, double M21, double M22)
{
    /// <summary>A diagonal matrix: CDELT1 and CDELT2 with no rotation.</summary>
    public static LinearMatrix Diagonal(double cdelt1Deg, double cdelt2Deg) => new(cdelt1Deg, 0, 0, cdelt2Deg);

    public double Determinant => M11 * M22 - M12 * M21;

    /// <summary>Length on the sky (degrees, at the reference point) of one step along pixel x: |CDELT1| without rotation.</summary>
    public double ScaleXDeg => Math.Sqrt(M11 * M11 + M21 * M21);

    /// <summary>Length on the sky (degrees, at the reference point) of one step along pixel y: |CDELT2| without rotation.</summary>
    public double ScaleYDeg => Math.Sqrt(M12 * M12 + M22 * M22);

    /// <summary>True when the matrix cannot be inverted (zero or non-finite determinant, or relatively tiny).</summary>
    public bool IsSingular
    {
        get
        {
            var largest = Math.Max(Math.Max(Math.Abs(M11), Math.Abs(M12)), Math.Max(Math.Abs(M21), Math.Abs(M22)));
            var det = Determinant;
            return !double.IsFinite(det) || largest == 0 || Math.Abs(det) <= 1e-12 * largest * largest;
        }
    }

    public (double X, double Y) Apply(double px, double py) => (M11 * px + M12 * py, M21 * px + M22 * py);

    public LinearMatrix Inverse()
    {
        var det = Determinant;
        return new LinearMatrix(M22 / det, -M12 / det, -M21 / det, M11 / det);
    }
}
