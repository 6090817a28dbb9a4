using Npgsql;
using Trap.Storage;
using Trap.Storage.Connection;

namespace Trap.Web.Data;

/// <summary>
/// The web site's only way into the catalogue database. Connections are opened with
/// default_transaction_read_only on and every request runs inside a READ ONLY transaction, so no
/// page can change a row even if a query were wrong. Queries take positional parameters only.
/// </summary>
public sealed class ReadOnlyCatalogue
{
    private readonly DatabaseSettings _settings;

    public ReadOnlyCatalogue(DatabaseSettings settings)
    {
        var builder = new NpgsqlConnectionStringBuilder(settings.ConnectionString)
        {
            Options = "-c default_transaction_read_only=on",
            ApplicationName = "trap web",
        };
        _settings = DatabaseSettings.Parse(builder.ConnectionString);
    }

    /// <summary>Where the site reads from, password masked.</summary>
    public string Masked => _settings.Masked;

    /// <summary>
    /// Runs <paramref name="work"/> in one read-only transaction (a consistent snapshot of the dataset).
    /// A connection that broke while it sat in the pool (the server restarted) fails on first use: the
    /// pool is cleared and the read tried once more, and a second failure is reported as the database
    /// being unavailable (the 503 page), not as a fault of the site.
    /// </summary>
    public async Task<T> ReadAsync<T>(Func<CatalogueQuery, Task<T>> work, CancellationToken cancellation)
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
            throw new StorageException($"The connection to the catalogue database {Masked} broke ({e.Message}); " +
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

/// <summary>Queries inside one read-only transaction; SQL text is fixed, values go in as $1, $2, ...</summary>
public sealed class CatalogueQuery(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellation)
{
    public async Task<List<T>> ListAsync<T>(string sql, Func<NpgsqlDataReader, T> map, params object?[] parameters)
    {
        await using var command = Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellation)) rows.Add(map(reader));
        return rows;
    }

    /// <summary>The first row, or a <see cref="NotFoundException"/> with <paramref name="missing"/> as its message.</summary>
    public async Task<T> SingleAsync<T>(string sql, Func<NpgsqlDataReader, T> map, string missing, params object?[] parameters)
    {
        var rows = await ListAsync(sql, map, parameters);
        return rows.Count > 0 ? rows[0] : throw new NotFoundException(missing);
    }

    public async Task<long> CountAsync(string sql, params object?[] parameters)
    {
        await using var command = Command(sql, parameters);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellation) ?? 0L);
    }

    private NpgsqlCommand Command(string sql, object?[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var value in parameters) command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        return command;
    }
}
