namespace Trap.Engine;

/// <summary>
/// The engine-neutral operations a Trap job is made of, shaped like Spark's: a parallel map, and a
/// keyed reduce where each key's records arrive in a defined order and each key keeps state across
/// successive calls of the same stage (Spark's mapGroupsWithState). Records are flat values; images
/// travel as paths. The science stages never see which engine runs them.
/// </summary>
public interface IEngine
{
    /// <summary>Number of tasks the engine runs at once.</summary>
    int Parallelism { get; }

    /// <summary>Applies <paramref name="map"/> to every input in parallel; results come back in input order.</summary>
    Task<IReadOnlyList<TOut>> MapAsync<TIn, TOut>(
        string stage,
        IReadOnlyList<TIn> inputs,
        Func<TIn, TOut> map,
        CancellationToken cancellation = default);

    /// <summary>
    /// Groups <paramref name="records"/> by key, sorts each group with <paramref name="order"/> and
    /// calls <paramref name="reduce"/> once per key with that key's state (created on first use by
    /// <paramref name="createState"/> and kept for later calls with the same <paramref name="stage"/>).
    /// Keys are processed in parallel; the outputs come back ordered by key, then in reducer order.
    /// </summary>
    Task<IReadOnlyList<TOut>> ReduceByKeyAsync<TKey, TRecord, TState, TOut>(
        string stage,
        IEnumerable<TRecord> records,
        Func<TRecord, TKey> keyOf,
        IComparer<TRecord> order,
        Func<TKey, TState> createState,
        Func<TKey, TState, IReadOnlyList<TRecord>, IEnumerable<TOut>> reduce,
        CancellationToken cancellation = default)
        where TKey : notnull, IComparable<TKey>;

    /// <summary>Calls <paramref name="visit"/> on the state of every key of a stage, ordered by key (for the final aggregate).</summary>
    IEnumerable<TOut> CollectStates<TKey, TState, TOut>(string stage, Func<TKey, TState, IEnumerable<TOut>> visit)
        where TKey : notnull, IComparable<TKey>;
}
