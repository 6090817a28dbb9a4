using Trap.Engine.Cluster.Driver;

namespace Trap.Engine.Cluster.Tests;

/// <summary>Reduce state that cannot cross the wire stays on the workers; outputs equal the local engine's.</summary>
public class WorkerHeldStateTests : IClassFixture<InProcessCluster>
{
    private readonly InProcessCluster _cluster;

    public WorkerHeldStateTests(InProcessCluster cluster)
    {
        _cluster = cluster;
    }

    [Fact]
    public async Task RoundsOnWorkerHeldStateMatchTheLocalEngine()
    {
        await using var local = new LocalEngine(2);
        await using var engine = new ClusterEngine(_cluster.Cluster.Client, new SchedulerOptions { ExecutorCores = 2 });
        for (var round = 0; round < 3; round++)
        {
            Assert.Equal(await WorkerHeldRounds.RoundAsync(local, round), await WorkerHeldRounds.RoundAsync(engine, round));
        }
        var final = await WorkerHeldRounds.FinishAsync(engine);
        Assert.Equal(await WorkerHeldRounds.FinishAsync(local), final);
        Assert.Equal(23, final.Count);
        Assert.Equal(2, engine.CompletedTasksByWorker.Count);
        Assert.Equal(0, engine.ReplayedKeys);
    }

    [Fact]
    public async Task CollectingWorkerHeldStatesSaysToEmitRowsFromAFinalRound()
    {
        await using var engine = new ClusterEngine(_cluster.Cluster.Client, new SchedulerOptions { ExecutorCores = 2 });
        await WorkerHeldRounds.RoundAsync(engine, 0);
        var error = await Assert.ThrowsAsync<ClusterException>(() => engine.CollectStatesAsync<int, PrivateTally>("tally"));
        Assert.Contains("'tally'", error.Message);
        Assert.Contains("final reduce round", error.Message);
        Assert.Contains("_times", error.Message);
    }
}
