namespace Trap.Engine;

/// <summary>
/// A map task: a named, stateless function from one input record to one output record. Engines
/// create it with its parameterless constructor on whichever worker runs it, so it must hold no
/// state beyond what it derives from the <see cref="JobContext"/>.
/// </summary>
public interface IMapTask<TIn, TOut>
{
    TOut Run(TIn input, JobContext context);
}

/// <summary>
/// A keyed reduce task with state (Spark's mapGroupsWithState): for one key, takes the key's state
/// and that key's records of this round, in the order the engine was given, and returns outputs.
/// The state is created once per key and carried by the engine from round to round.
/// </summary>
public interface IReduceTask<TKey, TRecord, TState, TOut>
    where TKey : notnull
{
    TState CreateState(TKey key, JobContext context);

    IEnumerable<TOut> Reduce(TKey key, TState state, IReadOnlyList<TRecord> records, JobContext context);
}
