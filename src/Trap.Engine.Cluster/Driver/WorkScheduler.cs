using System.Collections.Concurrent;
using System.Diagnostics;

namespace Trap.Engine.Cluster.Driver;

/// <summary>
/// Runs a stage's tasks over whichever workers are live, with at most
/// <see cref="SchedulerOptions.ExecutorCores"/> in flight per worker, re-reading the worker list as it
/// goes: a new worker takes tasks as soon as it is listed; a task whose call failed, or whose worker
/// left the list, is queued again for another worker. Tasks are pure, so when a lost call still
/// answers later the duplicate is harmless: the first result kept wins. Plain code: tested with a fake
/// directory, no cluster.
/// </summary>
public sealed class WorkScheduler
{
    private readonly IWorkerDirectory _directory;
    private readonly SchedulerOptions _options;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;
    private readonly ConcurrentDictionary<string, int> _completedByWorker = new(StringComparer.Ordinal);

    public WorkScheduler(IWorkerDirectory directory, SchedulerOptions options, Func<TimeSpan, CancellationToken, Task>? delay = null)
    {
        if (options.ExecutorCores < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.ExecutorCores, "--executor-cores must be at least 1");
        }
        _directory = directory;
        _options = options;
        _delay = delay ?? Task.Delay;
    }

    /// <summary>Tasks each worker completed (first results only), over every stage this scheduler ran; readable while it runs.</summary>
    public IReadOnlyDictionary<string, int> CompletedByWorker => _completedByWorker;

    /// <summary>Raised on the scheduling flow when a task is sent to a worker: (stage, task index, worker).</summary>
    public event Action<string, int, string>? Dispatched;

    /// <summary>Tasks re-run after their worker failed or left, over every stage this scheduler ran.</summary>
    public int Retries { get; private set; }

    /// <summary>Why calls failed (stage and reason), the last <see cref="KeptFailures"/>, oldest first; readable while it runs.</summary>
    public IReadOnlyList<string> Failures
    {
        get
        {
            lock (_failures) return _failures.ToList();
        }
    }

    private const int KeptFailures = 5;
    private readonly Queue<string> _failures = new();

    private void Failed(string stage, string why)
    {
        lock (_failures)
        {
            _failures.Enqueue($"{stage}: {why}");
            while (_failures.Count > KeptFailures) _failures.Dequeue();
        }
    }

    /// <summary>
    /// Runs <paramref name="run"/>(worker, task index) for every task; results in task order. Each task
    /// goes to the least loaded healthy worker; ties go to the worker that has done the fewest tasks of
    /// this job, so a stage of one task does not always land on the same worker.
    /// </summary>
    public async Task<TResult[]> RunAsync<TResult>(
        string stage,
        int taskCount,
        Func<string, int, CancellationToken, Task<TResult>> run,
        Action<StageProgress>? progress = null,
        CancellationToken cancellation = default)
    {
        var state = new StageState<TResult>(taskCount);
        var workers = await _directory.LiveWorkersAsync(cancellation);
        state.SawWorkers(workers);
        var lastRefresh = Stopwatch.StartNew();
        var withoutWorkers = Stopwatch.StartNew();
        Task? wake = null;
        try
        {
        while (state.Remaining > 0)
        {
            cancellation.ThrowIfCancellationRequested();
            if (lastRefresh.Elapsed >= _options.RefreshInterval)
            {
                workers = await _directory.LiveWorkersAsync(cancellation);
                lastRefresh.Restart();
                if (state.RequeueAfterLostWorkers(workers, _options.MaxAttempts, stage) > 0)
                {
                    Failed(stage, "a worker left the cluster; its tasks and the calls in flight were queued again");
                }
            }
            if (workers.Count > 0)
            {
                withoutWorkers.Restart();
            }
            else if (withoutWorkers.Elapsed > _options.NoWorkerTimeout)
            {
                throw new ClusterException(
                    $"stage {stage}: no live worker for {_options.NoWorkerTimeout.TotalSeconds:0} s; start workers " +
                    "(cluster/start-worker.sh) with the driver's cluster id and database");
            }
            Dispatch(stage, state, workers, run, cancellation);
            wake ??= _delay(_options.RefreshInterval, cancellation);
            var finished = await Task.WhenAny(state.InFlight.Keys.Append(wake));
            if (finished == wake)
            {
                wake = null;
                continue;
            }
            var (index, worker) = state.InFlight[finished];
            state.Finish(finished);
            if (finished.IsCompletedSuccessfully)
            {
                if (state.Complete(index, ((Task<TResult>)finished).Result))
                {
                    _completedByWorker.AddOrUpdate(worker, 1, (_, n) => n + 1);
                    progress?.Invoke(new StageProgress(stage, taskCount - state.Remaining, taskCount, state.Retries));
                }
                continue;
            }
            var error = finished.Exception?.InnerException;
            if (error is TaskFailedException)
            {
                throw new ClusterException($"stage {stage}, task {index}: {error.Message}", error);
            }
            cancellation.ThrowIfCancellationRequested();
            state.Quarantine(worker, _options.Quarantine);
            Failed(stage, $"task {index} on worker {worker}: {error?.GetType().Name}: {error?.Message}");
            state.Retry(index, _options.MaxAttempts, stage, $"worker {worker} failed: {error?.Message}");
        }
        return state.Results;
        }
        finally
        {
            Retries += state.Retries;
            // Calls still out (duplicates, or calls to lost workers) are abandoned; observe their end.
            foreach (var orphan in state.InFlight.Keys)
            {
                _ = orphan.ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
            }
        }
    }

    private void Dispatch<TResult>(
        string stage,
        StageState<TResult> state,
        IReadOnlyList<string> workers,
        Func<string, int, CancellationToken, Task<TResult>> run,
        CancellationToken cancellation)
    {
        var waiting = new List<int>();
        while (state.TryNextPending(out var index))
        {
            var worker = workers.Where(w => !state.IsQuarantined(w) && state.Load(w) < _options.ExecutorCores)
                .OrderBy(state.Load).ThenBy(w => _completedByWorker.GetValueOrDefault(w)).ThenBy(w => w, StringComparer.Ordinal)
                .FirstOrDefault();
            if (worker is null)
            {
                waiting.Add(index);
                continue;
            }
            state.Start(index, worker, Start(run, worker, index, cancellation));
            Dispatched?.Invoke(stage, index, worker);
        }
        // Back at the head of the queue, in their order, for the next free slot.
        for (var i = waiting.Count - 1; i >= 0; i--)
        {
            state.PutBack(waiting[i]);
        }
    }

    // Each call gets a task of its own (calls are tracked by their task, and a caller may hand back
    // one shared task for several calls); a call that throws synchronously is a failed task like any other.
    private static async Task<TResult> Start<TResult>(Func<string, int, CancellationToken, Task<TResult>> run, string worker, int index, CancellationToken cancellation) =>
        await run(worker, index, cancellation);
}
