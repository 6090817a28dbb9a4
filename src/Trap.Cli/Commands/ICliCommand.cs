namespace Trap.Cli.Commands;

/// <summary>One `trap` sub-command.</summary>
public interface ICliCommand
{
    /// <summary>The word after `trap` (e.g. "simulate").</summary>
    string Name { get; }

    /// <summary>One line for `trap help`.</summary>
    string Summary { get; }

    /// <summary>Runs the command; returns the process exit code.</summary>
    int Run(IReadOnlyList<string> args);
}
