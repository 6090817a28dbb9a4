using System.Diagnostics.Metrics;
using Trap.Pipeline.Progress;
using Trap.Pipeline.Streaming;

namespace Trap.Bench;

/// <summary>
/// The stream's CPU per step (<see cref="StreamCpu"/>'s counter) and the whole process's CPU, summed
/// while the bench runs; <see cref="Take"/> marks a moment, and two marks give the CPU between them.
/// </summary>
public sealed class StreamCpuTally : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Dictionary<string, double> _steps = new(StringComparer.Ordinal);

    public StreamCpuTally()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == StreamCpu.MeterName && instrument.Name == StreamCpu.CounterName) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<double>((_, ms, tags, _) =>
        {
            var step = tags.Length > 0 ? tags[0].Value as string ?? "?" : "?";
            lock (_steps) _steps[step] = _steps.GetValueOrDefault(step) + ms;
        });
        _listener.Start();
    }

    /// <summary>The CPU so far: the process's, and each step's, in milliseconds.</summary>
    public Mark Take()
    {
        lock (_steps) return new Mark(ThreadCpuClock.ProcessMilliseconds(), new Dictionary<string, double>(_steps));
    }

    public void Dispose() => _listener.Dispose();

    public sealed record Mark(double ProcessMs, Dictionary<string, double> StepsMs)
    {
        /// <summary>Each step's CPU from <paramref name="earlier"/> to this mark, and the process's left over (work no step counts: the collector outside batches, the bench's bookkeeping, idle polls).</summary>
        public (double ProcessMs, List<(string Step, double Ms)> Steps) Since(Mark earlier)
        {
            var steps = StepsMs.Select(s => (s.Key, s.Value - earlier.StepsMs.GetValueOrDefault(s.Key))).OrderBy(s => s.Key, StringComparer.Ordinal).ToList();
            var process = ProcessMs - earlier.ProcessMs;
            steps.Add(("other", process - steps.Sum(s => s.Item2)));
            return (process, steps);
        }
    }
}
