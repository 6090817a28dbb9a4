using System.Diagnostics;
using Trap.Dataset;
using Trap.Dataset.Rows;
using Trap.Storage.Connection;
using Trap.Storage.Loading;
using Trap.Storage.Schema;

namespace Trap.Bench;

/// <summary>
/// The live database load of `trap stream` after N batches: `db-stream-load [--batches 10,300]
/// [--images-per-batch 8] [--sources 100] [--repeat 8] [--database CONNECTION]`. For each N, writes a
/// dataset folder laid out as the stream leaves it after N batches (part 00000, then the batches' parts
/// merged 8 to a level: docs/streaming.md), loads it, then, `repeat` times, commits one more batch (a new
/// level-1 part of each appended table, merged as the stream merges, the catalogue-wide tables written
/// again) and times, in the same process and one after the other, the incremental load and the full load
/// of that same folder (every table deleted and copied again, as each batch did before schema version 7).
/// Prints the medians and their ratio, and the loads of the batches whose parts merged (1 in 8) apart.
/// Works in a scratch database (as `db-load`) dropped at the end.
/// </summary>
public static class StreamLoadBenchmark
{
    private const int PerLevel = 8;

    public static int Run(string[] args)
    {
        var batchCounts = (DatabaseLoadBenchmark.Value(args, "--batches") ?? "10,300").Split(',').Select(int.Parse).ToList();
        var imagesPerBatch = int.Parse(DatabaseLoadBenchmark.Value(args, "--images-per-batch") ?? "8");
        var sources = int.Parse(DatabaseLoadBenchmark.Value(args, "--sources") ?? "100");
        var repeat = int.Parse(DatabaseLoadBenchmark.Value(args, "--repeat") ?? "8");
        var server = DatabaseLoadBenchmark.Server(args);
        DatabaseLoadBenchmark.WithScratchDatabase(server, "trap_bench_stream_", scratch =>
        {
            var settings = DatabaseLoadBenchmark.InDatabase(server, scratch, "trap-bench-stream");
            new SchemaMigrator(settings).InitAsync().GetAwaiter().GetResult();
            Console.WriteLine($"db-stream-load: {imagesPerBatch} images of {sources} sources per batch, into {server.Host}:{server.Port}; " +
                              $"{repeat} batches each; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
            foreach (var batches in batchCounts)
            {
                var folder = Directory.CreateTempSubdirectory("trap-bench-stream-").FullName;
                try
                {
                    Measure(settings, new StreamLayout(folder, imagesPerBatch, sources), batches, repeat);
                }
                finally
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
        });
        return 0;
    }

    private static void Measure(DatabaseSettings settings, StreamLayout layout, int batches, int repeat)
    {
        var loader = new DatasetLoader(settings);
        layout.WriteFirst(batches);
        loader.LoadFolderAsync(layout.Folder).GetAwaiter().GetResult();
        var incremental = new List<double>();
        var full = new List<double>();
        var merges = new List<double>();
        long rows = 0;
        for (var i = 0; i < repeat; i++)
        {
            var merged = layout.CommitBatch();
            var clock = Stopwatch.StartNew();
            var result = loader.LoadFolderAsync(layout.Folder).GetAwaiter().GetResult();
            (merged ? merges : incremental).Add(clock.Elapsed.TotalSeconds);
            if (!result.Incremental) throw new InvalidOperationException("the load after batch " + layout.Batches + " was not incremental: " + result.How);
            clock.Restart();
            rows = loader.LoadFolderAsync(layout.Folder, new LoadOptions { Full = true }).GetAwaiter().GetResult().TotalRows;
            full.Add(clock.Elapsed.TotalSeconds);
        }
        var (inc, whole) = (BenchStatistics.Median(incremental), BenchStatistics.Median(full));
        Console.WriteLine($"  after {batches,4} batches ({rows,8:N0} rows): incremental {inc * 1000,8:F1} ms (median of {incremental.Count}), " +
                          $"full {whole * 1000,8:F1} ms (median of {full.Count}), full / incremental x{whole / inc:F1}" +
                          (merges.Count > 0 ? $"; batches whose parts merged: {string.Join(", ", merges.Select(m => (m * 1000).ToString("F1") + " ms"))}" : ""));
    }

    /// <summary>A dataset folder laid out as the stream's batches leave it, with synthetic rows.</summary>
    private sealed class StreamLayout(string folder, int imagesPerBatch, int sources)
    {
        /// <summary>The appended tables' parts after part 00000: level, number, first batch and batches held.</summary>
        private readonly List<(int Level, int Number, int First, int Count)> _parts = new();

        public string Folder => folder;

        public int Batches { get; private set; }

        /// <summary>Writes the folder after <paramref name="batches"/> batches: the first batch's part 00000, then the others merged 8 to a level.</summary>
        public void WriteFirst(int batches)
        {
            WriteAppended(0, 1, 0);
            WriteCatalogue(batches);
            var digits = new List<int>();
            for (var r = batches - 1; r > 0; r /= PerLevel) digits.Add(r % PerLevel);
            var next = 1;
            for (var level = digits.Count; level >= 1; level--)
            {
                var span = (int)Math.Pow(PerLevel, level - 1);
                for (var k = 0; k < digits[level - 1]; k++, next += span) AddPart(level, next, span);
            }
            Batches = batches;
        }

        /// <summary>One more batch: its level-1 part of each appended table (merged 8 to a level, as the stream does), the catalogue-wide tables again; true when parts were merged.</summary>
        public bool CommitBatch()
        {
            AddPart(1, Batches, 1);
            var merged = false;
            for (var level = 1; _parts.Count(p => p.Level == level) == PerLevel; level++, merged = true)
            {
                var parts = _parts.Where(p => p.Level == level).ToList();
                foreach (var part in parts)
                {
                    foreach (var (table, _) in DatasetTables.All.Where(t => Appended.Contains(t.Name))) File.Delete(ParquetTableWriter<ImageRow>.PartPath(folder, table, part.Number));
                    _parts.Remove(part);
                }
                AddPart(level + 1, parts[0].First, parts.Sum(p => p.Count));
            }
            WriteCatalogue(++Batches);
            return merged;
        }

        private static readonly HashSet<string> Appended =
            [DatasetTables.Images, DatasetTables.Rejections, DatasetTables.ExtractedSources, DatasetTables.Associations, DatasetTables.NewSources];

        private void AddPart(int level, int first, int count)
        {
            var number = _parts.Where(p => p.Level == level).Select(p => p.Number).DefaultIfEmpty(level * 10_000 - 1).Max() + 1;
            _parts.Add((level, number, first, count));
            WriteAppended(first, count, number);
        }

        private void WriteAppended(int firstBatch, int count, int part)
        {
            var images = Enumerable.Range(firstBatch * imagesPerBatch, count * imagesPerBatch).ToList();
            Write(DatasetTables.Images, part, images.Select(i => new ImageRow
            {
                ImageId = i, Url = "/incoming/image_" + i + ".fits", Timestep = i / imagesPerBatch, BandId = i % imagesPerBatch, SkyRegionId = 0,
                StartUtc = DateTime.UnixEpoch.AddSeconds(i / imagesPerBatch), Accepted = true, NSources = sources,
            }));
            Write(DatasetTables.Rejections, part, Array.Empty<RejectionRow>());
            Write(DatasetTables.ExtractedSources, part, images.SelectMany(i => Enumerable.Range(0, sources).Select(s => new ExtractedSourceRow
            {
                SourceId = (long)i * sources + s, ImageId = i, RaDeg = s, DecDeg = -30, FIntJy = 1 + i % 7, FPeakJy = 1, DetSigma = 10,
            })));
            Write(DatasetTables.Associations, part, images.SelectMany(i => Enumerable.Range(0, sources).Select(s => new AssociationRow
            {
                RuncatId = s, SourceId = (long)i * sources + s, ImageId = i, BandId = i % imagesPerBatch, TimeUtc = DateTime.UnixEpoch.AddSeconds(i / imagesPerBatch),
                Type = 3, FDatapoints = i / imagesPerBatch + 1, FIntJy = 1 + i % 7, FPeakJy = 1,
            })));
            Write(DatasetTables.NewSources, part, Array.Empty<NewSourceRow>());
        }

        private void WriteCatalogue(int batches)
        {
            Write(DatasetTables.Dataset, 0, [new DatasetRow { Name = "bench-stream-" + Path.GetFileName(folder), Engine = "bench", NImages = batches * imagesPerBatch }]);
            Write(DatasetTables.Config, 0, [new ConfigRow { Section = "job", Key = "name", Value = "bench", Type = "str" }]);
            Write(DatasetTables.FrequencyBands, 0, Enumerable.Range(0, imagesPerBatch).Select(b => new FrequencyBandRow { BandId = b, FreqCentralHz = 6e7 + 1e6 * b }));
            Write(DatasetTables.SkyRegions, 0, [new SkyRegionRow { SkyRegionId = 0, XtrRadiusDeg = 90 }]);
            Write(DatasetTables.RunningCatalogue, 0, Enumerable.Range(0, sources).Select(s => new RunningCatalogueRow { RuncatId = s, FirstSourceId = s, Datapoints = batches, WmRaDeg = s, WmDecDeg = -30 }));
            Write(DatasetTables.RunningCatalogueFlux, 0, Enumerable.Range(0, sources * imagesPerBatch).Select(r => new CatalogueFluxRow { RuncatId = r / imagesPerBatch, BandId = r % imagesPerBatch, FDatapoints = batches }));
            Write(DatasetTables.Variability, 0, Enumerable.Range(0, sources).Select(s => new VariabilityRow { RuncatId = s, BandId = 0, FDatapoints = batches }));
            Write(DatasetTables.Monitor, 0, Array.Empty<MonitorRow>());
            Write(DatasetTables.Candidates, 0, Array.Empty<CandidateRow>());
            Write(DatasetTables.Stages, 0, [new StageRow { Position = 0, Stage = "batch", RowsInKind = "images", RowsOutKind = "rows" }]);
        }

        private void Write<T>(string table, int part, IEnumerable<T> rows) where T : class, new()
        {
            if (part == 0) foreach (var file in ParquetTableReader.Parts(folder, table)) File.Delete(file);
            ParquetTableWriter<T>.WriteFileAsync(ParquetTableWriter<T>.PartPath(folder, table, part), rows).GetAwaiter().GetResult();
        }
    }
}
