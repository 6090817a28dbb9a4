using Trap.Science.Extraction.Detection;

namespace Trap.Science.Extraction.Fitting;

/// <summary>
/// Gaussian parameters from the island's first and second moments (docs/science.md §4.7 step 1), with the
/// correction for the island being cut off at the analysis threshold, and the start values of the fit.
/// </summary>
public static class Moments
{
    private static readonly double Ln2 = Math.Log(2);

    /// <summary>
    /// Moments estimate in image pixel coordinates, and the island sum (flux in pixel units). Returns
    /// false when the moments are undefined (e.g. the weights sum to zero).
    /// </summary>
    /// <param name="threshold">The island's analysis threshold (Jy/beam); 0 for a forced fit (no truncation correction).</param>
    public static bool TryMeasure(Island island, BeamShape beam, double threshold, out GaussianParameters result, out double flux)
    {
        var box = island.Box;
        double sum = 0, sumX = 0, sumY = 0, max = double.NegativeInfinity, min = double.PositiveInfinity;
        var count = 0;
        for (var by = 0; by < box.Height; by++)
        {
            for (var bx = 0; bx < box.Width; bx++)
            {
                var v = island[bx, by];
                if (!Island.IsMember(v)) continue;
                count++;
                sum += v;
                sumX += v * bx;
                sumY += v * by;
                max = Math.Max(max, v);
                min = Math.Min(min, v);
            }
        }
        flux = sum;
        var peak = sum / count >= 0 ? max * beam.FudgeMaxPix : min;
        double xBar = sumX / sum, yBar = sumY / sum;
        double xx = 0, yy = 0, xy = 0;
        for (var by = 0; by < box.Height; by++)
        {
            for (var bx = 0; bx < box.Width; bx++)
            {
                var v = island[bx, by];
                if (!Island.IsMember(v)) continue;
                xx += v * (bx - xBar) * (bx - xBar);
                yy += v * (by - yBar) * (by - yBar);
                xy += v * (bx - xBar) * (by - yBar);
            }
        }
        xx /= sum;
        yy /= sum;
        xy /= sum;
        var w1 = (xx + yy) / 2;
        var w2 = Math.Sqrt((xx - yy) * (xx - yy) / 4 + xy * xy);
        var smaj2 = 2 * Ln2 * (w1 + w2);
        var smin2 = 2 * Ln2 * (w1 - w2);
        if (threshold != 0)
        {
            // A Gaussian cut at T/P has smaller second moments; this restores them.
            var ratio = threshold / peak;
            var correction = 1 + Math.Log(ratio) * ratio / (1 - ratio);
            smaj2 /= correction;
            smin2 /= correction;
        }
        var smaj = Math.Sqrt(Math.Max(smaj2, 0));
        var smin = Math.Sqrt(Math.Max(smin2, 0));
        if (count == 1)
        {
            smaj = smin = Math.Sqrt(beam.Area / Math.PI);
        }
        else if (smin == 0)
        {
            smin = beam.Area / (Math.PI * smaj);
        }
        var theta = Math.Abs(smaj - smin) < 0.01 ? 0.0 : MajorAxisAngle(xx, yy, xy);
        result = new GaussianParameters(peak, box.X0 + xBar, box.Y0 + yBar, smaj, smin, theta);
        return result.IsFinite && double.IsFinite(flux);
    }

    /// <summary>Start values when the moments fail: peak 1, box centre, unit axes, θ 0.</summary>
    public static GaussianParameters Fallback(Island island) =>
        new(1, island.Box.X0 + (island.Box.Width - 1) / 2.0, island.Box.Y0 + (island.Box.Height - 1) / 2.0, 1, 1, 0);

    /// <summary>θ of the major axis (from +y towards −x) from the second moments.</summary>
    private static double MajorAxisAngle(double xx, double yy, double xy)
    {
        // ½·atan gives the principal direction measured from +x in (−π/4, π/4); turning it by ∓π/2 when
        // θ·xy > 0 yields the major axis measured from +y. With xy exactly 0 the rule cannot tell, so an
        // x-elongated island gets π/2 explicitly (the limit of both sides).
        if (xy == 0) return xx > yy ? Math.PI / 2 : 0;
        var theta = xx != yy ? 0.5 * Math.Atan(2 * xy / (xx - yy)) : Math.Sign(xy) * Math.PI / 4;
        if (theta * xy > 0) theta -= Math.Sign(theta) * Math.PI / 2;
        return theta;
    }
}
