using System.Numerics;
using Trap.Formats.Buffers;
using Trap.Science.Extraction.Background;

namespace Trap.Science.Extraction.Detection;

/// <summary>
/// Thresholding and island labelling (docs/science.md §4.5): candidate pixels have a background-subtracted
/// value above the analysis map and an RMS of at least 0.001 × the median RMS node (drops
/// extrapolated edges); they are grouped with 4-connectivity, and an island is kept when ANY of its
/// pixels reaches its local detection map (det × RMS), not necessarily the peak.
/// </summary>
public static class IslandFinder
{
    /// <summary>TraP's RMS_FILTER: pixels with RMS below this fraction of the median RMS node are ignored.</summary>
    public const double RmsFilter = 0.001;

    /// <summary>Islands in TraP's label order (by first pixel scanning x-major, as scipy on TraP's transposed array).</summary>
    public static List<Island> Find(ReadOnlySpan<float> pixels, BackgroundMaps maps, double detection, double analysis)
    {
        var width = maps.Width;
        if (double.IsNaN(maps.MedianRmsNode)) return new List<Island>();
        var labels = ExactLengthArrayPool<int>.Shared.Rent(pixels.Length); // 0 = not a candidate, -1 = unlabelled candidate, >0 = visited
        var candidates = new List<int>();
        var rmsFloor = (float)(RmsFilter * maps.MedianRmsNode);
        MarkCandidates(pixels, maps.Background, maps.Rms, (float)analysis, rmsFloor, labels, candidates);

        var islands = new List<(long Order, Island Island)>();
        var stack = new Stack<int>();
        var members = new List<int>();
        var label = 0;
        foreach (var start in candidates)
        {
            if (labels[start] != -1) continue;
            label++;
            members.Clear();
            labels[start] = label;
            stack.Push(start);
            while (stack.Count > 0)
            {
                var i = stack.Pop();
                members.Add(i);
                int x = i % width, y = i / width;
                if (x > 0) Visit(i - 1);
                if (x < width - 1) Visit(i + 1);
                if (y > 0) Visit(i - width);
                if (y < maps.Height - 1) Visit(i + width);
            }
            var island = Build(pixels, maps, members, detection, analysis, out var order);
            if (island is not null) islands.Add((order, island));
        }
        ExactLengthArrayPool<int>.Shared.Return(labels);
        return islands.OrderBy(t => t.Order).Select(t => t.Island).ToList();

        void Visit(int j)
        {
            if (labels[j] != -1) return;
            labels[j] = label;
            stack.Push(j);
        }
    }

    /// <summary>
    /// Vectorised threshold pass: writes every label (candidates -1, other pixels 0, so the labels need
    /// no clearing pass of their own) and lists the candidates in row-major order.
    /// </summary>
    private static void MarkCandidates(ReadOnlySpan<float> pixels, float[] background, float[] rms, float analysis,
        float rmsFloor, int[] labels, List<int> candidates)
    {
        var n = pixels.Length;
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var va = new Vector<float>(analysis);
            var vf = new Vector<float>(rmsFloor);
            var bg = background.AsSpan();
            var rm = rms.AsSpan();
            for (; i <= n - Vector<float>.Count; i += Vector<float>.Count)
            {
                var r = new Vector<float>(rm[i..]);
                var excess = new Vector<float>(pixels[i..]) - new Vector<float>(bg[i..]);
                var hit = Vector.GreaterThan(excess, va * r) & Vector.GreaterThanOrEqual(r, vf);
                hit.CopyTo(labels, i); // all bits set (-1) where a candidate, 0 elsewhere
                if (hit == Vector<int>.Zero) continue;
                for (var k = 0; k < Vector<float>.Count; k++)
                {
                    if (hit[k] != 0) candidates.Add(i + k);
                }
            }
        }
        for (; i < n; i++)
        {
            var hit = pixels[i] - background[i] > analysis * rms[i] && rms[i] >= rmsFloor;
            labels[i] = hit ? -1 : 0;
            if (hit) candidates.Add(i);
        }
    }

    private static Island? Build(ReadOnlySpan<float> pixels, BackgroundMaps maps, List<int> members,
        double detection, double analysis, out long order)
    {
        var width = maps.Width;
        int xMin = int.MaxValue, xMax = -1, yMin = int.MaxValue, yMax = -1;
        var bestExcess = double.NegativeInfinity;
        var sig = double.NegativeInfinity;
        var peak = double.NegativeInfinity;
        var peakIndex = -1;
        order = long.MaxValue;
        foreach (var i in members)
        {
            int x = i % width, y = i / width;
            xMin = Math.Min(xMin, x);
            xMax = Math.Max(xMax, x);
            yMin = Math.Min(yMin, y);
            yMax = Math.Max(yMax, y);
            order = Math.Min(order, (long)x * maps.Height + y);
            double value = pixels[i] - maps.Background[i];
            double noise = maps.Rms[i];
            bestExcess = Math.Max(bestExcess, value - detection * noise);
            sig = Math.Max(sig, value / noise);
            if (value > peak)
            {
                peak = value;
                peakIndex = i;
            }
        }
        if (bestExcess < 0) return null;

        var box = new PixelBox(xMin, yMin, xMax - xMin + 1, yMax - yMin + 1);
        var values = new double[box.Width * box.Height];
        Array.Fill(values, double.NaN);
        foreach (var i in members)
        {
            values[(i / width - yMin) * box.Width + i % width - xMin] = pixels[i] - maps.Background[i];
        }
        double peakRms = maps.Rms[peakIndex];
        return new Island(box, values, analysis * peakRms, peakRms, sig);
    }
}
