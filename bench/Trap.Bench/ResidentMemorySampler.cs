using System.Diagnostics;

namespace Trap.Bench;

/// <summary>
/// Samples this process's resident memory (working set) every 50 ms while it is alive, for benchmarks
/// that run in-process phases one after another: each phase gets its own peak and its own curve (the
/// process's own peak would mix the phases).
/// </summary>
public sealed class ResidentMemorySampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private readonly List<(DateTime Utc, double Mb)> _samples = new();

    public ResidentMemorySampler() => _sampling = Task.Run(SampleAsync);

    /// <summary>The samples so far, in time order.</summary>
    public IReadOnlyList<(DateTime Utc, double Mb)> Samples
    {
        get
        {
            lock (_samples) return _samples.ToList();
        }
    }

    /// <summary>The bytes its own samples take on the managed heap (16 each, as the list's capacity holds them).</summary>
    public long RetainedBytes
    {
        get
        {
            lock (_samples) return _samples.Capacity * 16L;
        }
    }

    public double PeakMb => Samples.Select(s => s.Mb).DefaultIfEmpty(double.NaN).Max();

    private async Task SampleAsync()
    {
        using var process = Process.GetCurrentProcess();
        while (!_stop.IsCancellationRequested)
        {
            process.Refresh();
            lock (_samples) _samples.Add((DateTime.UtcNow, process.WorkingSet64 / 1048576.0));
            try
            {
                await Task.Delay(50, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }
}
