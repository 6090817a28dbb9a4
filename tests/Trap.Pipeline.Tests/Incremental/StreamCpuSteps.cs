using System.Diagnostics.Metrics;
using Trap.Pipeline.Streaming;

namespace Trap.Pipeline.Tests.Incremental;

/// <summary>Listens to the stream's CPU counter (<see cref="StreamCpu"/>) and notes the step of each measurement, while it is not disposed.</summary>
internal sealed class StreamCpuSteps : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly List<string> _steps = new();

    public StreamCpuSteps()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == StreamCpu.MeterName && instrument.Name == StreamCpu.CounterName) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<double>((_, _, tags, _) =>
        {
            lock (_steps) _steps.Add(tags[0].Value as string ?? "?");
        });
        _listener.Start();
    }

    /// <summary>The steps measured so far, in order (other tests' streams in this process add theirs too).</summary>
    public List<string> Seen()
    {
        lock (_steps) return _steps.ToList();
    }

    public void Dispose() => _listener.Dispose();
}
