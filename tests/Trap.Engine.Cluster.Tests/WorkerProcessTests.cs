using Trap.Engine.Cluster.Driver;
using Trap.Engine.Cluster.Status;
using Trap.Engine.Contract;
using Xunit.Abstractions;

namespace Trap.Engine.Cluster.Tests;

/// <summary>
/// The cluster engine over separate `trap worker` processes joined through PostgreSQL: a worker is
/// killed mid-job, another added mid-job; the output must equal the local engine's.
/// </summary>
public class WorkerProcessTests
{
    private readonly ITestOutputHelper _output;
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();

    public WorkerProcessTests(ITestOutputHelper output)
    {
        _output = output;
    }

    private void Log(string what) => _output.WriteLine($"{_clock.Elapsed.TotalSeconds:0.00} s: {what}");

    [Fact]
    public async Task AKilledWorkerProcessDoesNotChangeTheOutput()
    {
        await using var cluster = await WorkerProcesses.CreateAsync();
        Log("database ready");
        var ports = Enumerable.Range(0, 3).Select(_ => WorkerProcesses.FreePort()).ToArray();
        var workers = await Task.WhenAll(ports.Select(port => cluster.StartWorkerAsync(port)));
        var victim = workers[^1];
        Log("3 workers joined");
        var gate = Path.Combine(Path.GetTempPath(), $"trap-gate-{Guid.NewGuid():N}");
        var context = new JobContext("kill-test", "", gate);
        var inputs = Enumerable.Range(0, 300).ToArray();

        var engine = new ClusterEngine(Options(cluster));
        await using (engine)
        {
            // Tasks wait at the gate; the victim dies once it holds one.
            var victimHasTask = new TaskCompletionSource();
            engine.TaskDispatched += (_, worker) => { if (worker.Contains($":{ports[^1]}@")) victimHasTask.TrySetResult(); };
            var map = engine.MapAsync<GateFileSquare, int, long>(context, inputs);
            await victimHasTask.Task.WaitAsync(TimeSpan.FromSeconds(60));
            victim.Kill();
            Log("victim killed");
            File.WriteAllText(gate, "open");
            try
            {
                Assert.Equal(inputs.Select(i => (long)i * i), await map);
            }
            finally
            {
                File.Delete(gate);
            }
            Log("map done");
            Assert.True(engine.RetriedTasks > 0, "the killed worker had no task in flight");
        }

        Log("job done");
        // The cluster declared the victim dead in the membership table, and the job's progress was recorded.
        await WaitUntil(async () => (await ClusterStatusReader.LiveWorkersAsync(cluster.Database, cluster.ClusterId)).Count == 2);
        var job = Assert.Single(await ClusterStatusReader.JobsAsync(cluster.Database, cluster.ClusterId, 10));
        Assert.Equal(("kill-test", "finished", "map GateFileSquare"), (job.JobName, job.State, job.Stage));
        Log("victim declared dead");
        Assert.Equal(job.TasksTotal, job.TasksDone);
        Assert.True(job.Retries > 0);
    }

    [Fact]
    public async Task AWorkerProcessAddedMidJobTakesTasks()
    {
        await using var cluster = await WorkerProcesses.CreateAsync();
        await cluster.StartWorkerAsync(WorkerProcesses.FreePort());
        var gate = Path.Combine(Path.GetTempPath(), $"trap-gate-{Guid.NewGuid():N}");
        var context = new JobContext("add-test", "", gate);
        var inputs = Enumerable.Range(0, 200).ToArray();
        await using var engine = new ClusterEngine(Options(cluster));
        var map = engine.MapAsync<GateFileSquare, int, long>(context, inputs);
        var port = WorkerProcesses.FreePort();
        await cluster.StartWorkerAsync(port);
        // The driver sees the new worker within a refresh or two; then the gate opens.
        await Task.Delay(2500);
        File.WriteAllText(gate, "open");
        try
        {
            Assert.Equal(inputs.Select(i => (long)i * i), await map);
        }
        finally
        {
            File.Delete(gate);
        }
        var added = engine.CompletedTasksByWorker.Where(w => w.Key.Contains($":{port}@")).Sum(w => w.Value);
        Assert.True(added > 0, "the added worker took no task: " + string.Join(", ", engine.CompletedTasksByWorker));
    }

    internal static ClusterEngineOptions Options(WorkerProcesses cluster) => new()
    {
        ClusterId = cluster.ClusterId,
        Database = cluster.Database,
        // A call that lands on a worker being killed is retried after this instead of Orleans' 10 minutes.
        TaskTimeout = TimeSpan.FromSeconds(30),
        Scheduler = new SchedulerOptions { ExecutorCores = 2, RefreshInterval = TimeSpan.FromMilliseconds(200) },
    };

    private static async Task WaitUntil(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(200);
        }
    }
}
