namespace Trap.Bench;

/// <summary>
/// Benchmarks: `dotnet run -c Release --project bench/Trap.Bench -- NAME [options]`. Each prints
/// images/s per core and the ratio to a baseline measured in the same process.
/// </summary>
public static class Program
{
    private static readonly Dictionary<string, Func<string[], int>> Benchmarks = new()
    {
        ["fits-read"] = FitsReadBenchmark.Run,
        ["pipeline"] = PipelineBenchmark.Run,
        ["association"] = AssociationBenchmark.Run,
        ["catalogue-memory"] = CatalogueMemoryBenchmark.Run,
        ["quality"] = QualityBenchmark.Run,
        ["extraction"] = ExtractionBenchmark.Run,
        ["simulate"] = SimulateBenchmark.Run,
        ["db-load"] = DatabaseLoadBenchmark.Run,
        ["db-stream-load"] = StreamLoadBenchmark.Run,
        ["cluster"] = ClusterBenchmark.Run,
        ["scaling"] = ScalingBenchmark.Run,
        ["memory"] = MemoryBenchmark.Run,
        ["stream"] = StreamBenchmark.Run,
        ["stream-sender"] = StreamBenchmark.RunSender,
        ["stream-state"] = StreamStateBenchmark.Run,
    };

    public static int Main(string[] args)
    {
        if (args.Length == 0 || !Benchmarks.TryGetValue(args[0], out var run))
        {
            Console.Error.WriteLine("usage: Trap.Bench <" + string.Join("|", Benchmarks.Keys) + "> [options]");
            return 2;
        }
        return run(args[1..]);
    }
}
