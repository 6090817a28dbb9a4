using System.CommandLine;
using Trap.Dataset;
using Trap.Pipeline.Output;

namespace Trap.Cli.Commands;

/// <summary>`trap compare A B`: whether two runs' datasets hold the same rows, table by table (e.g. after an upgrade or on another engine).</summary>
public static class CompareCommand
{
    public static Command Create()
    {
        var a = new Argument<string>("OUTPUT_A") { Description = "an output folder of trap run" };
        var b = new Argument<string>("OUTPUT_B") { Description = "another output folder of trap run" };
        var command = new Command("compare", "compare two output folders table by table; exit status 1 when they differ") { a, b };
        command.SetAction(async (parse, cancellation) =>
        {
            var folders = new[] { parse.GetValue(a)!, parse.GetValue(b)! };
            foreach (var folder in folders)
            {
                if (!Directory.Exists(folder)) throw new CliUsageException($"'{folder}' is not a folder; give two output folders of `trap run`");
            }
            var differences = await DatasetComparer.CompareAsync(folders[0], folders[1]);
            foreach (var d in differences)
            {
                Console.WriteLine($"{d.Table,-24} {d.RowsA,9} {d.RowsB,9}  {(d.Same ? "same" : "DIFFERENT")}");
                foreach (var row in d.OnlyInA) Console.WriteLine($"    only in A: {row}");
                foreach (var row in d.OnlyInB) Console.WriteLine($"    only in B: {row}");
            }
            return differences.All(d => d.Same) ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }
}
