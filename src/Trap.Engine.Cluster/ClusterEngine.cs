using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Trap.Engine.Cluster.Driver;
using Trap.Engine.Cluster.Membership;
using Trap.Engine.Cluster.Status;
using Trap.Engine.Cluster.Wire;
using Trap.Storage.Connection;

namespace Trap.Engine.Cluster;

/// <summary>
/// The engine on a cluster of `trap worker` processes (Orleans silos). This process is the driver: it
/// cuts each stage into tasks (batches of small input descriptors) and sends them to the workers as
/// JSON. Tasks read and write their records as files in the job's working folder on storage every
/// worker sees, so the driver holds no records and no state: a task whose worker dies is simply run
/// again elsewhere from its input files.
/// </summary>
public sealed class ClusterEngine : IEngine
{
    private readonly ClusterEngineOptions? _options;
    private readonly SchedulerOptions _schedulerOptions;
    private readonly int _tasksPerSlot;
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private readonly JobProgressStore? _progress;
    private IHost? _host;
    private OrleansWorkers? _workers;
    private IWorkerDirectory? _directory;
    private WorkScheduler? _taskScheduler;
    private string _jobName = "job";
    private string? _failure;

    /// <summary>A driver that connects to the cluster (through its database) on first use.</summary>
    public ClusterEngine(ClusterEngineOptions options)
    {
        _options = options;
        _schedulerOptions = options.Scheduler;
        _tasksPerSlot = options.TasksPerSlot;
        _progress = new JobProgressStore(options.Database, options.ClusterId);
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

    /// <summary>Raised when a task of a stage is sent to a worker: (stage, worker).</summary>
    public event Action<string, string>? TaskDispatched;

    /// <summary>Live workers × executor cores, as of the start of the last stage.</summary>
    public int Parallelism { get; private set; }

    public async Task<IReadOnlyList<TOut>> MapAsync<TTask, TIn, TOut>(
        JobContext context, IReadOnlyList<TIn> inputs, CancellationToken cancellation = default, IProgress<int>? progress = null)
        where TTask : IMapTask<TIn, TOut>, new()
    {
        WireContract.Require(typeof(TIn), "map input");
        WireContract.Require(typeof(TOut), "map output");
        var signature = Signature<TTask>(context, typeof(TIn), typeof(TOut));
        var inputJson = inputs.Select(i => WireJson.Write(i)).ToArray();
        var done = 0;
        var outputs = await RunStageAsync($"map {typeof(TTask).Name}", inputJson.Length, async (workers, worker, range) =>
        {
            var reply = await workers.MapAsync(worker, new MapRequest(signature, inputJson[range]));
            if (reply.Error is not null) throw new TaskFailedException(reply.Error);
            progress?.Report(Math.Min(inputJson.Length, Interlocked.Add(ref done, reply.Outputs.Count)));
            return reply.Outputs;
        }, cancellation);
        return outputs.SelectMany(o => o).Select(WireJson.Read<TOut>).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        if (_progress is not null)
        {
            await _progress.EndAsync(_failure is null ? "finished" : "failed", _failure);
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
        string stage, int taskCount, Func<string, int, Task<TResult>> run, CancellationToken cancellation)
    {
        var scheduler = _taskScheduler ??= NewScheduler();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var retriesBefore = scheduler.Retries;
        try
        {
            var results = await scheduler.RunAsync(stage, taskCount,
                (worker, i, _) => run(worker, i),
                p => _progress?.Report(_jobName, p, scheduler.Failures),
                cancellation);
            if (_progress is not null)
            {
                var done = new StageProgress(stage, taskCount, taskCount, scheduler.Retries - retriesBefore);
                await _progress.StageFinishedAsync(_jobName, done, clock.Elapsed, scheduler.Failures);
            }
            return results;
        }
        catch (Exception e)
        {
            _failure = e.Message;
            throw;
        }
    }

    private WorkScheduler NewScheduler()
    {
        var scheduler = new WorkScheduler(_directory!, _schedulerOptions);
        scheduler.Dispatched += (stage, _, worker) => TaskDispatched?.Invoke(stage, worker);
        return scheduler;
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
                await MembershipSchema.EnsureAsync(options.Database, cancellation);
                await WaitForFirstWorkerAsync(options, cancellation);
                var builder = Host.CreateApplicationBuilder();
                builder.Logging.SetMinimumLevel(options.LogLevel);
                builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
                builder.UseOrleansClient(client => ClusterSettings.ApplyClient(client, options.ClusterId, options.Database, options.TaskTimeout));
                var host = builder.Build();
                await host.StartAsync(cancellation);
                _host = host;
                _workers = new OrleansWorkers(host.Services.GetRequiredService<IClusterClient>());
                _directory = new MembershipWorkerDirectory(options.Database, options.ClusterId);
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
        while ((await ClusterStatusReader.LiveWorkersAsync(options.Database, options.ClusterId, cancellation)).Count == 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new ClusterException(
                    $"no worker of cluster '{options.ClusterId}' is live in the database ({options.Database}) " +
                    $"after {options.Scheduler.NoWorkerTimeout.TotalSeconds:0} s; start workers with cluster/start-worker.sh " +
                    "(or `trap worker --cluster-id ID --db CONNSTRING`) using the same cluster id and database");
            }
            await Task.Delay(500, cancellation);
        }
    }
}
