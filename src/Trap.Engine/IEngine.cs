namespace Trap.Engine;

/// <summary>
/// The engine-neutral operations a Trap job is made of, shaped like Spark's: a parallel map, and a
/// keyed reduce whose records arrive sorted within each key and whose per-key state lives from round
/// to round. Tasks are classes (see <see cref="IMapTask{TIn,TOut}"/>) so an engine can run them in
/// other processes; records are flat values and images travel as paths. The science stages never
/// see which engine runs them.
/// </summary>
public interface IEngine : IAsyncDisposable
{
    /// <summary>Number of tasks the engine runs at once.</summary>
    int Parallelism { get; }

    /// <summary>Runs the map task on every input in parallel; results come back in input order.</summary>
    Task<IReadOnlyList<TOut>> MapAsync<TTask, TIn, TOut>(
        JobContext context, IReadOnlyList<TIn> inputs, CancellationToken cancellation = default)
        where TTask : IMapTask<TIn, TOut>, new();

    /// <summary>
    /// Groups the records by key, sorts each group with <paramref name="order"/>, and runs the reduce
    /// task once per key with that key's state for <paramref name="stage"/>. Keys run in parallel;
    /// outputs come back ordered by key, then in the order the task produced them.
    /// </summary>
    Task<IReadOnlyList<TOut>> ReduceByKeyAsync<TTask, TKey, TRecord, TState, TOut>(
        JobContext context,
        string stage,
        IEnumerable<TRecord> records,
        Func<TRecord, TKey> keyOf,
        IComparer<TRecord> order,
        CancellationToken cancellation = default)
        where TTask : IReduceTask<TKey, TRecord, TState, TOut>, new()
        where TKey : notnull, IComparable<TKey>;

    /// <summary>The state of every key of a stage, ordered by key (for the final aggregate).</summary>
    Task<IReadOnlyList<(TKey Key, TState State)>> CollectStatesAsync<TKey, TState>(
        string stage, CancellationToken cancellation = default)
        where TKey : notnull, IComparable<TKey>;
}
