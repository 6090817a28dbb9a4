using Trap.Cli;

namespace Trap.Cli.Tests;

/// <summary>Runs `trap` in process with its console captured. Tests using it must not run in parallel (the console is global).</summary>
public static class CommandLine
{
    public sealed record Outcome(int ExitCode, string Out, string Error);

    public static Outcome Trap(params string[] args)
    {
        var (stdout, stderr) = (Console.Out, Console.Error);
        using var capturedOut = new StringWriter();
        using var capturedError = new StringWriter();
        Console.SetOut(capturedOut);
        Console.SetError(capturedError);
        try
        {
            var code = Program.Main(args).GetAwaiter().GetResult();
            return new Outcome(code, capturedOut.ToString(), capturedError.ToString());
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
        }
    }
}
