using System.Globalization;
using System.Text.RegularExpressions;
using Trap.Engine.Cluster.Driver;
using Trap.Storage.Connection;

namespace Trap.Engine.Cluster;

/// <summary>
/// Picks the engine from a spark-submit-like master: <c>local</c> (one core, as Spark's),
/// <c>local[*]</c> (all cores), <c>local[N]</c> (N cores), or <c>trap://CLUSTER_ID</c> (the workers of that cluster, found through
/// the database in --conf trap.db or TRAP_DATABASE_URL).
/// </summary>
public static partial class EngineFactory
{
    public const string ClusterScheme = "trap://";

    public static IEngine Create(string master, EngineOptions options)
    {
        ConfKeys.Check(options.Conf.Keys);
        var local = LocalMaster().Match(master);
        if (local.Success)
        {
            var cores = local.Groups["n"].Success ? int.Parse(local.Groups["n"].Value, CultureInfo.InvariantCulture)
                : local.Groups["all"].Success ? 0
                : 1;
            return new LocalEngine(cores);
        }
        if (master.StartsWith(ClusterScheme, StringComparison.Ordinal) && master.Length > ClusterScheme.Length)
        {
            return new ClusterEngine(ClusterOptions(master[ClusterScheme.Length..], options));
        }
        throw new ArgumentException(
            $"--master '{master}' is not understood: use local, local[*], local[N] (N ≥ 1) or trap://CLUSTER_ID");
    }

    public static ClusterEngineOptions ClusterOptions(string clusterId, EngineOptions options)
    {
        var conf = options.Conf;
        var db = conf.GetValueOrDefault(ConfKeys.Database) ?? Environment.GetEnvironmentVariable(DatabaseSettings.EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(db))
        {
            throw new ArgumentException(
                $"--master trap://{clusterId} needs the cluster's database: pass --conf trap.db=CONNSTRING (or a postgresql:// URL) or set " + DatabaseSettings.EnvironmentVariable + " " +
                "(cluster/postgres.sh start prints a local one)");
        }
        var scheduler = new SchedulerOptions();
        scheduler = scheduler with
        {
            ExecutorCores = options.ExecutorCores ?? scheduler.ExecutorCores,
            MaxAttempts = Number(conf, ConfKeys.TaskMaxAttempts, scheduler.MaxAttempts),
            NoWorkerTimeout = TimeSpan.FromSeconds(Number(conf, ConfKeys.WaitForWorkersSeconds, (int)scheduler.NoWorkerTimeout.TotalSeconds)),
        };
        var defaults = new ClusterEngineOptions { ClusterId = clusterId, Database = DatabaseSettings.Parse(db) };
        return defaults with
        {
            Scheduler = scheduler,
            LogLevel = options.LogLevel,
            TaskTimeout = TimeSpan.FromSeconds(Number(conf, ConfKeys.TaskTimeoutSeconds, (int)defaults.TaskTimeout.TotalSeconds)),
        };
    }

    private static int Number(IReadOnlyDictionary<string, string> conf, string key, int fallback)
    {
        if (!conf.TryGetValue(key, out var text))
        {
            return fallback;
        }
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"--conf {key}={text}: expected a whole number above 0");
    }

    [GeneratedRegex(@"^local(\[((?<all>\*)|(?<n>[1-9][0-9]*))\])?$")]
    private static partial Regex LocalMaster();
}
