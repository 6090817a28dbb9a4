using Trap.Dataset;
using Trap.Dataset.Rows;
using Trap.Engine.Cluster.Driver;
using Trap.Pipeline;
using Trap.Pipeline.Output;
using Trap.Pipeline.Progress;
using Trap.Simulation;
using Trap.Simulation.Output;

namespace Trap.Engine.Cluster.Tests;

/// <summary>A whole Trap job on two workers gives the local engine's dataset, byte for byte.</summary>
public sealed class ClusterJobRunnerTests : IClassFixture<InProcessCluster>, IDisposable
{
    private readonly InProcessCluster _cluster;
    private readonly string _folder = Directory.CreateTempSubdirectory("trap-cluster-job-").FullName;

    public ClusterJobRunnerTests(InProcessCluster cluster)
    {
        _cluster = cluster;
    }

    [Fact]
    public async Task ASmallSurveyGivesTheSameParquetOnTwoWorkersAsLocally()
    {
        SurveyWriter.Write(new Survey(new SurveySpec { Seed = 5, Timesteps = 4, ImageSize = 128, SourcesPerPointing = 15 }), _folder);
        await File.WriteAllTextAsync(Path.Combine(_folder, "job.cfg"), "[job]\nimages = images/**/*.fits\noutput = output\n");
        await using (var local = new LocalEngine(2))
        {
            await new JobRunner(local, ProgressReporter.Silent()).RunAsync(_folder, Path.Combine(_folder, "local"));
        }
        await using (var cluster = new ClusterEngine(_cluster.Cluster.Client, new SchedulerOptions { ExecutorCores = 2 }))
        {
            await new JobRunner(cluster, ProgressReporter.Silent()).RunAsync(_folder, Path.Combine(_folder, "cluster"));
            Assert.Equal(2, cluster.CompletedTasksByWorker.Count);
        }
        var expected = ParquetFiles(Path.Combine(_folder, "local"));
        var actual = ParquetFiles(Path.Combine(_folder, "cluster"));
        Assert.True(expected.Count >= 10, $"only {expected.Count} tables were written");
        Assert.Equal(expected.Keys, actual.Keys);
        Assert.NotEmpty(await Rows<RunningCatalogueRow>("local", DatasetTables.RunningCatalogue));
        // The dataset row names the engine and the run's times; everything else but the stage timings must match byte for byte.
        var localRun = Assert.Single(await Rows<DatasetRow>("local", DatasetTables.Dataset));
        var clusterRun = Assert.Single(await Rows<DatasetRow>("cluster", DatasetTables.Dataset));
        Assert.Equal((localRun.NImages, localRun.NRejected), (clusterRun.NImages, clusterRun.NRejected));
        Assert.NotEqual(localRun.Engine, clusterRun.Engine);
        // The stages table holds the run's timings: its counts must match, its times cannot.
        static IEnumerable<(string, long, long)> Counts(List<StageRow> stages) => stages.OrderBy(s => s.Position).Select(s => (s.Stage, s.RowsIn, s.RowsOut));
        Assert.Equal(Counts(await Rows<StageRow>("local", DatasetTables.Stages)), Counts(await Rows<StageRow>("cluster", DatasetTables.Stages)));
        var runTables = DatasetTables.RunDescriptions.Append(DatasetTables.Dataset).Select(t => t + Path.DirectorySeparatorChar).ToList();
        foreach (var (name, bytes) in expected.Where(f => !runTables.Any(t => f.Key.StartsWith(t, StringComparison.Ordinal))))
        {
            Assert.True(bytes.AsSpan().SequenceEqual(actual[name]), $"{name} differs between the local and the cluster run");
        }
    }

    private async Task<List<T>> Rows<T>(string output, string table) where T : class, new()
    {
        var rows = new List<T>();
        await foreach (var row in ParquetTableReader.ReadTableAsync<T>(Path.Combine(_folder, output), table))
        {
            rows.Add(row);
        }
        return rows;
    }

    private static SortedDictionary<string, byte[]> ParquetFiles(string folder) =>
        new(Directory.GetFiles(folder, "*.parquet", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllBytes), StringComparer.Ordinal);

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
