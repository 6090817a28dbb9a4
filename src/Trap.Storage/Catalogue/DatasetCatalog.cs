using Npgsql;
using Trap.Storage.Connection;

namespace Trap.Storage.Catalogue;

/// <summary>One dataset of the catalogue database, with its row counts.</summary>
public sealed record DatasetSummary(long Id, string Name, string Description, DateTime LoadedUtc,
                                    long Images, long Rejections, long ExtractedSources, long RunningCatalogue);

/// <summary>Reads what the catalogue database holds (for `trap db status`).</summary>
public sealed class DatasetCatalog
{
    private readonly DatabaseSettings _settings;

    public DatasetCatalog(DatabaseSettings settings) => _settings = settings;

    /// <summary>Every dataset, oldest load first.</summary>
    public async Task<IReadOnlyList<DatasetSummary>> ListAsync(CancellationToken cancellation = default)
    {
        await using var connection = await DatabaseConnector.OpenAsync(_settings, cancellation);
        await using var command = new NpgsqlCommand("""
            SELECT d.id, d.name, d.description, d.loaded_utc,
                   (SELECT count(*) FROM image i WHERE i.dataset_id = d.id),
                   (SELECT count(*) FROM rejection r WHERE r.dataset_id = d.id),
                   (SELECT count(*) FROM extractedsource e WHERE e.dataset_id = d.id),
                   (SELECT count(*) FROM runningcatalog c WHERE c.dataset_id = d.id)
            FROM dataset d ORDER BY d.loaded_utc, d.id
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        var list = new List<DatasetSummary>();
        while (await reader.ReadAsync(cancellation))
        {
            list.Add(new DatasetSummary(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetDateTime(3),
                                        reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7)));
        }
        return list;
    }
}
