using Trap.Dataset;
using Trap.Storage.Connection;
using Trap.Storage.Loading;

namespace Trap.Storage.Tests;

/// <summary>The reference an incremental load is held to: a full load of the same dataset folder into a fresh database.</summary>
public static class FullLoad
{
    /// <summary>Every table of dataset <paramref name="datasetId"/>, and its record of loaded parts, equals a full load of <paramref name="folder"/>, row for row.</summary>
    public static async Task AssertSameAsync(PostgresFixture postgres, DatabaseSettings settings, long datasetId, string folder)
    {
        var reference = await postgres.CreateCatalogueAsync();
        var full = await new DatasetLoader(reference).LoadFolderAsync(folder, new LoadOptions { Full = true });
        Assert.False(full.Incremental);
        foreach (var (table, rowType) in DatasetTables.All)
        {
            var expected = StoredRows.Canonical(await StoredRows.ReadAsync(reference, rowType, full.DatasetId));
            var actual = StoredRows.Canonical(await StoredRows.ReadAsync(settings, rowType, datasetId));
            Assert.True(expected.SequenceEqual(actual), $"{table}: {actual.Count} rows loaded incrementally, {expected.Count} in the full load");
        }
        const string voEvents = "SELECT count(*) FROM voevent v WHERE dataset_id = @id";
        Assert.Equal(await StoredRows.CountAsync(reference, voEvents, ("id", full.DatasetId)), await StoredRows.CountAsync(settings, voEvents, ("id", datasetId)));
        const string parts = "SELECT count(*) FROM loaded_part WHERE dataset_id = @id";
        Assert.Equal(await StoredRows.CountAsync(reference, parts, ("id", full.DatasetId)), await StoredRows.CountAsync(settings, parts, ("id", datasetId)));
    }
}
