using Microsoft.Extensions.Logging;
using Trap.Storage.Connection;

namespace Trap.Engine.Cluster.Worker;

/// <summary>What `trap worker` is told: which cluster to join, where its membership lives, its cores and ports.</summary>
public sealed record WorkerOptions
{
    public required string ClusterId { get; init; }

    /// <summary>The PostgreSQL database holding the cluster's membership.</summary>
    public required DatabaseSettings Database { get; init; }

    /// <summary>Tasks run at once on this worker.</summary>
    public int Cores { get; init; } = Environment.ProcessorCount;

    /// <summary>Port other workers reach this one on; 0 picks a free port.</summary>
    public int SiloPort { get; init; }

    /// <summary>Port drivers reach this one on; 0 picks a free port.</summary>
    public int GatewayPort { get; init; }

    /// <summary>Address advertised to the cluster; null: this host's first non-loopback IPv4 address.</summary>
    public string? Address { get; init; }

    /// <summary>Extra assemblies with task classes (beyond the ones the `trap` executable references).</summary>
    public IReadOnlyList<string> Assemblies { get; init; } = Array.Empty<string>();

    /// <summary>The least severe Orleans message shown on the worker's console (<see cref="ClusterLogging"/>).</summary>
    public LogLevel LogLevel { get; init; } = ClusterLogging.DefaultLevel;
}
