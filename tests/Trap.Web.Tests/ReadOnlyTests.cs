using Npgsql;
using Trap.Web.Data;

namespace Trap.Web.Tests;

[Collection(PostgresSurveySite.Collection)]
public sealed class ReadOnlyTests(PostgresSurveySite site)
{
    [Fact]
    public async Task TheSiteCannotWriteToTheCatalogue()
    {
        var catalogue = new PostgresCatalogue(site.Database);
        var error = await Assert.ThrowsAsync<PostgresException>(() => catalogue.ReadAsync(
            q => q.CountAsync("DELETE FROM dataset WHERE id = $1 RETURNING 1", site.DatasetId), CancellationToken.None));
        Assert.Equal(PostgresErrorCodes.ReadOnlySqlTransaction, error.SqlState);
        Assert.Equal(1, await site.ScalarAsync("SELECT count(*) FROM dataset WHERE id = $1", site.DatasetId));
        Assert.Equal("on", await catalogue.ReadAsync(q => q.ListAsync("SHOW default_transaction_read_only", r => r.GetString(0)), CancellationToken.None)
            .ContinueWith(t => t.Result.Single()));
    }
}
