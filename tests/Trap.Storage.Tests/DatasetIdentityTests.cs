using Trap.Storage.Loading;

namespace Trap.Storage.Tests;

/// <summary>
/// A dataset is named by its job; the database tells two jobs of one name apart by their job.cfg and
/// never lets one silently replace the other's dataset (docs/database.md).
/// </summary>
[Collection(PostgresCollection.Name)]
public class DatasetIdentityTests(PostgresFixture postgres)
{
    private static SampleRun RunOf(string job, int seed) =>
        new("survey", seed, images: 3, sourcesPerImage: 5) { Dataset = { JobFile = job } };

    [Fact]
    public async Task ADatasetOfAnotherJobIsNotReplacedWithoutReplace()
    {
        var settings = await postgres.CreateCatalogueAsync();
        var loader = new DatasetLoader(settings);
        var mine = await loader.LoadAsync(RunOf("/home/ann/survey/job.cfg", 1).Contents());

        var error = await Assert.ThrowsAsync<StorageException>(() => loader.LoadAsync(RunOf("/home/bob/survey/job.cfg", 2).Contents()));
        Assert.Contains("'survey'", error.Message);
        Assert.Contains("/home/ann/survey/job.cfg", error.Message);
        Assert.Contains("/home/bob/survey/job.cfg", error.Message);
        Assert.Contains("[job] name", error.Message);
        Assert.Contains("--replace", error.Message);
        // Nothing changed: still Ann's dataset, with Ann's rows.
        Assert.Equal(1L, await StoredRows.CountAsync(settings, "SELECT count(*) FROM dataset"));
        Assert.Equal("/home/ann/survey/job.cfg", await JobFileAsync(settings, mine.DatasetId));
        Assert.Equal(RunOf("", 1).Sources.Count,
            await StoredRows.CountAsync(settings, "SELECT count(*) FROM extractedsource WHERE dataset_id = @id", ("id", mine.DatasetId)));

        var replaced = await loader.LoadAsync(RunOf("/home/bob/survey/job.cfg", 2).Contents(), new LoadOptions { Replace = true });
        Assert.Equal(mine.DatasetId, replaced.DatasetId);
        Assert.Equal("/home/bob/survey/job.cfg", await JobFileAsync(settings, replaced.DatasetId));
    }

    [Fact]
    public async Task ReloadsOfOneJobKeepTheDatasetId()
    {
        var settings = await postgres.CreateCatalogueAsync();
        var loader = new DatasetLoader(settings);
        var ids = new List<long>();
        for (var seed = 1; seed <= 3; seed++)
        {
            ids.Add((await loader.LoadAsync(RunOf("/srv/jobs/survey/job.cfg", seed).Contents())).DatasetId);
        }
        Assert.Single(ids.Distinct());
        Assert.Equal(RunOf("", 3).Sources.Count,
            await StoredRows.CountAsync(settings, "SELECT count(*) FROM extractedsource WHERE dataset_id = @id", ("id", ids[0])));
    }

    private static async Task<string> JobFileAsync(Trap.Storage.Connection.DatabaseSettings settings, long id)
    {
        await using var connection = await Trap.Storage.Connection.DatabaseConnector.OpenAsync(settings);
        await using var command = new Npgsql.NpgsqlCommand("SELECT job_file FROM dataset WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", id);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
