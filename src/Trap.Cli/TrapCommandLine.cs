using System.CommandLine;
using System.CommandLine.Help;
using Trap.Cli.Commands;

namespace Trap.Cli;

/// <summary>The `trap` command tree: every sub-command, in the order `trap --help` lists them.</summary>
public static class TrapCommandLine
{
    public static RootCommand Create()
    {
        var root = new RootCommand("Trap finds transient and variable radio sources in time series of sky images (a re-creation of LOFAR TraP).")
        {
            DemoCommand.Create(),
            InitCommand.Create(),
            RunCommand.Create(),
            StreamCommand.Create(),
            WebCommand.Create(),
            SimulateCommand.Create(),
            CompareCommand.Create(),
            ScoreCommand.Create(),
            DbCommand.Create(),
            AlertsCommand.Create(),
            WorkerCommand.Create(),
            ClusterCommand.Create(),
        };
        root.Add(HelpCommand.Create(root));
        // `trap` alone: the list of commands, as a usage error (nothing was asked for).
        root.SetAction(parse =>
        {
            new HelpAction().Invoke(parse);
            return ExitCodes.Usage;
        });
        return root;
    }
}
