using Trap.Cli.Commands;

namespace Trap.Cli;

public static class Program
{
    /// <summary>Every sub-command, in the order `trap help` lists them.</summary>
    private static IReadOnlyList<ICliCommand> Commands() => new ICliCommand[]
    {
        new DemoCommand(),
        new RunCommand(),
        new SimulateCommand(),
        new DbCommand(),
        new WebCommand(),
        new AlertsCommand(),
        new WorkerCommand(),
        new ClusterCommand(),
        new CompareCommand(),
        new ScoreCommand(),
    };

    public static int Main(string[] args)
    {
        var commands = Commands();
        if (args.Length == 0 || args[0] is "help" or "--help" or "-h")
        {
            PrintUsage(commands);
            return args.Length == 0 ? ExitCodes.Usage : ExitCodes.Ok;
        }
        var command = commands.FirstOrDefault(c => c.Name == args[0]);
        if (command is null)
        {
            Console.Error.WriteLine($"trap: unknown command '{args[0]}'. Run 'trap help' for the list.");
            return ExitCodes.Usage;
        }
        try
        {
            return command.Run(args.Skip(1).ToArray());
        }
        catch (CliUsageException error)
        {
            Console.Error.WriteLine($"trap {command.Name}: {error.Message}");
            return ExitCodes.Usage;
        }
        catch (Exception error) when (error is Trap.Pipeline.Configuration.JobConfigException or Trap.Images.ImageFormatException
                                          or Trap.Formats.Fits.FitsFormatException or Trap.Storage.StorageException or Trap.Engine.Cluster.ClusterException
                                          or IOException or UnauthorizedAccessException or InvalidDataException)
        {
            // Errors a user can act on: print the message (file, problem, remedy), not a stack trace.
            Console.Error.WriteLine($"trap {command.Name}: {error.Message}");
            return ExitCodes.Failed;
        }
    }

    private static void PrintUsage(IReadOnlyList<ICliCommand> commands)
    {
        Console.WriteLine("usage: trap <command> [options]");
        foreach (var command in commands)
        {
            Console.WriteLine($"  {command.Name,-12} {command.Summary}");
        }
    }
}
