using Trap.Dataset;
using Trap.Dataset.Rows;
using Trap.Storage.Connection;
using Trap.Storage.Loading;

namespace Trap.Storage.Tests;

[Collection(PostgresCollection.Name)]
public class LoaderTests
{
    private readonly PostgresFixture _postgres;

    public LoaderTests(PostgresFixture postgres) => _postgres = postgres;

    [Fact]
    public async Task AWholeRunRoundTripsThroughEveryTable()
    {
        var settings = await _postgres.CreateCatalogueAsync();
        var run = new SampleRun("survey-2024");
        var result = await new DatasetLoader(settings).LoadAsync(run.Contents());

        Assert.Null(result.ReplacedDatasetId);
        await AssertStoredAsync(settings, result.DatasetId, run);
        Assert.Equal(run.Sources.Count, result.RowsByTable["extractedsource"]);
        Assert.Equal(run.Associations.Count, result.RowsByTable["assocxtrsource"]);
    }

    [Fact]
    public async Task AParquetDatasetFolderRoundTrips()
    {
        var settings = await _postgres.CreateCatalogueAsync();
        var run = new SampleRun("from-parquet", seed: 2);
        var folder = Directory.CreateTempSubdirectory("trap-db-").FullName;
        try
        {
            foreach (var (table, rowType) in DatasetTables.All)
            {
                await TableFiles.WriteAsync(folder, table, rowType, run.RowsOf(rowType));
            }
            var result = await new DatasetLoader(settings).LoadFolderAsync(folder);
            await AssertStoredAsync(settings, result.DatasetId, run);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task AFolderWithoutATableIsRefusedWithItsName()
    {
        var settings = await _postgres.CreateCatalogueAsync();
        var folder = Directory.CreateTempSubdirectory("trap-db-").FullName;
        try
        {
            await TableFiles.WriteAsync(folder, DatasetTables.Dataset, typeof(DatasetRow), new[] { new SampleRun("partial").Dataset });
            var error = await Assert.ThrowsAsync<StorageException>(() => new DatasetLoader(settings).LoadFolderAsync(folder));
            Assert.Contains(DatasetTables.Config, error.Message);
            Assert.Contains(folder, error.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task ARerunReplacesItsDatasetAndLeavesOthersAlone()
    {
        var settings = await _postgres.CreateCatalogueAsync();
        var loader = new DatasetLoader(settings);
        var other = await loader.LoadAsync(new SampleRun("other", seed: 9).Contents());
        var first = await loader.LoadAsync(new SampleRun("nightly").Contents());
        var rerun = new SampleRun("nightly", seed: 3, images: 4, sourcesPerImage: 25);
        var second = await loader.LoadAsync(rerun.Contents());

        // The reload keeps the dataset's id (bookmarks stay valid) and holds the rerun's rows only.
        Assert.Equal(first.DatasetId, second.ReplacedDatasetId);
        Assert.Equal(first.DatasetId, second.DatasetId);
        Assert.Equal(1, await StoredRows.CountAsync(settings, "SELECT count(*) FROM dataset WHERE name = 'nightly'"));
        await AssertStoredAsync(settings, second.DatasetId, rerun);
        await AssertStoredAsync(settings, other.DatasetId, new SampleRun("other", seed: 9));

        // The same run loaded again gives the same rows, once.
        var third = await loader.LoadAsync(rerun.Contents());
        Assert.Equal(first.DatasetId, third.DatasetId);
        await AssertStoredAsync(settings, third.DatasetId, rerun);
        Assert.Equal(2, await StoredRows.CountAsync(settings, "SELECT count(*) FROM dataset"));
    }

    [Fact]
    public async Task VoEventPacketsAreLoadedReplacedAndDeletedWithTheirDataset()
    {
        var settings = await _postgres.CreateCatalogueAsync();
        var loader = new DatasetLoader(settings);
        var first = await loader.LoadAsync(new SampleRun("alerts").Contents()
            .SetVoEvents([new VoEventPacket("alerts-runcat-1", "<voe:VOEvent ivorn=\"ivo://x/y#alerts-runcat-1\"/>"), new VoEventPacket("alerts-runcat-2", "<b>‘two’</b>")]));
        Assert.Equal(2, first.RowsByTable["voevent"]);
        Assert.Equal(1, await StoredRows.CountAsync(settings, "SELECT count(*) FROM voevent WHERE dataset_id = @id AND local_id = 'alerts-runcat-2' AND xml = '<b>‘two’</b>'",
            ("id", first.DatasetId)));

        // A reload holds the rerun's packets only; a delete leaves none.
        await loader.LoadAsync(new SampleRun("alerts").Contents().SetVoEvents([new VoEventPacket("alerts-runcat-3", "<c/>")]));
        Assert.Equal(1, await StoredRows.CountAsync(settings, "SELECT count(*) FROM voevent WHERE dataset_id = @id", ("id", first.DatasetId)));
        await loader.DeleteAsync("alerts");
        Assert.Equal(0, await StoredRows.CountAsync(settings, "SELECT count(*) FROM voevent"));
    }

    [Fact]
    public async Task AFailureMidLoadRollsBackAndKeepsThePreviousDataset()
    {
        var settings = await _postgres.CreateCatalogueAsync();
        var loader = new DatasetLoader(settings);
        var original = new SampleRun("rollback");
        var kept = await loader.LoadAsync(original.Contents());

        var options = new LoadOptions
        {
            OnRow = (table, rows) =>
            {
                if (table == "extractedsource" && rows == 57) throw new InvalidOperationException("injected failure");
            },
        };
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(
            () => loader.LoadAsync(new SampleRun("rollback", seed: 5).Contents(), options));
        Assert.Equal("injected failure", failure.Message);
        await AssertStoredAsync(settings, kept.DatasetId, original);

        // A row the database refuses (a duplicate key late in the load) also rolls everything back.
        var broken = new SampleRun("rollback", seed: 6);
        broken.Associations.Add(broken.Associations[0]);
        var refused = await Assert.ThrowsAsync<StorageException>(() => loader.LoadAsync(broken.Contents()));
        Assert.Contains("assocxtrsource", refused.Message);
        Assert.Contains("unchanged", refused.Message);
        await AssertStoredAsync(settings, kept.DatasetId, original);
        Assert.Equal(1, await StoredRows.CountAsync(settings, "SELECT count(*) FROM dataset"));
    }

    [Fact]
    public async Task TwoJobsLoadDifferentDatasetsAtTheSameTime()
    {
        var settings = await _postgres.CreateCatalogueAsync();
        var runs = new[] { new SampleRun("job-a", seed: 11, sourcesPerImage: 300), new SampleRun("job-b", seed: 12, sourcesPerImage: 300) };
        // Each load waits, mid-COPY, until the other has also started copying: both transactions are open at once.
        using var bothCopying = new Barrier(2);
        LoadOptions Meet() => new()
        {
            OnRow = (table, rows) =>
            {
                if (table == "extractedsource" && rows == 100 && !bothCopying.SignalAndWait(TimeSpan.FromSeconds(30)))
                {
                    throw new TimeoutException("the other load never ran alongside this one");
                }
            },
        };
        var results = await Task.WhenAll(runs.Select(run => Task.Run(() => new DatasetLoader(settings).LoadAsync(run.Contents(), Meet()))));

        Assert.NotEqual(results[0].DatasetId, results[1].DatasetId);
        for (var i = 0; i < runs.Length; i++) await AssertStoredAsync(settings, results[i].DatasetId, runs[i]);
    }

    [Fact]
    public async Task ConcurrentLoadsOfOneDatasetNameLeaveExactlyOneCopy()
    {
        var settings = await _postgres.CreateCatalogueAsync();
        var runs = Enumerable.Range(0, 3).Select(i => new SampleRun("same-job", seed: 20 + i)).ToList();
        var results = await Task.WhenAll(runs.Select(run => Task.Run(() => new DatasetLoader(settings).LoadAsync(run.Contents()))));

        Assert.Equal(1, await StoredRows.CountAsync(settings, "SELECT count(*) FROM dataset"));
        // A reload keeps the dataset's id, so the loads cannot be told apart by id: the stored rows must be
        // exactly those of one of them (whichever committed last), never a mixture.
        var id = Assert.Single(results.Select(r => r.DatasetId).Distinct());
        var whole = new List<int>();
        for (var i = 0; i < runs.Count; i++)
        {
            if (await StoredEqualsAsync(settings, id, runs[i])) whole.Add(i);
        }
        Assert.Single(whole);
        Assert.Equal(2, results.Count(r => r.ReplacedDatasetId != null));
    }

    [Fact]
    public async Task ConfigPasswordsAreNeverStored()
    {
        var settings = await _postgres.CreateCatalogueAsync();
        var run = new SampleRun("with-secret");
        var contents = new DatasetContents(run.Dataset)
            .Set(run.Config.Append(new ConfigRow { Section = "database", Key = "Password", Value = "hunter2", Type = "str" }));
        var result = await new DatasetLoader(settings).LoadAsync(contents);
        Assert.Equal(run.Config.Count, result.RowsByTable["config"]);
        Assert.Equal(0, await StoredRows.CountAsync(settings, "SELECT count(*) FROM config WHERE value = 'hunter2'"));
    }

    [Fact]
    public async Task RejectReasonsHoldTrapsReasonsAndAnyNewIdOfARun()
    {
        var settings = await _postgres.CreateCatalogueAsync();
        var run = new SampleRun("reasons");
        run.Rejections.Add(new RejectionRow { ImageId = 1, Url = run.Images[0].Url, ReasonId = 99, Reason = "future_reason", Comment = "" });
        await new DatasetLoader(settings).LoadAsync(run.Contents());

        foreach (var reason in Trap.Dataset.RejectReason.All)
        {
            Assert.Equal(1, await StoredRows.CountAsync(settings, "SELECT count(*) FROM rejectreason WHERE id = @id AND description = @d",
                                                        ("id", reason.Id), ("d", reason.Description)));
        }
        Assert.Equal(1, await StoredRows.CountAsync(settings, "SELECT count(*) FROM rejectreason WHERE id = 99 AND description = 'future_reason'"));
    }

    private static async Task<bool> StoredEqualsAsync(DatabaseSettings settings, long datasetId, SampleRun run)
    {
        foreach (var (_, rowType) in DatasetTables.All)
        {
            var stored = StoredRows.Canonical(await StoredRows.ReadAsync(settings, rowType, datasetId));
            if (!stored.SequenceEqual(StoredRows.Canonical(run.RowsOf(rowType)))) return false;
        }
        return true;
    }

    private static async Task AssertStoredAsync(DatabaseSettings settings, long datasetId, SampleRun run)
    {
        foreach (var (_, rowType) in DatasetTables.All)
        {
            var stored = await StoredRows.ReadAsync(settings, rowType, datasetId);
            var expected = StoredRows.Canonical(run.RowsOf(rowType));
            Assert.True(expected.Count > 0, "the sample run has no " + rowType.Name);
            Assert.Equal(expected, StoredRows.Canonical(stored));
        }
    }
}
