using Microsoft.Extensions.Logging;
using Trap.Engine.Cluster.Driver;
using Trap.Storage.Connection;

namespace Trap.Engine.Cluster;

/// <summary>Where a driver finds its cluster, and how it schedules tasks there.</summary>
public sealed record ClusterEngineOptions
{
    public required string ClusterId { get; init; }

    /// <summary>The PostgreSQL database holding the cluster's membership.</summary>
    public required DatabaseSettings Database { get; init; }

    public SchedulerOptions Scheduler { get; init; } = new();

    /// <summary>The least severe Orleans message shown on the driver's console (<see cref="ClusterLogging"/>).</summary>
    public LogLevel LogLevel { get; init; } = ClusterLogging.DefaultLevel;

    /// <summary>A call to a worker that has not answered after this long counts as failed and is re-run.</summary>
    public TimeSpan TaskTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Tasks a stage is cut into per slot (worker × executor cores) live at its start: more than one,
    /// so workers that join mid-stage, and fast workers, find tasks left to take.
    /// </summary>
    public int TasksPerSlot { get; init; } = 4;
}
