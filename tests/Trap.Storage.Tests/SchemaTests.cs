using Npgsql;
using Trap.Dataset;
using Trap.Storage.Connection;
using Trap.Storage.Loading;
using Trap.Storage.Schema;

namespace Trap.Storage.Tests;

[Collection(PostgresCollection.Name)]
public class SchemaTests
{
    private readonly PostgresFixture _postgres;

    public SchemaTests(PostgresFixture postgres) => _postgres = postgres;

    [Fact]
    public async Task InitCreatesEveryMigrationOnceAndInitAndUpgradeAreIdempotent()
    {
        var settings = await _postgres.CreateDatabaseAsync();
        var migrator = new SchemaMigrator(settings);
        Assert.Equal(new SchemaState(0, Migrations.Latest), await migrator.StatusAsync());

        var first = await migrator.InitAsync();
        Assert.Equal(Migrations.All.Select(m => m.Version), first.Applied.Select(m => m.Version));
        Assert.Equal(Migrations.Latest, first.After.Version);

        Assert.Empty((await migrator.InitAsync()).Applied);
        Assert.Empty((await migrator.UpgradeAsync()).Applied);
        Assert.True((await migrator.StatusAsync()).Current);
        Assert.Equal(Migrations.All.Count, await StoredRows.CountAsync(settings, "SELECT count(*) FROM schema_version"));
    }

    [Fact]
    public async Task ConcurrentInitsApplyTheSchemaExactlyOnce()
    {
        var settings = await _postgres.CreateDatabaseAsync();
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => new SchemaMigrator(settings).InitAsync())));
        Assert.Equal(1, results.Count(r => r.Applied.Count > 0));
        Assert.All(results, r => Assert.Equal(Migrations.Latest, r.After.Version));
    }

    [Fact]
    public async Task UpgradeOfAnUninitialisedDatabaseSaysToRunInit()
    {
        var settings = await _postgres.CreateDatabaseAsync();
        var error = await Assert.ThrowsAsync<StorageException>(() => new SchemaMigrator(settings).UpgradeAsync());
        Assert.Contains("trap db init", error.Message);
        Assert.Equal(0, await StoredRows.CountAsync(settings, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
    }

    [Fact]
    public async Task AnEditedMigrationOrANewerDatabaseIsRefused()
    {
        var settings = await _postgres.CreateCatalogueAsync();
        await ExecuteAsync(settings, "UPDATE schema_version SET checksum = 'edited' WHERE version = 1");
        var edited = await Assert.ThrowsAsync<StorageException>(() => new SchemaMigrator(settings).UpgradeAsync());
        Assert.Contains("checksum", edited.Message);

        var newer = await _postgres.CreateCatalogueAsync();
        await ExecuteAsync(newer, "INSERT INTO schema_version (version, name, checksum) VALUES (999, 'future', 'x')");
        var tooNew = await Assert.ThrowsAsync<StorageException>(() => new DatasetLoader(newer).LoadAsync(new SampleRun("a").Contents()));
        Assert.Contains("newer than this Trap", tooNew.Message);
    }

    [Fact]
    public async Task InitIntoADatabaseWithForeignTablesRollsBackAndExplains()
    {
        var settings = await _postgres.CreateDatabaseAsync();
        await ExecuteAsync(settings, "CREATE TABLE image (id int)");
        var error = await Assert.ThrowsAsync<StorageException>(() => new SchemaMigrator(settings).InitAsync());
        Assert.Contains("empty database", error.Message);
        Assert.Equal(0, (await new SchemaMigrator(settings).StatusAsync()).Version);
        Assert.Equal(0, await StoredRows.CountAsync(settings, "SELECT count(*) FROM pg_tables WHERE tablename IN ('schema_version', 'dataset')"));
    }

    [Fact]
    public async Task EveryRowTypeColumnExistsInItsTableWithACompatibleType()
    {
        var settings = await _postgres.CreateCatalogueAsync();
        await using var connection = await DatabaseConnector.OpenAsync(settings);
        foreach (var (_, rowType) in DatasetTables.All)
        {
            var map = TableMap.For(rowType);
            var actual = new Dictionary<string, (string Type, bool Nullable)>();
            await using (var command = new NpgsqlCommand(
                "SELECT column_name, data_type, is_nullable = 'YES' FROM information_schema.columns " +
                "WHERE table_schema = 'public' AND table_name = @table", connection))
            {
                command.Parameters.AddWithValue("table", map.Table);
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync()) actual[reader.GetString(0)] = (reader.GetString(1), reader.GetBoolean(2));
            }
            Assert.True(actual.Count > 0, "table " + map.Table + " is missing");
            foreach (var column in map.Columns)
            {
                Assert.True(actual.TryGetValue(column.Name, out var found), map.Table + " lacks column " + column.Name);
                Assert.True(found.Type == column.SqlType, map.Table + "." + column.Name + " is " + found.Type + ", row type needs " + column.SqlType);
                Assert.True(found.Nullable == column.Nullable, map.Table + "." + column.Name + " nullability differs from " + rowType.Name);
            }
            if (rowType != typeof(Trap.Dataset.Rows.DatasetRow))
            {
                Assert.Equal(("bigint", false), actual["dataset_id"]);
            }
        }
    }

    [Fact]
    public async Task TheIndexesTheWebInterfaceNeedsExist()
    {
        var settings = await _postgres.CreateCatalogueAsync();
        var indexes = new List<string>();
        await using (var connection = await DatabaseConnector.OpenAsync(settings))
        await using (var command = new NpgsqlCommand("SELECT indexdef FROM pg_indexes WHERE schemaname = 'public'", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) indexes.Add(reader.GetString(0));
        }
        Assert.Contains(indexes, i => i.Contains("ON public.runningcatalog USING btree (dataset_id, zone, wm_dec_deg)"));
        Assert.Contains(indexes, i => i.Contains("ON public.assocxtrsource USING btree (dataset_id, runcat_id, source_id)"));
        Assert.Contains(indexes, i => i.Contains("ON public.image USING btree (dataset_id, band_id, start_utc)"));
        Assert.Contains(indexes, i => i.Contains("ON public.varmetric USING btree (dataset_id, v_int)"));
        Assert.Contains(indexes, i => i.Contains("ON public.varmetric USING btree (dataset_id, eta_int)"));
        Assert.Contains(indexes, i => i.Contains("ON public.extractedsource USING btree (dataset_id, image_id)"));
    }

    private static async Task ExecuteAsync(DatabaseSettings settings, string sql)
    {
        await using var connection = await DatabaseConnector.OpenAsync(settings);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
