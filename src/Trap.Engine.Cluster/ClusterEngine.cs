using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Trap.Engine.Cluster.Driver;
using Trap.Engine.Cluster.Membership;
using Trap.Engine.Cluster.Status;
using Trap.Engine.Cluster.Wire;

namespace Trap.Engine.Cluster;

/// <summary>
/// The engine on a cluster of `trap worker` processes (Orleans silos). This process is the driver: it
/// does the shuffle itself (groups records by key and sorts each group, exactly as
/// <see cref="LocalEngine"/> does), cuts each stage into tasks, and sends them to the workers as JSON.
/// Reduce state that JSON can carry lives in the driver between rounds and travels with each call
/// (the worker returns the new state): a worker that dies holds no state, so its tasks are simply run
/// again elsewhere. State that cannot cross the wire stays on the worker that holds its key, which
/// gets that key's rounds only; the driver keeps each key's lineage (its rounds' tasks and records)
/// and, when the holder is lost, replays it on another worker to rebuild the state (as Spark
/// recomputes a lost partition).
/// </summary>
public sealed class ClusterEngine : IEngine
{
    private readonly ClusterEngineOptions? _options;
    private readonly SchedulerOptions _schedulerOptions;
    private readonly int _tasksPerSlot;
    private readonly Dictionary<string, object> _stageStates = new();
    private readonly Dictionary<string, object> _stickyStages = new();
    private readonly string _jobId = Guid.NewGuid().ToString("N");
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private readonly JobProgressStore? _progress;
    private IHost? _host;
    private OrleansWorkers? _workers;
    private IWorkerDirectory? _directory;
    private WorkScheduler? _taskScheduler;
    private string _jobName = "job";
    private StageProgress? _lastProgress;
    private bool _failed;

    /// <summary>A driver that connects to the cluster (through its database) on first use.</summary>
    public ClusterEngine(ClusterEngineOptions options)
    {
        _options = options;
        _schedulerOptions = options.Scheduler;
        _tasksPerSlot = options.TasksPerSlot;
        _progress = new JobProgressStore(options.ConnectionString, options.ClusterId);
        Parallelism = options.Scheduler.ExecutorCores;
    }

    /// <summary>A driver on an existing cluster client (the in-process test cluster); no progress records.</summary>
    public ClusterEngine(IClusterClient client, SchedulerOptions scheduler, int tasksPerSlot = 4)
    {
        _schedulerOptions = scheduler;
        _tasksPerSlot = tasksPerSlot;
        _workers = new OrleansWorkers(client);
        _directory = _workers;
        Parallelism = scheduler.ExecutorCores;
    }

    /// <summary>Tasks each worker (by silo address) completed so far in this job.</summary>
    public IReadOnlyDictionary<string, int> CompletedTasksByWorker =>
        _taskScheduler?.CompletedByWorker ?? new Dictionary<string, int>();

    /// <summary>Tasks re-run so far in this job because their worker failed or left.</summary>
    public int RetriedTasks => _taskScheduler?.Retries ?? 0;

    /// <summary>Keys whose worker-held state was rebuilt from its lineage on another worker so far in this job.</summary>
    public int ReplayedKeys { get; private set; }

    /// <summary>Live workers × executor cores, as of the start of the last stage.</summary>
    public int Parallelism { get; private set; }

    public async Task<IReadOnlyList<TOut>> MapAsync<TTask, TIn, TOut>(
        JobContext context, IReadOnlyList<TIn> inputs, CancellationToken cancellation = default)
        where TTask : IMapTask<TIn, TOut>, new()
    {
        WireContract.Require(typeof(TIn), "map input");
        WireContract.Require(typeof(TOut), "map output");
        var signature = Signature<TTask>(context, typeof(TIn), typeof(TOut));
        var inputJson = inputs.Select(i => WireJson.Write(i)).ToArray();
        var outputs = await RunStageAsync($"map {typeof(TTask).Name}", inputJson.Length, async (workers, worker, range) =>
        {
            var reply = await workers.MapAsync(worker, new MapRequest(signature, inputJson[range]));
            return reply.Error is null ? reply.Outputs : throw new TaskFailedException(reply.Error);
        }, cancellation);
        return outputs.SelectMany(o => o).Select(WireJson.Read<TOut>).ToList();
    }

    public async Task<IReadOnlyList<TOut>> ReduceByKeyAsync<TTask, TKey, TRecord, TState, TOut>(
        JobContext context,
        string stage,
        IEnumerable<TRecord> records,
        Func<TRecord, TKey> keyOf,
        IComparer<TRecord> order,
        CancellationToken cancellation = default)
        where TTask : IReduceTask<TKey, TRecord, TState, TOut>, new()
        where TKey : notnull, IComparable<TKey>
    {
        WireContract.Require(typeof(TKey), "reduce key");
        WireContract.Require(typeof(TRecord), "reduce record");
        WireContract.Require(typeof(TOut), "reduce output");
        var signature = Signature<TTask>(context, typeof(TKey), typeof(TRecord), typeof(TState), typeof(TOut));
        var groups = records.GroupBy(keyOf).OrderBy(g => g.Key).Select(group =>
        {
            var sorted = group.ToList();
            sorted.Sort(order);
            return (group.Key, KeyJson: WireJson.Write(group.Key), RecordsJson: WireJson.Write(sorted));
        }).ToArray();
        var outputs = WireContract.ProblemOf(typeof(TState)) is null
            ? await ReduceShippedAsync(signature, stage, groups, cancellation)
            : await ReduceStickyAsync(signature, stage, groups, cancellation);
        return outputs.SelectMany(WireJson.Read<List<TOut>>).ToList();
    }

    public Task<IReadOnlyList<(TKey Key, TState State)>> CollectStatesAsync<TKey, TState>(
        string stage, CancellationToken cancellation = default)
        where TKey : notnull, IComparable<TKey>
    {
        if (WireContract.ProblemOf(typeof(TState)) is { } problem)
        {
            throw new ClusterException(
                $"reduce stage '{stage}' keeps its states of type {typeof(TState).FullName} on the workers, because {problem}, " +
                "so the driver cannot collect them; emit the rows you need from a final reduce round over the same stage " +
                "(a task whose outputs are those rows) instead of collecting the states");
        }
        IReadOnlyList<(TKey, TState)> ordered = StatesOf<TKey>(stage)
            .OrderBy(p => p.Key)
            .Select(p => (p.Key, WireJson.Read<TState>(p.Value)))
            .ToList();
        return Task.FromResult(ordered);
    }

    // State the driver holds: each call carries the keys' states in and brings the new ones back.
    private async Task<string[]> ReduceShippedAsync<TKey>(
        TaskSignature signature, string stage, (TKey Key, string KeyJson, string RecordsJson)[] groups, CancellationToken cancellation)
        where TKey : notnull
    {
        var states = StatesOf<TKey>(stage);
        var work = groups.Select(g => new KeyWork(g.KeyJson, states.GetValueOrDefault(g.Key), g.RecordsJson)).ToArray();
        var results = await RunStageAsync($"reduce {stage}", work.Length, async (workers, worker, range) =>
        {
            var reply = await workers.ReduceAsync(worker, new ReduceRequest(signature, work[range]));
            return reply.Error is null ? reply.Results : throw new TaskFailedException(reply.Error);
        }, cancellation);
        var outputs = new List<string>();
        var index = 0;
        foreach (var result in results.SelectMany(r => r))
        {
            states[groups[index++].Key] = result.StateJson;
            outputs.Add(result.OutputsJson);
        }
        return outputs.ToArray();
    }

    // State the workers hold: each key's batch goes to its holder; any other worker gets the key's
    // lineage to replay first. Outputs (JSON arrays) come back in key order.
    private async Task<string[]> ReduceStickyAsync<TKey>(
        TaskSignature signature, string stage, (TKey Key, string KeyJson, string RecordsJson)[] groups, CancellationToken cancellation)
        where TKey : notnull
    {
        var sticky = StickyOf<TKey>(stage);
        var workers = await ConnectAsync(cancellation);
        var live = await _directory!.LiveWorkersAsync(cancellation);
        Parallelism = Math.Max(1, live.Count) * _schedulerOptions.ExecutorCores;
        var targets = sticky.Place(groups.Select(g => g.Key).ToArray(), live);
        var batches = Enumerable.Range(0, groups.Length).GroupBy(i => targets[i], (target, held) => (Target: target, Keys: held.ToArray()))
            .SelectMany(held => Batches.Cut(held.Keys.Length, _schedulerOptions.ExecutorCores * _tasksPerSlot)
                .Select(range => (held.Target, Keys: held.Keys[range])))
            .ToArray();
        StickyReduceRequest Request(string worker, int[] keys, bool rebuildAll) => new(_jobId, stage, signature, keys.Select(i =>
        {
            var (key, keyJson, recordsJson) = groups[i];
            var lineage = sticky.LineageOf(key);
            var replay = rebuildAll || sticky.HolderOf(key) != worker ? lineage.ToArray() : null;
            return new StickyKeyWork(keyJson, lineage.Count, replay, recordsJson);
        }).ToArray());
        var results = await RunTasksAsync($"reduce {stage}", batches.Length, async (worker, b) =>
        {
            var keys = batches[b].Keys;
            var request = Request(worker, keys, rebuildAll: false);
            var reply = await workers.ReduceStickyAsync(worker, request);
            if (reply.NeedsReplay)
            {
                // The worker's copy is not at the round we expect (a late duplicate call ran on it).
                request = Request(worker, keys, rebuildAll: true);
                reply = await workers.ReduceStickyAsync(worker, request);
            }
            if (reply.Error is not null || reply.NeedsReplay)
            {
                throw new TaskFailedException(reply.Error ?? $"worker {worker} could not rebuild the states it was sent");
            }
            return (Worker: worker, reply.OutputsJson, Replayed: request.Keys.Count(k => k.Replay is { Count: > 0 }));
        }, cancellation, b => batches[b].Target);
        var outputs = new string[groups.Length];
        for (var b = 0; b < batches.Length; b++)
        {
            var (worker, outputsJson, replayed) = results[b];
            ReplayedKeys += replayed;
            for (var k = 0; k < batches[b].Keys.Length; k++)
            {
                var i = batches[b].Keys[k];
                outputs[i] = outputsJson[k];
                sticky.Completed(groups[i].Key, worker, new ReplayRound(signature, groups[i].RecordsJson));
            }
        }
        return outputs;
    }

    public async ValueTask DisposeAsync()
    {
        if (_progress is not null && _lastProgress is not null)
        {
            await _progress.WriteAsync(_jobName, _failed ? "failed" : "finished", _lastProgress);
        }
        if (_stickyStages.Count > 0)
        {
            await ForgetStickyStatesAsync();
        }
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }
    }

    private async Task<TResult[]> RunStageAsync<TResult>(
        string stage, int itemCount, Func<OrleansWorkers, string, Range, Task<TResult>> runBatch, CancellationToken cancellation)
    {
        var workers = await ConnectAsync(cancellation);
        var live = await _directory!.LiveWorkersAsync(cancellation);
        Parallelism = Math.Max(1, live.Count) * _schedulerOptions.ExecutorCores;
        var batches = Batches.Cut(itemCount, Parallelism * _tasksPerSlot);
        return await RunTasksAsync(stage, batches.Count, (worker, i) => runBatch(workers, worker, batches[i]), cancellation);
    }

    private async Task<TResult[]> RunTasksAsync<TResult>(
        string stage, int taskCount, Func<string, int, Task<TResult>> run, CancellationToken cancellation, Func<int, string?>? affinity = null)
    {
        var scheduler = _taskScheduler ??= new WorkScheduler(_directory!, _schedulerOptions);
        try
        {
            var results = await scheduler.RunAsync(stage, taskCount,
                (worker, i, _) => run(worker, i),
                p => { _lastProgress = p; _progress?.Report(_jobName, p); },
                cancellation,
                affinity);
            _lastProgress = new StageProgress(stage, taskCount, taskCount, _lastProgress?.Retries ?? 0);
            if (_progress is not null)
            {
                await _progress.WriteAsync(_jobName, "running", _lastProgress);
            }
            return results;
        }
        catch
        {
            _failed = true;
            throw;
        }
    }

    // Best effort: a worker that does not answer soon is dead or busy, and its states die with the job anyway.
    private async Task ForgetStickyStatesAsync()
    {
        try
        {
            var live = await _directory!.LiveWorkersAsync(CancellationToken.None);
            await Task.WhenAll(live.Select(w => _workers!.ForgetJobAsync(w, _jobId))).WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is TimeoutException or OrleansException)
        {
        }
    }

    private TaskSignature Signature<TTask>(JobContext context, params Type[] recordTypes)
    {
        _jobName = context.JobName;
        return new TaskSignature(
            typeof(TTask).AssemblyQualifiedName!,
            recordTypes.Select(t => t.AssemblyQualifiedName!).ToArray(),
            WireJson.Write(context));
    }

    private async Task<OrleansWorkers> ConnectAsync(CancellationToken cancellation)
    {
        if (_workers is not null)
        {
            return _workers;
        }
        await _connecting.WaitAsync(cancellation);
        try
        {
            if (_workers is null)
            {
                var options = _options!;
                await MembershipSchema.EnsureAsync(options.ConnectionString, cancellation);
                await WaitForFirstWorkerAsync(options, cancellation);
                var builder = Host.CreateApplicationBuilder();
                builder.Logging.SetMinimumLevel(LogLevel.Warning);
                builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
                builder.UseOrleansClient(client => ClusterSettings.ApplyClient(client, options.ClusterId, options.ConnectionString, options.TaskTimeout));
                var host = builder.Build();
                await host.StartAsync(cancellation);
                _host = host;
                _workers = new OrleansWorkers(host.Services.GetRequiredService<IClusterClient>());
                _directory = new MembershipWorkerDirectory(options.ConnectionString, options.ClusterId);
            }
            return _workers;
        }
        finally
        {
            _connecting.Release();
        }
    }

    // The Orleans client needs at least one gateway to start; wait for a worker rather than fail at once.
    private static async Task WaitForFirstWorkerAsync(ClusterEngineOptions options, CancellationToken cancellation)
    {
        var deadline = DateTime.UtcNow + options.Scheduler.NoWorkerTimeout;
        while ((await ClusterStatusReader.LiveWorkersAsync(options.ConnectionString, options.ClusterId, cancellation)).Count == 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new ClusterException(
                    $"no worker of cluster '{options.ClusterId}' is live in the database ({ConnectionStrings.Describe(options.ConnectionString)}) " +
                    $"after {options.Scheduler.NoWorkerTimeout.TotalSeconds:0} s; start workers with cluster/start-worker.sh " +
                    "(or `trap worker --cluster-id ID --db CONNSTRING`) using the same cluster id and database");
            }
            await Task.Delay(500, cancellation);
        }
    }

    private Dictionary<TKey, string> StatesOf<TKey>(string stage) where TKey : notnull
    {
        if (!_stageStates.TryGetValue(stage, out var states))
        {
            states = new Dictionary<TKey, string>();
            _stageStates[stage] = states;
        }
        return (Dictionary<TKey, string>)states;
    }

    private StickyStage<TKey> StickyOf<TKey>(string stage) where TKey : notnull
    {
        if (!_stickyStages.TryGetValue(stage, out var sticky))
        {
            sticky = new StickyStage<TKey>();
            _stickyStages[stage] = sticky;
        }
        return (StickyStage<TKey>)sticky;
    }
}
