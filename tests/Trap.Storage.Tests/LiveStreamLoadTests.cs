using Trap.Dataset;
using Trap.Engine;
using Trap.Pipeline.Progress;
using Trap.Pipeline.Streaming;
using Trap.Storage.Loading;
using Trap.TestSupport;

namespace Trap.Storage.Tests;

/// <summary>
/// The live load under a real `trap stream` (docs/streaming.md): a timestep lands after each commit, the
/// dataset is loaded after each batch, the stream is stopped between a commit and its load and started
/// again. The database must equal a full load of the final dataset, table by table.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class LiveStreamLoadTests : IDisposable
{
    private readonly PostgresFixture _postgres;
    private readonly string _folder = Directory.CreateTempSubdirectory("trap-stream-db-").FullName;

    public LiveStreamLoadTests(PostgresFixture postgres) => _postgres = postgres;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task AStreamLoadedBatchByBatchAndRestartedEqualsAFullLoad()
    {
        var settings = await _postgres.CreateCatalogueAsync();
        var job = await StreamingJob.CreateAsync(_folder, seed: 31, timesteps: 7, imageSize: 64, sources: 8);
        var timesteps = job.Timesteps();
        var loader = new DatasetLoader(settings);
        var loads = new List<LoadResult>();
        var landed = 0;
        void LandNext()
        {
            // The stream waits for this callback, so whole files are there before it looks again.
            if (landed < timesteps.Count) foreach (var file in timesteps[landed++]) File.Copy(file, Path.Combine(job.Incoming, Path.GetFileName(file)));
        }
        async Task LoadAndLand(string dataset, CancellationToken token)
        {
            loads.Add(await loader.LoadFolderAsync(dataset, cancellation: token));
            LandNext();
        }
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var options = new StreamOptions { TimestepWait = TimeSpan.FromSeconds(0.1), PollInterval = TimeSpan.FromMilliseconds(50) };

        // The first stream stops between its fourth commit and that commit's load (as kill -9 would).
        LandNext();
        await using (var engine = new LocalEngine(2))
        {
            var commits = 0;
            var killed = new StreamRunner(engine, ProgressReporter.Silent(), options with
            {
                AfterCommit = (dataset, token) => ++commits < 4 ? LoadAndLand(dataset, token) : throw new InvalidOperationException("killed before the load"),
            });
            await Assert.ThrowsAsync<InvalidOperationException>(() => killed.RunAsync(job.Job, stop.Token));
        }
        Assert.Equal(3, loads.Count);

        // Started again, the stream loads the dataset before its first batch: the missed batch's parts are added.
        await using (var engine = new LocalEngine(2))
        {
            var restarted = new StreamRunner(engine, ProgressReporter.Silent(), options with { AfterCommit = LoadAndLand });
            await restarted.RunAsync(job.Job, stop.Token, stopWhenIdle: TimeSpan.FromSeconds(1));
            Assert.Equal(0, restarted.FullRuns);
        }

        Assert.Equal(timesteps.Count, landed);
        Assert.Equal("the dataset is new to this database", loads[0].FullReason);
        // Every later load, the restart's catch-up (loads[3]) included, adds one batch's part of the appended tables.
        Assert.All(loads.Skip(1), load =>
        {
            Assert.True(load.Incremental, load.How);
            Assert.Single(load.Tables.Single(t => t.Table == DatasetTables.ExtractedSources).Parts);
        });
        await FullLoad.AssertSameAsync(_postgres, settings, loads[^1].DatasetId, job.Output);
    }
}
