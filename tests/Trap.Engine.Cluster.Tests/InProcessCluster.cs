using Orleans.TestingHost;
using Trap.Engine.Cluster.Worker;

namespace Trap.Engine.Cluster.Tests;

/// <summary>Two Trap workers as in-process Orleans silos (Orleans' TestingHost; in-memory membership).</summary>
public sealed class InProcessCluster : IAsyncLifetime
{
    public const int CoresPerWorker = 2;

    public TestCluster Cluster { get; } = new TestClusterBuilder(2).AddSiloBuilderConfigurator<WorkerConfigurator>().Build();

    public Task InitializeAsync() => Cluster.DeployAsync();

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    public sealed class WorkerConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) => siloBuilder.AddTrapWorker(CoresPerWorker);
    }
}
