namespace Trap.Engine.Cluster.Status;

/// <summary>A live worker as the membership table lists it.</summary>
public sealed record WorkerRow(string Name, string HostName, string Address, int Port, int Generation, int GatewayPort, DateTime StartedUtc, DateTime LastAliveUtc);

/// <summary>A job as its driver last reported it.</summary>
public sealed record JobRow(
    Guid JobId, string JobName, string DriverHost, string State, string Stage,
    int TasksDone, int TasksTotal, int Retries, DateTime StartedUtc, DateTime UpdatedUtc);
