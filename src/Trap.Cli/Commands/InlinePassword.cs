using Trap.Storage;
using Trap.Storage.Connection;

namespace Trap.Cli.Commands;

/// <summary>
/// A database password given on the command line is readable by every user of the machine
/// (ps, /proc/PID/cmdline) for as long as the process runs: warn and say where it belongs.
/// </summary>
public static class InlinePassword
{
    /// <summary>The warning for option <paramref name="option"/> with value <paramref name="value"/>, or null when it holds no password.</summary>
    public static string? Warning(string option, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        try
        {
            if (!DatabaseSettings.Parse(value).HasPassword) return null;
        }
        catch (StorageException)
        {
            return null; // not a connection string: the option's own check reports it
        }
        return $"warning: the password in {option} is visible to every user of this machine (ps, /proc/PID/cmdline). " +
               $"Give it in {DatabaseSettings.EnvironmentVariable}, PGPASSWORD or a password file (PGPASSFILE, or --database-password-file for trap run) instead";
    }

    /// <summary>Prints the warning of <see cref="Warning"/> to stderr, when there is one.</summary>
    public static void WarnIfAny(string command, string option, string? value)
    {
        if (Warning(option, value) is { } warning) Console.Error.WriteLine($"trap {command}: {warning}");
    }
}
