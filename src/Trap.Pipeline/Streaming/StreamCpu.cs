using System.Diagnostics.Metrics;
using Trap.Pipeline.Progress;

namespace Trap.Pipeline.Streaming;

/// <summary>
/// The CPU time `trap stream` spends per step (docs/streaming.md, "Measured"), published as the counter
/// <see cref="CounterName"/> (milliseconds, tagged <c>step</c>) of the meter <see cref="MeterName"/>, for
/// dotnet-counters or a MeterListener (the stream bench). CPU, not wall time: on a machine shared with
/// other work it hardly moves with the load. Steps beside the batch (receiving a feed, reading a new
/// file's header, extracting ahead) are synchronous sections timed by their thread's CPU clock; a
/// batch's steps also use the engine's threads, so each is the process's CPU over the step minus the
/// beside-the-batch sections that ran meanwhile (the garbage collector's threads count in the batch's).
/// Nothing is measured while nobody listens, or off Linux (no thread CPU clock).
/// </summary>
public static class StreamCpu
{
    public const string MeterName = "Trap.Stream";
    public const string CounterName = "trap.stream.cpu";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<double> Cpu = Meter.CreateCounter<double>(CounterName, "ms", "CPU time of trap stream, per step");

    /// <summary>The beside-the-batch sections' CPU so far, in microseconds (what a batch step subtracts).</summary>
    private static long _besideMicros;

    private static bool On => Cpu.Enabled && ThreadCpuClock.IsAvailable;

    /// <summary>Runs <paramref name="work"/>, a synchronous section beside the batch, and counts its thread's CPU under <paramref name="step"/>.</summary>
    public static T Beside<T>(string step, Func<T> work)
    {
        if (!On) return work();
        var start = ThreadCpuClock.Milliseconds();
        try
        {
            return work();
        }
        finally
        {
            var ms = ThreadCpuClock.Milliseconds() - start;
            Interlocked.Add(ref _besideMicros, (long)(ms * 1000));
            Cpu.Add(ms, new KeyValuePair<string, object?>("step", step));
        }
    }

    /// <inheritdoc cref="Beside{T}"/>
    public static void Beside(string step, Action work) => Beside(step, () =>
    {
        work();
        return true;
    });

    /// <summary>The steps of one batch, one after another: each <see cref="Mark"/> ends a step begun at the previous one.</summary>
    internal sealed class BatchSteps
    {
        private double _process;
        private long _beside;

        public BatchSteps() => Restart();

        /// <summary>Counts the process's CPU since the last mark, less the beside-the-batch sections', as step <paramref name="step"/>.</summary>
        public void Mark(string step)
        {
            if (!ThreadCpuClock.IsAvailable) return;
            var (process, beside) = (_process, _beside);
            Restart();
            if (Cpu.Enabled) Cpu.Add(_process - process - (_beside - beside) / 1000.0, new KeyValuePair<string, object?>("step", step));
        }

        private void Restart()
        {
            if (!ThreadCpuClock.IsAvailable) return;
            (_process, _beside) = (ThreadCpuClock.ProcessMilliseconds(), Interlocked.Read(ref _besideMicros));
        }
    }
}
