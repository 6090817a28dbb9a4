using Trap.Pipeline.Output;

namespace Trap.Cli.Commands;

/// <summary>`trap compare A B`: whether two runs' datasets hold the same rows, table by table (e.g. after an upgrade or on another engine).</summary>
public sealed class CompareCommand : ICliCommand
{
    public string Name => "compare";

    public string Summary => "compare two output folders table by table (trap compare OUTPUT_A OUTPUT_B); exit 1 when they differ";

    public int Run(IReadOnlyList<string> args)
    {
        var parsed = CliArguments.Parse(args, Array.Empty<string>());
        if (parsed.Positionals.Count != 2) throw new CliUsageException("usage: trap compare OUTPUT_A OUTPUT_B");
        foreach (var folder in parsed.Positionals)
        {
            if (!Directory.Exists(folder)) throw new CliUsageException($"'{folder}' is not a folder; give two output folders of `trap run`");
        }
        var differences = DatasetComparer.CompareAsync(parsed.Positionals[0], parsed.Positionals[1]).GetAwaiter().GetResult();
        foreach (var d in differences)
        {
            Console.WriteLine($"{d.Table,-24} {d.RowsA,9} {d.RowsB,9}  {(d.Same ? "same" : "DIFFERENT")}");
            foreach (var row in d.OnlyInA) Console.WriteLine($"    only in A: {row}");
            foreach (var row in d.OnlyInB) Console.WriteLine($"    only in B: {row}");
        }
        return differences.All(d => d.Same) ? 0 : 1;
    }
}
