namespace Trap.Engine.Cluster.Status;

/// <summary>A live worker as the membership table lists it.</summary>
public sealed record WorkerRow(string Name, string HostName, string Address, int Port, int Generation, int GatewayPort, DateTime StartedUtc, DateTime LastAliveUtc);

/// <summary>
/// A job as its driver last reported it. <see cref="State"/> is "failed" for a running job whose driver
/// stopped reporting (<see cref="DriverLost"/>); <see cref="StageTimings"/> lists finished stages'
/// times, <see cref="Failures"/> the last reasons calls (or the job) failed.
/// </summary>
public sealed record JobRow(
    Guid JobId, string JobName, string DriverHost, string State, string Stage,
    int TasksDone, int TasksTotal, int Retries, DateTime StartedUtc, DateTime UpdatedUtc,
    string StageTimings, string Failures, bool DriverLost);
