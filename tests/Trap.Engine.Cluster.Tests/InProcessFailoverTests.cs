using Trap.Engine.Cluster.Driver;
using Trap.Engine.Contract;

namespace Trap.Engine.Cluster.Tests;

/// <summary>
/// Workers lost and added while a job runs, on in-process clusters (each test its own, as it kills
/// or adds silos). The output must equal the local engine's, record for record.
/// </summary>
public class InProcessFailoverTests : IAsyncLifetime
{
    private static readonly JobContext Context = new("failover", "", "inline");
    private readonly InProcessCluster _cluster = new();

    public Task InitializeAsync() => _cluster.InitializeAsync();

    public Task DisposeAsync() => _cluster.DisposeAsync();

    [Fact]
    public async Task AKilledWorkersTasksRunElsewhereAndStateSurvives()
    {
        var inputs = Enumerable.Range(0, 200).ToArray();
        var records = inputs.Select(i => (Key: i % 17, Time: (i * 7919) % 200)).ToArray();
        var comparer = Comparer<(int Key, int Time)>.Create((a, b) => a.Time.CompareTo(b.Time));
        await using var local = new LocalEngine(2);
        var expectedMap = await local.MapAsync<Square, int, long>(Context, inputs);
        var expectedRound1 = await local.ReduceByKeyAsync<History, int, (int Key, int Time), List<int>, string>(Context, "h", records[..100], r => r.Key, comparer);
        var expectedRound2 = await local.ReduceByKeyAsync<History, int, (int Key, int Time), List<int>, string>(Context, "h", records[100..], r => r.Key, comparer);

        await using var engine = new ClusterEngine(_cluster.Cluster.Client, new SchedulerOptions { ExecutorCores = 2, RefreshInterval = TimeSpan.FromMilliseconds(100) });
        var round1 = await engine.ReduceByKeyAsync<History, int, (int Key, int Time), List<int>, string>(Context, "h", records[..100], r => r.Key, comparer);
        // Both workers hold tasks waiting at the gate when one of them is killed.
        GatedSquare.Gate.Reset();
        var map = engine.MapAsync<GatedSquare, int, long>(Context, inputs);
        await Task.Delay(500);
        await _cluster.Cluster.KillSiloAsync(_cluster.Cluster.SecondarySilos[0]);
        GatedSquare.Gate.Set();
        Assert.Equal(expectedMap, await map);
        Assert.True(engine.RetriedTasks > 0, "the killed worker had no task in flight");
        // The second round's states come from the driver, not from the dead worker.
        var round2 = await engine.ReduceByKeyAsync<History, int, (int Key, int Time), List<int>, string>(Context, "h", records[100..], r => r.Key, comparer);
        Assert.Equal(expectedRound1, round1);
        Assert.Equal(expectedRound2, round2);
        var expectedStates = await local.CollectStatesAsync<int, List<int>>("h");
        var states = await engine.CollectStatesAsync<int, List<int>>("h");
        Assert.Equal(expectedStates.Select(s => (s.Key, string.Join(",", s.State))), states.Select(s => (s.Key, string.Join(",", s.State))));
    }

    [Fact]
    public async Task WorkerHeldStatesOfAKilledWorkerAreRebuiltFromLineage()
    {
        await using var local = new LocalEngine(2);
        await using var engine = new ClusterEngine(_cluster.Cluster.Client, new SchedulerOptions { ExecutorCores = 2, RefreshInterval = TimeSpan.FromMilliseconds(100) });
        for (var round = 0; round < 2; round++)
        {
            Assert.Equal(await WorkerHeldRounds.RoundAsync(local, round), await WorkerHeldRounds.RoundAsync(engine, round));
        }
        var killed = _cluster.Cluster.SecondarySilos[0];
        Assert.True(engine.CompletedTasksByWorker.GetValueOrDefault(killed.SiloAddress.ToParsableString()) > 0, "the killed worker held no key");
        await _cluster.Cluster.KillSiloAsync(killed);
        var workers = new OrleansWorkers(_cluster.Cluster.Client);
        await WaitUntil(() => workers.LiveWorkersAsync(default).Result.Count == 1);
        Assert.Equal(await WorkerHeldRounds.RoundAsync(local, 2), await WorkerHeldRounds.RoundAsync(engine, 2));
        Assert.Equal(await WorkerHeldRounds.FinishAsync(local), await WorkerHeldRounds.FinishAsync(engine));
        Assert.True(engine.ReplayedKeys > 0, "no key was rebuilt from its lineage");
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
