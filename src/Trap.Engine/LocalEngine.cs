namespace Trap.Engine;

/// <summary>
/// The default engine: all cores of one machine, no services. Inputs are handed to the cores one at a
/// time as each finishes (no static partitioning), so a slow image never idles the other cores.
/// </summary>
public sealed class LocalEngine : IEngine
{
    /// <param name="parallelism">Tasks at once; 0 means one per core.</param>
    public LocalEngine(int parallelism = 0)
    {
        Parallelism = parallelism > 0 ? parallelism : Environment.ProcessorCount;
    }

    public int Parallelism { get; }

    public Task<IReadOnlyList<TOut>> MapAsync<TTask, TIn, TOut>(
        JobContext context, IReadOnlyList<TIn> inputs, CancellationToken cancellation = default, IProgress<int>? progress = null)
        where TTask : IMapTask<TIn, TOut>, new()
    {
        var task = new TTask();
        var results = new TOut[inputs.Count];
        var next = -1;
        var done = 0;
        var workers = Enumerable.Range(0, Math.Min(Parallelism, inputs.Count)).Select(_ => Task.Factory.StartNew(() =>
        {
            for (var i = Interlocked.Increment(ref next); i < inputs.Count; i = Interlocked.Increment(ref next))
            {
                cancellation.ThrowIfCancellationRequested();
                results[i] = task.Run(inputs[i], context);
                progress?.Report(Interlocked.Increment(ref done));
            }
        }, cancellation, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
        return Finish();

        async Task<IReadOnlyList<TOut>> Finish()
        {
            await Task.WhenAll(workers);
            return results;
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
