using Trap.Engine.Cluster.Driver;

namespace Trap.Engine.Cluster.Tests;

/// <summary>
/// Workers lost and added while a job runs, on in-process clusters (each test its own, as it kills
/// or adds silos). The output must equal what the tasks compute, input for input.
/// </summary>
public class InProcessFailoverTests : IAsyncLifetime
{
    private static readonly JobContext Context = new("failover", "", "inline");
    private readonly InProcessCluster _cluster = new();

    public Task InitializeAsync() => _cluster.InitializeAsync();

    public Task DisposeAsync() => _cluster.DisposeAsync();

    [Fact]
    public async Task AKilledWorkersTasksRunElsewhere()
    {
        var inputs = Enumerable.Range(0, 200).ToArray();
        await using var engine = new ClusterEngine(_cluster.Cluster.Client, new SchedulerOptions { ExecutorCores = 2, RefreshInterval = TimeSpan.FromMilliseconds(100) });
        // Both workers hold tasks waiting at the gate when one of them is killed.
        GatedSquare.Gate.Reset();
        var map = engine.MapAsync<GatedSquare, int, long>(Context, inputs);
        await Task.Delay(500);
        await _cluster.Cluster.KillSiloAsync(_cluster.Cluster.SecondarySilos[0]);
        GatedSquare.Gate.Set();
        Assert.Equal(inputs.Select(i => (long)i * i), await map);
        Assert.True(engine.RetriedTasks > 0, "the killed worker had no task in flight");
    }

    [Fact]
    public async Task AWorkerAddedMidJobTakesTasks()
    {
        await using var engine = new ClusterEngine(_cluster.Cluster.Client, new SchedulerOptions { ExecutorCores = 2, RefreshInterval = TimeSpan.FromMilliseconds(100) });
        var inputs = Enumerable.Range(0, 400).ToArray();
        GatedSquare.Gate.Reset();
        var map = engine.MapAsync<GatedSquare, int, long>(Context, inputs);
        // The first workers' tasks wait at the gate, so the job is still running when the new worker is live.
        var added = await _cluster.Cluster.StartAdditionalSiloAsync();
        var addedId = added.SiloAddress.ToParsableString();
        var workers = new OrleansWorkers(_cluster.Cluster.Client);
        await WaitUntil(() => workers.LiveWorkersAsync(default).Result.Contains(addedId));
        await Task.Delay(500);
        GatedSquare.Gate.Set();
        Assert.Equal(inputs.Select(i => (long)i * i), await map);
        Assert.True(engine.CompletedTasksByWorker.GetValueOrDefault(addedId) > 0,
            "the added worker took no task: " + string.Join(", ", engine.CompletedTasksByWorker));
    }

    /// <summary>Squares once the test opens the gate (in-process workers share this static).</summary>
    public sealed class GatedSquare : IMapTask<int, long>
    {
        public static readonly ManualResetEventSlim Gate = new();

        public long Run(int input, JobContext context)
        {
            Assert.True(Gate.Wait(TimeSpan.FromSeconds(30)), "the gate was never opened");
            return (long)input * input;
        }
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the job to reach every worker");
            await Task.Delay(20);
        }
    }
}
