using Npgsql;
using Trap.Dataset.Rows;
using Trap.Storage.Connection;
using Trap.Storage.Loading;

namespace Trap.Storage.Tests;

/// <summary>Dataset names and config values reach the database only as parameters or COPY data.</summary>
[Collection(PostgresCollection.Name)]
public class InjectionTests
{
    private static readonly string[] Attacks =
    {
        "x'; DROP TABLE extractedsource; --",
        "Robert'); DELETE FROM dataset; --",
        "\"; TRUNCATE config; --",
        "$$; DROP SCHEMA public CASCADE; $$",
        "a\\'; SELECT pg_sleep(10); --",
        "' OR '1'='1",
        "E'\\x00'; UPDATE dataset SET name = 'pwned'",
    };

    private readonly PostgresFixture _postgres;

    public InjectionTests(PostgresFixture postgres) => _postgres = postgres;

    [Fact]
    public async Task HostileDatasetNamesAndConfigValuesAreStoredVerbatimAndHarmless()
    {
        var settings = await _postgres.CreateCatalogueAsync();
        var loader = new DatasetLoader(settings);
        var bystander = new SampleRun("bystander");
        var bystanderId = (await loader.LoadAsync(bystander.Contents())).DatasetId;

        foreach (var attack in Attacks)
        {
            var run = new SampleRun(attack, images: 2, sourcesPerImage: 5);
            run.Config.Add(new ConfigRow { Section = attack, Key = attack, Value = attack, Type = "str" });
            run.Dataset.Description = attack;
            var first = await loader.LoadAsync(run.Contents());
            // A re-run finds and replaces it by the same hostile name.
            var second = await loader.LoadAsync(run.Contents());
            Assert.Equal(first.DatasetId, second.ReplacedDatasetId);

            Assert.Equal(attack, await ScalarAsync(settings, "SELECT name FROM dataset WHERE id = @id", second.DatasetId));
            Assert.Equal(attack, await ScalarAsync(settings, "SELECT value FROM config WHERE dataset_id = @id AND key = section", second.DatasetId));
        }

        Assert.Equal(Attacks.Length + 1, await StoredRows.CountAsync(settings, "SELECT count(*) FROM dataset"));
        Assert.Equal(bystander.Sources.Count, await StoredRows.CountAsync(settings, "SELECT count(*) FROM extractedsource WHERE dataset_id = @id", ("id", bystanderId)));
        Assert.Equal(bystander.Config.Count, await StoredRows.CountAsync(settings, "SELECT count(*) FROM config WHERE dataset_id = @id", ("id", bystanderId)));
        Assert.Equal(0, await StoredRows.CountAsync(settings, "SELECT count(*) FROM dataset WHERE name = 'pwned'"));

        foreach (var attack in Attacks) Assert.NotNull(await loader.DeleteAsync(attack));
        Assert.Equal(1, await StoredRows.CountAsync(settings, "SELECT count(*) FROM dataset"));
    }

    private static async Task<string> ScalarAsync(DatabaseSettings settings, string sql, long id)
    {
        await using var connection = await DatabaseConnector.OpenAsync(settings);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", id);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
