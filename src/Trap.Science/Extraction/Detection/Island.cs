using Trap.Science.Extraction.Background;

namespace Trap.Science.Extraction.Detection;

/// <summary>
/// A group of connected pixels to measure as one source (or a forced-fit box). <see cref="Values"/>
/// covers <see cref="Box"/> row by row with background-subtracted values; pixels that are not part of
/// the island are NaN and take no part in any sum or fit.
/// </summary>
/// <param name="Threshold">Analysis threshold at the peak pixel (Jy/beam): the moments' truncation level; 0 for forced fits.</param>
/// <param name="Noise">RMS at the peak pixel (Jy/beam): the noise of the error formulae and of χ².</param>
/// <param name="Sig">Largest value/RMS over the island (det_sigma).</param>
public sealed record Island(PixelBox Box, double[] Values, double Threshold, double Noise, double Sig)
{
    public double this[int bx, int by] => Values[by * Box.Width + bx];

    public static bool IsMember(double value) => !double.IsNaN(value);

    /// <summary>Number of member pixels.</summary>
    public int PixelCount => Values.Count(IsMember);

    /// <summary>Sum of member values (the island's flux in pixel units).</summary>
    public double Sum => Values.Where(IsMember).Sum();
}
