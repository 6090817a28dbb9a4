using DuckDB.NET.Data;
using Trap.Science.Candidates;
using Trap.Web.Data;

namespace Trap.Web.Tests;

/// <summary>A dataset's stored configuration is bound by the pipeline's binder: stored values over defaults, unknown keys of older runs left out.</summary>
public sealed class StoredConfigTests
{
    [Fact]
    public async Task StoredValuesOverrideTheDefaultsAndUnknownKeysAreLeftOut()
    {
        await using var connection = new DuckDBConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = """
                CREATE TABLE config (dataset_id BIGINT, section VARCHAR, key VARCHAR, value VARCHAR, type VARCHAR);
                INSERT INTO config VALUES (1, 'transient_search', 'eta_min', '3.5', 'double'), (1, 'transient_search', 'min_datapoints', '7', 'int32'),
                                          (1, 'transient_search', 'a_key_of_an_older_trap', 'x', 'string'), (1, 'quality', 'eta_min', '99', 'double'),
                                          (2, 'transient_search', 'v_min', '0.9', 'double');
                """;
            await create.ExecuteNonQueryAsync();
        }
        var defaults = new TransientSearchConfig();
        var bound = await StoredConfig.LoadAsync(new CatalogueQuery(connection, null, CancellationToken.None), 1, "transient_search", defaults);
        Assert.Equal(3.5, bound.EtaMin);
        Assert.Equal(7, bound.MinDatapoints);
        Assert.Equal(defaults.VMin, bound.VMin);
        Assert.Equal(defaults.OutlierSigma, bound.OutlierSigma);
    }
}
