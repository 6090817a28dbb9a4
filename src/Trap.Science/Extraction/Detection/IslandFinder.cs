using System.Numerics;
using System.Runtime.Intrinsics;
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
        // One bit per pixel, set while a candidate is not yet in an island: 1/32 of an int label per
        // pixel to write and read back (docs/science.md, "Extraction performance").
        var unvisited = ExactLengthArrayPool<byte>.Shared.Rent((pixels.Length + 7) / 8);
        var candidates = new List<int>();
        var rmsFloor = (float)(RmsFilter * maps.MedianRmsNode);
        MarkCandidates(pixels, maps.Background, maps.Rms, (float)analysis, rmsFloor, unvisited, candidates);

        var islands = new List<(long Order, Island Island)>();
        var stack = new Stack<int>();
        var members = new List<int>();
        foreach (var start in candidates)
        {
            if (!IsUnvisited(start)) continue;
            members.Clear();
            MarkVisited(start);
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
        ExactLengthArrayPool<byte>.Shared.Return(unvisited);
        return islands.OrderBy(t => t.Order).Select(t => t.Island).ToList();

        bool IsUnvisited(int j) => (unvisited[j >> 3] & (1 << (j & 7))) != 0;

        void MarkVisited(int j) => unvisited[j >> 3] &= (byte)~(1 << (j & 7));

        void Visit(int j)
        {
            if (!IsUnvisited(j)) return;
            MarkVisited(j);
            stack.Push(j);
        }
    }

    /// <summary>
    /// Vectorised threshold pass: writes every byte of the candidate bits (bit i % 8 of byte i / 8 set
    /// for a candidate pixel i, so they need no clearing pass of their own) and lists the candidates in
    /// row-major order.
    /// </summary>
    private static void MarkCandidates(ReadOnlySpan<float> pixels, float[] background, float[] rms, float analysis,
        float rmsFloor, byte[] bits, List<int> candidates)
    {
        var n = pixels.Length;
        var i = 0;
        var va = Vector256.Create(analysis);
        var vf = Vector256.Create(rmsFloor);
        var bg = background.AsSpan();
        var rm = rms.AsSpan();
        for (; i <= n - Vector256<float>.Count; i += Vector256<float>.Count)
        {
            var r = Vector256.Create(rm[i..]);
            var excess = Vector256.Create(pixels[i..]) - Vector256.Create(bg[i..]);
            var hit = (byte)(Vector256.GreaterThan(excess, va * r) & Vector256.GreaterThanOrEqual(r, vf)).ExtractMostSignificantBits();
            bits[i >> 3] = hit; // 8 pixels, one byte
            for (var lanes = (uint)hit; lanes != 0; lanes &= lanes - 1) candidates.Add(i + BitOperations.TrailingZeroCount(lanes));
        }
        if (i < n) bits[i >> 3] = 0;
        for (; i < n; i++)
        {
            if (pixels[i] - background[i] > analysis * rms[i] && rms[i] >= rmsFloor)
            {
                bits[i >> 3] |= (byte)(1 << (i & 7));
                candidates.Add(i);
            }
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
