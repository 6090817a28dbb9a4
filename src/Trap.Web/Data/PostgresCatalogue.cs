using Npgsql;
using Trap.Storage;
using Trap.Storage.Connection;

namespace Trap.Web.Data;

/// <summary>
/// The catalogue database in PostgreSQL (any number of datasets). Connections are opened with
/// default_transaction_read_only on and every request runs inside a READ ONLY transaction, so no
/// page can change a row even if a query were wrong. Queries take positional parameters only.
/// </summary>
public sealed class PostgresCatalogue : ReadOnlyCatalogue
{
    private readonly DatabaseSettings _settings;

    public PostgresCatalogue(DatabaseSettings settings)
    {
        var builder = new NpgsqlConnectionStringBuilder(settings.ConnectionString)
        {
            Options = "-c default_transaction_read_only=on",
            ApplicationName = "trap web",
        };
        _settings = DatabaseSettings.Parse(builder.ConnectionString);
    }

    /// <summary>The database, password masked.</summary>
    public override string Source => _settings.Masked;

    /// <summary>
    /// Runs <paramref name="work"/> in one read-only transaction (a consistent snapshot of the dataset).
    /// A connection that broke while it sat in the pool (the server restarted) fails on first use: the
    /// pool is cleared and the read tried once more, and a second failure is reported as the database
    /// being unavailable (the 503 page), not as a fault of the site.
    /// </summary>
    public override async Task<T> ReadAsync<T>(Func<CatalogueQuery, Task<T>> work, CancellationToken cancellation)
    {
        try
        {
            return await ReadOnceAsync(work, cancellation);
        }
        catch (NpgsqlException e) when (IsBrokenConnection(e))
        {
            await using (var pooled = new NpgsqlConnection(_settings.ConnectionString)) NpgsqlConnection.ClearPool(pooled);
        }
        try
        {
            return await ReadOnceAsync(work, cancellation);
        }
        catch (NpgsqlException e) when (IsBrokenConnection(e))
        {
            throw new StorageException($"The connection to the catalogue database {Source} broke ({e.Message}); " +
                                       "the server may be restarting. Try again in a moment.", e);
        }
    }

    /// <summary>A failure of the connection itself (I/O, or the server ending it: SQLSTATE classes 08 and 57P), not of a query.</summary>
    private static bool IsBrokenConnection(NpgsqlException e) =>
        e is not PostgresException pg || pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState.StartsWith("57P", StringComparison.Ordinal);

    private async Task<T> ReadOnceAsync<T>(Func<CatalogueQuery, Task<T>> work, CancellationToken cancellation)
    {
        await using var connection = await DatabaseConnector.OpenAsync(_settings, cancellation);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellation);
        await using (var readOnly = new NpgsqlCommand("SET TRANSACTION READ ONLY", connection, transaction))
        {
            await readOnly.ExecuteNonQueryAsync(cancellation);
        }
        var result = await work(new CatalogueQuery(connection, transaction, cancellation));
        await transaction.RollbackAsync(cancellation);
        return result;
    }
}
