using System.CommandLine;
using Microsoft.Extensions.Logging;
using Trap.Storage.Connection;

namespace Trap.Cli.Commands;

/// <summary>Options several commands share, and the range checks they use, so each is spelt and explained once.</summary>
public static class CliOptions
{
    /// <summary>--database CONN: the catalogue database; the environment variable when not given.</summary>
    public static Option<string?> Database(string purpose) => new("--database")
    {
        Description = $"{purpose}: a connection string or postgresql:// URL (default: ${DatabaseSettings.EnvironmentVariable}); " +
                      "keep the password in PGPASSWORD or a password file, not here",
        HelpName = "CONN",
    };

    /// <summary>--replace: load over a dataset of the same name that another job (another job.cfg) loaded (docs/database.md).</summary>
    public static Option<bool> Replace() => new("--replace")
    {
        Description = "replace a dataset of the same name even when it was loaded from another job (without it such a load is refused)",
    };

    /// <summary>--log-level: how much of the cluster libraries' (Orleans') own logging reaches the console.</summary>
    public static Option<LogLevel> LogLevel() => new("--log-level")
    {
        Description = "the least severe message of the cluster libraries (Orleans) to show: Error (default), Warning, Information, Debug or Trace; " +
                      "Trap's own progress lines are always shown",
        HelpName = "LEVEL",
        DefaultValueFactory = _ => Trap.Engine.Cluster.ClusterLogging.DefaultLevel,
    };

    /// <summary>--master: where a job runs.</summary>
    public static Option<string> Master() => new("--master")
    {
        Description = "local (1 core), local[*] (all cores), local[N], or trap://CLUSTER_ID (that cluster's workers)",
        HelpName = "MASTER",
        DefaultValueFactory = _ => "local[*]",
    };

    /// <summary>Refuses a value below <paramref name="minimum"/> as a usage error naming the option.</summary>
    public static T AtLeast<T>(this T option, int minimum) where T : Option
    {
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count == 0) return;
            var value = result.GetValueOrDefault<int?>();
            if (value < minimum) result.AddError($"option {option.Name} must be at least {minimum}, got {value}");
        });
        return option;
    }
}
