using System.CommandLine;
using System.CommandLine.Invocation;
using System.Runtime.InteropServices;

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
        // Ctrl-C and SIGTERM cancel the command's token. Trap registers for them itself, before the command
        // starts: System.CommandLine registers only once the action has returned its task, so a signal
        // during the action's first synchronous steps (a run creates its staging folder there) would end
        // the process unannounced and skip its clean-up. The default handler's stack traces are replaced
        // by the messages below.
        using var interrupt = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal => Interrupt(signal, interrupt, name));
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal => Interrupt(signal, interrupt, name));
        var invocation = new InvocationConfiguration
        {
            Output = Console.Out, Error = Console.Error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null,
        };
        try
        {
            var code = await parse.InvokeAsync(invocation, interrupt.Token);
            if (interrupt.IsCancellationRequested && code != ExitCodes.Ok)
            {
                SayInterrupted(name);
                return ExitCodes.Interrupted;
            }
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
        catch (Exception error) when (error is Trap.Configuration.JobConfigException or Trap.Images.ImageFormatException
                                          or Trap.Formats.Fits.FitsFormatException or Trap.Storage.StorageException or Trap.Engine.Cluster.ClusterException
                                          or IOException or UnauthorizedAccessException or InvalidDataException)
        {
            // Errors a user can act on: print the message (file, problem, remedy), not a stack trace.
            Console.Error.WriteLine($"{name}: {error.Message}");
            return ExitCodes.Failed;
        }
    }

    /// <summary>
    /// The first termination signal does not end the process: the command's token is cancelled and the
    /// command cleans up (abandons a run's staging output, leaves a cluster); one that has not ended
    /// <see cref="StopGrace"/> later is ended here. A second signal ends the process at once, as users
    /// expect of a second Ctrl-C.
    /// </summary>
    private static void Interrupt(PosixSignalContext signal, CancellationTokenSource interrupt, string name)
    {
        if (interrupt.IsCancellationRequested) return;
        signal.Cancel = true;
        interrupt.Cancel();
        _ = Task.Delay(StopGrace).ContinueWith(_ =>
        {
            Console.Error.WriteLine($"{name}: did not stop within {StopGrace.TotalSeconds:0} s of the interrupt; ending now");
            Environment.Exit(ExitCodes.Interrupted);
        }, TaskScheduler.Default);
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
