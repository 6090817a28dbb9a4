using System.CommandLine;
using System.CommandLine.Invocation;

namespace Trap.Cli;

public static class Program
{
    /// <summary>How long an interrupted command gets to clean up (abandon a run's staging output, leave a cluster) before the process ends.</summary>
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(30);

    public static async Task<int> Main(string[] args)
    {
        var parse = TrapCommandLine.Create().Parse(args);
        var name = CommandPath(parse);
        if (parse.Action is ParseErrorAction)
        {
            foreach (var error in parse.Errors) Console.Error.WriteLine($"{name}: {error.Message}");
            Console.Error.WriteLine($"Run '{name} --help' for its usage.");
            return ExitCodes.Usage;
        }
        // Ctrl-C and SIGTERM cancel the command's token; the default handler's stack traces are replaced by the messages below.
        var invocation = new InvocationConfiguration
        {
            Output = Console.Out, Error = Console.Error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = StopGrace,
        };
        try
        {
            // System.CommandLine may answer an interrupt itself (130) once the cancelled action has ended,
            // before the action's OperationCanceledException reaches the catch below: say so either way.
            var code = await parse.InvokeAsync(invocation);
            if (code == ExitCodes.Interrupted) SayInterrupted(name);
            return code;
        }
        catch (CliUsageException error)
        {
            Console.Error.WriteLine($"{name}: {error.Message}");
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException)
        {
            SayInterrupted(name);
            return ExitCodes.Interrupted;
        }
        catch (Exception error) when (error is Trap.Pipeline.Configuration.JobConfigException or Trap.Images.ImageFormatException
                                          or Trap.Formats.Fits.FitsFormatException or Trap.Storage.StorageException or Trap.Engine.Cluster.ClusterException
                                          or IOException or UnauthorizedAccessException or InvalidDataException)
        {
            // Errors a user can act on: print the message (file, problem, remedy), not a stack trace.
            Console.Error.WriteLine($"{name}: {error.Message}");
            return ExitCodes.Failed;
        }
    }

    private static void SayInterrupted(string name) => Console.Error.WriteLine($"{name}: interrupted; a run's previous output is left as it was");

    /// <summary>"trap db load" for the command the line names, for messages.</summary>
    private static string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Insert(0, result.Command is RootCommand ? "trap" : result.Command.Name);
        }
        return string.Join(" ", names);
    }
}
