using System.Collections.Concurrent;

namespace Trap.Engine;

/// <summary>
/// The default engine: all cores of one machine, no services. Keyed state lives in memory.
/// </summary>
public sealed class LocalEngine : IEngine
{
    private readonly ConcurrentDictionary<string, object> _stageStates = new();

    /// <param name="parallelism">Tasks at once; 0 means one per core.</param>
    public LocalEngine(int parallelism = 0)
    {
        Parallelism = parallelism > 0 ? parallelism : Environment.ProcessorCount;
    }

    public int Parallelism { get; }

    public Task<IReadOnlyList<TOut>> MapAsync<TTask, TIn, TOut>(
        JobContext context, IReadOnlyList<TIn> inputs, CancellationToken cancellation = default)
        where TTask : IMapTask<TIn, TOut>, new()
    {
        var task = new TTask();
        var results = new TOut[inputs.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellation };
        Parallel.For(0, inputs.Count, options, i => results[i] = task.Run(inputs[i], context));
        return Task.FromResult<IReadOnlyList<TOut>>(results);
    }

    public Task<IReadOnlyList<TOut>> ReduceByKeyAsync<TTask, TKey, TRecord, TState, TOut>(
        JobContext context,
        string stage,
        IEnumerable<TRecord> records,
        Func<TRecord, TKey> keyOf,
        IComparer<TRecord> order,
        CancellationToken cancellation = default)
        where TTask : IReduceTask<TKey, TRecord, TState, TOut>, new()
        where TKey : notnull, IComparable<TKey>
    {
        var task = new TTask();
        var states = StatesOf<TKey, TState>(stage);
        var groups = records.GroupBy(keyOf).OrderBy(g => g.Key).ToArray();
        var outputs = new List<TOut>[groups.Length];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellation };
        Parallel.For(0, groups.Length, options, i =>
        {
            var group = groups[i];
            var sorted = group.ToList();
            sorted.Sort(order);
            var state = states.GetOrAdd(group.Key, key => task.CreateState(key, context));
            outputs[i] = task.Reduce(group.Key, state, sorted, context).ToList();
        });
        return Task.FromResult<IReadOnlyList<TOut>>(outputs.SelectMany(o => o).ToList());
    }

    public Task<IReadOnlyList<(TKey Key, TState State)>> CollectStatesAsync<TKey, TState>(
        string stage, CancellationToken cancellation = default)
        where TKey : notnull, IComparable<TKey>
    {
        var states = StatesOf<TKey, TState>(stage);
        IReadOnlyList<(TKey, TState)> ordered = states.OrderBy(p => p.Key).Select(p => (p.Key, p.Value)).ToList();
        return Task.FromResult(ordered);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private ConcurrentDictionary<TKey, TState> StatesOf<TKey, TState>(string stage) where TKey : notnull =>
        (ConcurrentDictionary<TKey, TState>)_stageStates.GetOrAdd(stage, _ => new ConcurrentDictionary<TKey, TState>());
}
