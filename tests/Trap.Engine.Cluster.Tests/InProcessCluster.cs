using Microsoft.Extensions.Configuration;
using Orleans.Configuration;
using Orleans.TestingHost;
using Trap.Engine.Cluster.Worker;

namespace Trap.Engine.Cluster.Tests;

/// <summary>Two Trap workers as in-process Orleans silos (Orleans' TestingHost; in-memory membership).</summary>
public sealed class InProcessCluster : IAsyncLifetime
{
    public const int CoresPerWorker = 2;

    public TestCluster Cluster { get; } = new TestClusterBuilder(2)
        .AddSiloBuilderConfigurator<WorkerConfigurator>()
        .AddClientBuilderConfigurator<ClientConfigurator>()
        .Build();

    public Task InitializeAsync() => Cluster.DeployAsync();

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    /// <summary>Calls orphaned on a killed silo give up after seconds, not Orleans' default minutes.</summary>
    public sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(20));
    }

    public sealed class WorkerConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) => siloBuilder.AddTrapWorker(CoresPerWorker);
    }
}
