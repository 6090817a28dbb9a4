using System.Numerics;
using Trap.Pipeline.Progress;

namespace Trap.Bench;

/// <summary>
/// The floor extraction is measured against (issue 18: "how many passes' worth"): the thread CPU time
/// of one plain pass over an image's pixel buffer — a vectorised sum (read only) and a copy into a
/// second buffer of the same size (read and write) — the median of N passes over the same buffer.
/// </summary>
public static class MemoryPasses
{
    /// <summary>Median thread CPU ms of one read pass and of one copy pass over <paramref name="buffer"/>.</summary>
    public static (double ReadMs, double CopyMs) Measure(float[] buffer, int passes)
    {
        var target = new float[buffer.Length];
        var reads = new List<double>();
        var copies = new List<double>();
        var total = 0f;
        for (var pass = 0; pass < passes; pass++)
        {
            var start = ThreadCpuClock.Milliseconds();
            total += Sum(buffer);
            var read = ThreadCpuClock.Milliseconds();
            buffer.AsSpan().CopyTo(target);
            var copy = ThreadCpuClock.Milliseconds();
            reads.Add(read - start);
            copies.Add(copy - read);
        }
        GC.KeepAlive(total);
        return (BenchStatistics.Median(reads), BenchStatistics.Median(copies));
    }

    private static float Sum(ReadOnlySpan<float> values)
    {
        var sum = Vector<float>.Zero;
        var i = 0;
        for (; i <= values.Length - Vector<float>.Count; i += Vector<float>.Count) sum += new Vector<float>(values[i..]);
        var total = Vector.Sum(sum);
        for (; i < values.Length; i++) total += values[i];
        return total;
    }
}
