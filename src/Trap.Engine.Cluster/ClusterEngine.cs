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
/// Reduce state lives in the driver between rounds and travels with each call (the worker returns
/// the new state): a worker that dies holds no state, so its tasks are simply run again elsewhere.
/// </summary>
public sealed class ClusterEngine : IEngine
{
    private readonly ClusterEngineOptions? _options;
    private readonly SchedulerOptions _schedulerOptions;
    private readonly int _tasksPerSlot;
    private readonly Dictionary<string, object> _stageStates = new();
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
        WireContract.Require(typeof(TState), "reduce state");
        WireContract.Require(typeof(TOut), "reduce output");
        var signature = Signature<TTask>(context, typeof(TKey), typeof(TRecord), typeof(TState), typeof(TOut));
        var states = StatesOf<TKey>(stage);
        var groups = records.GroupBy(keyOf).OrderBy(g => g.Key).ToArray();
        var keys = groups.Select(g => g.Key).ToArray();
        var work = groups.Select(group =>
        {
            var sorted = group.ToList();
            sorted.Sort(order);
            return new KeyWork(WireJson.Write(group.Key), states.GetValueOrDefault(group.Key), WireJson.Write(sorted));
        }).ToArray();
        var results = await RunStageAsync($"reduce {stage}", work.Length, async (workers, worker, range) =>
        {
            var reply = await workers.ReduceAsync(worker, new ReduceRequest(signature, work[range]));
            return reply.Error is null ? reply.Results : throw new TaskFailedException(reply.Error);
        }, cancellation);
        var outputs = new List<TOut>();
        var index = 0;
        foreach (var result in results.SelectMany(r => r))
        {
            states[keys[index++]] = result.StateJson;
            outputs.AddRange(WireJson.Read<List<TOut>>(result.OutputsJson));
        }
        return outputs;
    }

    public Task<IReadOnlyList<(TKey Key, TState State)>> CollectStatesAsync<TKey, TState>(
        string stage, CancellationToken cancellation = default)
        where TKey : notnull, IComparable<TKey>
    {
        IReadOnlyList<(TKey, TState)> ordered = StatesOf<TKey>(stage)
            .OrderBy(p => p.Key)
            .Select(p => (p.Key, WireJson.Read<TState>(p.Value)))
            .ToList();
        return Task.FromResult(ordered);
    }

    public async ValueTask DisposeAsync()
    {
        if (_progress is not null && _lastProgress is not null)
        {
            await _progress.WriteAsync(_jobName, _failed ? "failed" : "finished", _lastProgress);
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
        var scheduler = _taskScheduler ??= new WorkScheduler(_directory, _schedulerOptions);
        try
        {
            var results = await scheduler.RunAsync(stage, batches.Count,
                (worker, i, _) => runBatch(workers, worker, batches[i]),
                p => { _lastProgress = p; _progress?.Report(_jobName, p); },
                cancellation);
            _lastProgress = new StageProgress(stage, batches.Count, batches.Count, _lastProgress?.Retries ?? 0);
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
}
