using Trap.Science.Extraction.Background;

namespace Trap.Science.Extraction.Detection;

/// <summary>
/// Splits blended islands (docs/science.md §4.6): n log-spaced levels between the island's minimum and
/// maximum are walked upwards; where the pixels above a level fall apart into ≥ 2 significant
/// sub-islands (excess above the level &gt; 0.005 × the original island's flux and a pixel on or
/// above the detection map) each is deblended further from the next level.
/// With a minimum significance (docs/science.md, "Deblending") a sub-island must also rise that many
/// RMS above the level, and pixels touching diagonally stay together: TraP's 4-connected rule split
/// isolated point sources whose peak lies near a pixel corner into diagonal single pixels, and its
/// contrast (≈ 0.07 of the peak for a 14-pixel beam) is passed by noise at S/N ≲ 30.
/// </summary>
public static class Deblender
{
    /// <summary>TraP's DEBLEND_MINCONT: minimum share of the original island's flux for a component.</summary>
    public const double MinContrast = 0.005;

    /// <summary>
    /// Components of <paramref name="island"/> (the island itself when it does not split). A
    /// component's threshold is its level; its noise stays the RMS at its own peak and its det_sigma is
    /// computed against the RMS map, so errors keep using the image noise.
    /// </summary>
    /// <param name="minSigma">Least rise of a sub-island above its level, in RMS at its peak; 0: TraP's rule exactly.</param>
    public static List<Island> Deblend(Island island, BackgroundMaps maps, double detection, int thresholds, double minSigma)
    {
        if (thresholds <= 0) return new List<Island> { island };
        var members = island.Values.Where(Island.IsMember).ToArray();
        double min = members.Min(), max = members.Max();
        var levels = new double[thresholds];
        for (var k = 1; k <= thresholds; k++)
        {
            levels[k - 1] = min - 1 + Math.Exp(k * Math.Log(max - min + 1) / (thresholds + 1));
        }
        var result = new List<Island>();
        Split(island, 0, levels, island.Sum, maps, detection, minSigma, result);
        return result;
    }

    private static void Split(Island parent, int firstLevel, double[] levels, double originalFlux,
        BackgroundMaps maps, double detection, double minSigma, List<Island> result)
    {
        for (var k = firstLevel; k < levels.Length; k++)
        {
            var parts = Components(parent, levels[k], maps, diagonal: minSigma > 0);
            if (parts.Count < 2) continue;
            var survivors = parts
                .Where(p => p.Excess > MinContrast * originalFlux && ReachesDetection(p.Island, maps, detection) &&
                            RisesAbove(p.Island, levels[k], minSigma))
                .Select(p => p.Island)
                .ToList();
            if (survivors.Count == 1) continue;
            if (survivors.Count == 0) break;
            foreach (var sub in survivors) Split(sub, k + 1, levels, originalFlux, maps, detection, minSigma, result);
            return;
        }
        result.Add(parent);
    }

    /// <summary>The sub-island's peak lies at least minSigma × its noise (RMS at that peak) above the level it separated at.</summary>
    private static bool RisesAbove(Island sub, double level, double minSigma) =>
        minSigma <= 0 || sub.Values.Where(Island.IsMember).Max() - level >= minSigma * sub.Noise;

    /// <summary>
    /// Connected groups of the parent's pixels at or above <paramref name="level"/>, with their summed
    /// excess over it: 4-connected (TraP), or 8-connected when <paramref name="diagonal"/>.
    /// </summary>
    private static List<(Island Island, double Excess)> Components(Island parent, double level, BackgroundMaps maps, bool diagonal)
    {
        var box = parent.Box;
        var labels = new int[parent.Values.Length];
        var parts = new List<(Island, double)>();
        var stack = new Stack<int>();
        var label = 0;
        for (var start = 0; start < labels.Length; start++)
        {
            if (labels[start] != 0 || !(parent.Values[start] >= level)) continue;
            label++;
            var values = new double[parent.Values.Length];
            Array.Fill(values, double.NaN);
            var excess = 0.0;
            labels[start] = label;
            stack.Push(start);
            while (stack.Count > 0)
            {
                var i = stack.Pop();
                values[i] = parent.Values[i];
                excess += parent.Values[i] - level;
                int x = i % box.Width, y = i / box.Width;
                for (var dy = -1; dy <= 1; dy++)
                {
                    for (var dx = -1; dx <= 1; dx++)
                    {
                        if ((dx == 0 && dy == 0) || (!diagonal && dx != 0 && dy != 0)) continue;
                        if (x + dx < 0 || x + dx >= box.Width || y + dy < 0 || y + dy >= box.Height) continue;
                        Visit(i + dy * box.Width + dx);
                    }
                }
            }
            parts.Add((WithPeakStatistics(parent with { Values = values, Threshold = level }, maps), excess));
        }
        return parts;

        void Visit(int j)
        {
            if (labels[j] != 0 || !(parent.Values[j] >= level)) return;
            labels[j] = label;
            stack.Push(j);
        }
    }

    /// <summary>Noise = RMS at the component's own peak; det_sigma = max value/RMS over its pixels.</summary>
    private static Island WithPeakStatistics(Island sub, BackgroundMaps maps)
    {
        var peak = double.NegativeInfinity;
        var noise = sub.Noise;
        var sig = double.NegativeInfinity;
        for (var i = 0; i < sub.Values.Length; i++)
        {
            var v = sub.Values[i];
            if (!Island.IsMember(v)) continue;
            double rms = maps.Rms[GlobalIndex(sub.Box, i, maps.Width)];
            sig = Math.Max(sig, v / rms);
            if (v > peak)
            {
                peak = v;
                noise = rms;
            }
        }
        return sub with { Noise = noise, Sig = sig };
    }

    private static bool ReachesDetection(Island island, BackgroundMaps maps, double detection)
    {
        for (var i = 0; i < island.Values.Length; i++)
        {
            if (!Island.IsMember(island.Values[i])) continue;
            if (island.Values[i] >= detection * maps.Rms[GlobalIndex(island.Box, i, maps.Width)]) return true;
        }
        return false;
    }

    private static int GlobalIndex(PixelBox box, int boxIndex, int width) =>
        (box.Y0 + boxIndex / box.Width) * width + box.X0 + boxIndex % box.Width;
}
