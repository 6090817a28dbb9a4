using Microsoft.Extensions.Logging;

namespace Trap.Engine.Cluster;

/// <summary>
/// How much of Orleans' own logging reaches the console of a driver or a worker. Errors only by
/// default: when a worker leaves, Orleans writes warnings with whole stack traces (connection resets,
/// calls that will not answer) that an operator cannot act on, while Trap itself reports the lost
/// worker and the requeued tasks in one line. `--log-level warning|information|debug` shows more
/// (docs/cluster.md).
/// </summary>
public static class ClusterLogging
{
    public const LogLevel DefaultLevel = LogLevel.Error;
}
