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

    public Task<IReadOnlyList<TOut>> MapAsync<TIn, TOut>(
        string stage, IReadOnlyList<TIn> inputs, Func<TIn, TOut> map, CancellationToken cancellation = default)
    {
        var results = new TOut[inputs.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellation };
        Parallel.For(0, inputs.Count, options, i => results[i] = map(inputs[i]));
        return Task.FromResult<IReadOnlyList<TOut>>(results);
    }

    public Task<IReadOnlyList<TOut>> ReduceByKeyAsync<TKey, TRecord, TState, TOut>(
        string stage,
        IEnumerable<TRecord> records,
        Func<TRecord, TKey> keyOf,
        IComparer<TRecord> order,
        Func<TKey, TState> createState,
        Func<TKey, TState, IReadOnlyList<TRecord>, IEnumerable<TOut>> reduce,
        CancellationToken cancellation = default)
        where TKey : notnull, IComparable<TKey>
    {
        var states = StatesOf<TKey, TState>(stage);
        var groups = records.GroupBy(keyOf).OrderBy(g => g.Key).ToArray();
        var outputs = new List<TOut>[groups.Length];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellation };
        Parallel.For(0, groups.Length, options, i =>
        {
            var group = groups[i];
            var sorted = group.ToList();
            sorted.Sort(order);
            var state = states.GetOrAdd(group.Key, createState);
            outputs[i] = reduce(group.Key, state, sorted).ToList();
        });
        return Task.FromResult<IReadOnlyList<TOut>>(outputs.SelectMany(o => o).ToList());
    }

    public IEnumerable<TOut> CollectStates<TKey, TState, TOut>(string stage, Func<TKey, TState, IEnumerable<TOut>> visit)
        where TKey : notnull, IComparable<TKey>
    {
        var states = StatesOf<TKey, TState>(stage);
        foreach (var pair in states.OrderBy(p => p.Key))
        {
            foreach (var output in visit(pair.Key, pair.Value)) yield return output;
        }
    }

    private ConcurrentDictionary<TKey, TState> StatesOf<TKey, TState>(string stage) where TKey : notnull =>
        (ConcurrentDictionary<TKey, TState>)_stageStates.GetOrAdd(stage, _ => new ConcurrentDictionary<TKey, TState>());
}
