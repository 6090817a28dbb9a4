namespace Trap.Cli;

/// <summary>The exit status of `trap` (README "Exit status"), so scripts can tell a failed run from undelivered alerts.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The command failed; the message says why (a run's previous output is left as it was).</summary>
    public const int Failed = 1;

    /// <summary>The command line cannot be used; the message says what is wrong.</summary>
    public const int Usage = 2;

    /// <summary>The output is written and committed, but not every VOEvent was acknowledged by the broker.</summary>
    public const int AlertsNotDelivered = 3;

    /// <summary>Stopped by Ctrl-C or SIGTERM (128 + SIGINT, as shells report it); a run's previous output is left as it was.</summary>
    public const int Interrupted = 130;
}
