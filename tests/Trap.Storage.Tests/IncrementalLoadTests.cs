using Trap.Dataset;
using Trap.Storage.Connection;
using Trap.Storage.Loading;

namespace Trap.Storage.Tests;

/// <summary>
/// The live load of `trap stream`: after each committed batch the dataset folder is loaded again, and only
/// what the batch added is copied (docs/database.md, Incremental loads). Whatever happened between loads,
/// the database must hold exactly what a full load of the final folder holds.
/// </summary>
[Collection(PostgresCollection.Name)]
public class IncrementalLoadTests
{
    private readonly PostgresFixture _postgres;

    public IncrementalLoadTests(PostgresFixture postgres) => _postgres = postgres;

    [Fact]
    public async Task AStreamLoadedAfterEachBatchEqualsAFullLoadOfItsLastDataset()
    {
        var settings = await _postgres.CreateCatalogueAsync();
        using var stream = new StreamedFolder("live", batches: 11);
        var loader = new DatasetLoader(settings);
        var loads = await CommitAndLoadAsync(stream, loader, 11);

        Assert.Equal("the dataset is new to this database", loads[0].FullReason);
        // Every load after the first is incremental, the ninth's too, whose batch merged the level-1 parts (below).
        Assert.All(loads.Skip(1), load => Assert.True(load.Incremental, load.How));
        Assert.Equal(TableLoadKind.Merged, loads[8].Tables.Single(t => t.Table == DatasetTables.Associations).Kind);
        // A batch without a merge copies its own rows of the appended tables only: its part, from the record.
        var second = loads[1];
        Assert.All(second.Tables.Where(t => StreamedFolder.AppendedTables.Contains(t.Table)), t =>
        {
            Assert.Equal(TableLoadKind.Appended, t.Kind);
            Assert.Equal("part-10000.parquet", Assert.Single(t.Parts).Name);
        });
        Assert.Equal(24, second.RowsByTable["extractedsource"]); // 2 images of 12 sources
        Assert.All(second.Tables.Where(t => !StreamedFolder.AppendedTables.Contains(t.Table)), t => Assert.Equal(TableLoadKind.Rewritten, t.Kind));
        await FullLoad.AssertSameAsync(_postgres, settings, loads[^1].DatasetId, stream.Folder);
    }

    [Fact]
    public async Task PartsMergedByTheStreamReplaceTheirRowsInAnIncrementalLoad()
    {
        var settings = await _postgres.CreateCatalogueAsync();
        using var stream = new StreamedFolder("merged", batches: 10);
        var loader = new DatasetLoader(settings);
        var load = (await CommitAndLoadAsync(stream, loader, 9))[^1];

        // The ninth batch wrote part 10007 and merged 10000-10007 into 20000: the record names parts that are gone.
        Assert.Equal(["part-00000.parquet", "part-20000.parquet"], stream.PartNames(DatasetTables.ExtractedSources));
        var sources = load.Tables.Single(t => t.Table == DatasetTables.ExtractedSources);
        Assert.Equal(TableLoadKind.Merged, sources.Kind);
        Assert.Equal("7 parts part-10000.parquet, part-10001.parquet, part-10002.parquet, ... merged into part part-20000.parquet", sources.Reason);
        Assert.True(load.Incremental, load.How);
        Assert.Contains("merged parts replaced their rows in images, rejections, extracted_sources", load.How);
        Assert.Equal(8 * 2 * 12, load.RowsByTable["extractedsource"]); // the merged part's rows, not part 00000's
        await FullLoad.AssertSameAsync(_postgres, settings, load.DatasetId, stream.Folder);

        // Where the merged part holds most of the table (a stream that began with a short first batch), the table is copied whole.
        var small = await _postgres.CreateCatalogueAsync();
        using var shortStart = new StreamedFolder("merged", batches: 9, firstImages: 2);
        var whole = (await CommitAndLoadAsync(shortStart, new DatasetLoader(small), 9))[^1];
        Assert.True(whole.Incremental, whole.How);
        var reloaded = whole.Tables.Single(t => t.Table == DatasetTables.ExtractedSources);
        Assert.Equal(TableLoadKind.Reloaded, reloaded.Kind);
        Assert.EndsWith("merged into part part-20000.parquet, which hold most of the table's rows", reloaded.Reason);
        Assert.Equal((9 * 2 - 1) * 12, whole.RowsByTable["extractedsource"]); // every image but the rejected last one
        await FullLoad.AssertSameAsync(_postgres, small, whole.DatasetId, shortStart.Folder);

        // The batch after the merge appends its new level-1 part only.
        await stream.CommitNextBatchAsync();
        var after = await loader.LoadFolderAsync(stream.Folder);
        var next = after.Tables.Single(t => t.Table == DatasetTables.ExtractedSources);
        Assert.Equal(TableLoadKind.Appended, next.Kind);
        Assert.Equal("part-10000.parquet", Assert.Single(next.Parts).Name);
        await FullLoad.AssertSameAsync(_postgres, settings, after.DatasetId, stream.Folder);
    }

    [Fact]
    public async Task GonePartsWhoseRowsNoNewPartHoldsAreLoadedWhole()
    {
        var settings = await _postgres.CreateCatalogueAsync();
        using var stream = new StreamedFolder("lost", batches: 3);
        var loader = new DatasetLoader(settings);
        await CommitAndLoadAsync(stream, loader, 3);

        // A part removed, not merged: its rows must leave the database too.
        File.Delete(Path.Combine(stream.Folder, DatasetTables.Associations, "part-10000.parquet"));
        var load = await loader.LoadFolderAsync(stream.Folder);
        Assert.True(load.Incremental, load.How);
        var associations = load.Tables.Single(t => t.Table == DatasetTables.Associations);
        Assert.Equal(TableLoadKind.Reloaded, associations.Kind);
        Assert.Equal("part part-10000.parquet gone, and the new parts hold 0 of their 24 rows", associations.Reason);
        Assert.Equal(TableLoadKind.Appended, load.Tables.Single(t => t.Table == DatasetTables.ExtractedSources).Kind);
        await FullLoad.AssertSameAsync(_postgres, settings, load.DatasetId, stream.Folder);
    }

    [Fact]
    public async Task ALoadRepeatedAddsNothing()
    {
        var settings = await _postgres.CreateCatalogueAsync();
        using var stream = new StreamedFolder("repeated", batches: 3);
        var loader = new DatasetLoader(settings);
        var first = (await CommitAndLoadAsync(stream, loader, 3))[^1];

        var again = await loader.LoadFolderAsync(stream.Folder);
        Assert.True(again.Incremental, again.How);
        Assert.All(again.Tables, t => Assert.Equal((TableLoadKind.Appended, 0), (t.Kind, t.Parts.Count)));
        Assert.Equal(first.DatasetId, again.DatasetId);
        await FullLoad.AssertSameAsync(_postgres, settings, again.DatasetId, stream.Folder);
    }

    [Fact]
    public async Task LoadsMissedOrBrokenOffAreCaughtUpByTheNextLoad()
    {
        var settings = await _postgres.CreateCatalogueAsync();
        using var stream = new StreamedFolder("crashed", batches: 6);
        var loader = new DatasetLoader(settings);
        await stream.CommitNextBatchAsync();
        await loader.LoadFolderAsync(stream.Folder);

        // Killed between a commit and its load, twice: the next load adds both batches' parts.
        await stream.CommitNextBatchAsync();
        await stream.CommitNextBatchAsync();
        // A load broken off mid-copy (the database went away) leaves the rows and the record as they were.
        var broken = new LoadOptions
        {
            OnRow = (table, rows) =>
            {
                if (table == "assocxtrsource" && rows == 5) throw new InvalidOperationException("connection lost");
            },
        };
        await Assert.ThrowsAsync<InvalidOperationException>(() => loader.LoadFolderAsync(stream.Folder, broken));
        await stream.CommitNextBatchAsync();

        var caughtUp = await loader.LoadFolderAsync(stream.Folder);
        Assert.True(caughtUp.Incremental, caughtUp.How);
        Assert.Equal(["part-10000.parquet", "part-10001.parquet", "part-10002.parquet"],
                     caughtUp.Tables.Single(t => t.Table == DatasetTables.Associations).Parts.Select(p => p.Name));
        await FullLoad.AssertSameAsync(_postgres, settings, caughtUp.DatasetId, stream.Folder);
    }

    [Fact]
    public async Task ADatasetWrittenAnewOrNeverRecordedIsLoadedWholeAndSaysWhy()
    {
        var settings = await _postgres.CreateCatalogueAsync();
        using var stream = new StreamedFolder("rewritten", batches: 3);
        var loader = new DatasetLoader(settings);
        await stream.CommitNextBatchAsync();
        await stream.CommitNextBatchAsync();
        await loader.LoadFolderAsync(stream.Folder);

        // A run over all images (trap run --append) writes every table anew: no loaded part is left.
        await stream.CommitNextBatchAsync();
        await stream.RewriteAsARunAsync();
        var rewritten = await loader.LoadFolderAsync(stream.Folder);
        Assert.Contains("every table's part files it was loaded from were rewritten", rewritten.FullReason);
        await FullLoad.AssertSameAsync(_postgres, settings, rewritten.DatasetId, stream.Folder);

        // Loaded from rows in memory, the dataset has no record: its next folder load is whole, then incremental again.
        var inMemory = new SampleRun("rewritten");
        await loader.LoadAsync(inMemory.Contents());
        Assert.Equal(0, await StoredRows.CountAsync(settings, "SELECT count(*) FROM loaded_part"));
        var unrecorded = await loader.LoadFolderAsync(stream.Folder);
        Assert.Contains("no record of the part files", unrecorded.FullReason);
        Assert.True((await loader.LoadFolderAsync(stream.Folder)).Incremental);
        await FullLoad.AssertSameAsync(_postgres, settings, unrecorded.DatasetId, stream.Folder);

        // Deleting the dataset deletes its record.
        await loader.DeleteAsync("rewritten");
        Assert.Equal(0, await StoredRows.CountAsync(settings, "SELECT count(*) FROM loaded_part"));
    }

    /// <summary>Commits <paramref name="batches"/> more batches, loading the folder after each, as the stream's live load does.</summary>
    private static async Task<List<LoadResult>> CommitAndLoadAsync(StreamedFolder stream, DatasetLoader loader, int batches)
    {
        var loads = new List<LoadResult>();
        for (var batch = 0; batch < batches; batch++)
        {
            await stream.CommitNextBatchAsync();
            loads.Add(await loader.LoadFolderAsync(stream.Folder));
        }
        return loads;
    }
}
