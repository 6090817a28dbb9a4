using Trap.Engine.Cluster.Driver;
using Trap.Engine.Contract;

namespace Trap.Engine.Cluster.Tests;

/// <summary>The engine contract on the cluster engine, over two in-process workers.</summary>
public class InProcessClusterEngineTests : EngineContractTests, IClassFixture<InProcessCluster>
{
    private readonly InProcessCluster _cluster;

    public InProcessClusterEngineTests(InProcessCluster cluster)
    {
        _cluster = cluster;
    }

    protected override Task<IEngine> CreateEngineAsync(int parallelism) =>
        Task.FromResult<IEngine>(new ClusterEngine(_cluster.Cluster.Client, new SchedulerOptions { ExecutorCores = parallelism }));

    [Fact]
    public async Task EveryWorkerTakesTasks()
    {
        await using var engine = new ClusterEngine(_cluster.Cluster.Client, new SchedulerOptions { ExecutorCores = 2 });
        await engine.MapAsync<SlowSquare, int, long>(Context, Enumerable.Range(0, 64).ToArray());
        Assert.Equal(2, engine.CompletedTasksByWorker.Count);
        Assert.All(engine.CompletedTasksByWorker.Values, n => Assert.True(n > 0));
        Assert.Equal(4, engine.Parallelism);
    }
}
