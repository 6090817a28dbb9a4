namespace Trap.Engine;

/// <summary>
/// The engine-neutral operation a Trap job is made of: a parallel map of tasks over small input
/// records (Spark's mapPartitions over task descriptors). The shuffle lives on storage, as in
/// MapReduce: map tasks write their outputs as files partitioned by key into the job's working
/// folder, and a reduce is a task per key that reads its partition, so no engine carries records or
/// per-key state. Tasks are classes (see <see cref="IMapTask{TIn,TOut}"/>) so an engine can run them
/// in other processes; inputs are flat values and images travel as paths. The science stages never
/// see which engine runs them.
/// </summary>
public interface IEngine : IAsyncDisposable
{
    /// <summary>Number of tasks the engine runs at once.</summary>
    int Parallelism { get; }

    /// <summary>
    /// Runs the task on every input in parallel; results come back in input order. A task may be run
    /// more than once for one input (a retry after a lost worker), so it must be a pure function of
    /// its input, the job and the files it reads. <paramref name="progress"/> hears the number of
    /// inputs done so far.
    /// </summary>
    Task<IReadOnlyList<TOut>> MapAsync<TTask, TIn, TOut>(
        JobContext context, IReadOnlyList<TIn> inputs, CancellationToken cancellation = default, IProgress<int>? progress = null)
        where TTask : IMapTask<TIn, TOut>, new();
}
