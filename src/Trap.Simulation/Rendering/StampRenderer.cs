namespace Trap.Simulation.Rendering;

/// <summary>
/// Adds an elliptical Gaussian to an image on a small stamp around its centre rather than over the
/// whole image. Pixels are point samples at their centres (pixel (i, j) is at x = i, y = j), as in a
/// restored radio image; the stamp reaches <see cref="StampSigmas"/> standard deviations, beyond
/// which the profile is below 1e-8 of its peak.
/// </summary>
public static class StampRenderer
{
    public const double StampSigmas = 6.0;

    /// <summary>
    /// Adds <paramref name="peak"/>·exp(−½ dᵀΣ⁻¹d) centred at (<paramref name="x0"/>, <paramref name="y0"/>)
    /// to <paramref name="pixels"/> (row-major, index = y·width + x). Parts off the image are skipped.
    /// </summary>
    public static void Add(Span<float> pixels, int width, int height, double x0, double y0, double peak, GaussianShape shape)
    {
        if (peak == 0.0) return;
        var rx = StampSigmas * Math.Sqrt(shape.Sxx);
        var ry = StampSigmas * Math.Sqrt(shape.Syy);
        var xLo = Math.Max(0, (int)Math.Ceiling(x0 - rx));
        var xHi = Math.Min(width - 1, (int)Math.Floor(x0 + rx));
        var yLo = Math.Max(0, (int)Math.Ceiling(y0 - ry));
        var yHi = Math.Min(height - 1, (int)Math.Floor(y0 + ry));
        if (xLo > xHi || yLo > yHi) return;

        // exp(−½ q) with q = (Syy dx² − 2 Sxy dx dy + Sxx dy²) / det.
        var det = shape.Determinant;
        var cxx = -0.5 * shape.Syy / det;
        var cxy = shape.Sxy / det;
        var cyy = -0.5 * shape.Sxx / det;
        for (var y = yLo; y <= yHi; y++)
        {
            var dy = y - y0;
            var row = pixels.Slice(y * width, width);
            var linear = cxy * dy;
            var constant = cyy * dy * dy;
            for (var x = xLo; x <= xHi; x++)
            {
                var dx = x - x0;
                row[x] += (float)(peak * Math.Exp(dx * (cxx * dx + linear) + constant));
            }
        }
    }
}
