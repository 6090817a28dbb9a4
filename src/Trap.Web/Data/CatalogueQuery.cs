using System.Data.Common;

namespace Trap.Web.Data;

/// <summary>Queries on one read of the catalogue; SQL text is fixed, values go in as $1, $2, ...</summary>
public sealed class CatalogueQuery(DbConnection connection, DbTransaction? transaction, CancellationToken cancellation)
{
    public async Task<List<T>> ListAsync<T>(string sql, Func<DbDataReader, T> map, params object?[] parameters)
    {
        await using var command = Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellation)) rows.Add(map(reader));
        return rows;
    }

    /// <summary>The first row, or a <see cref="NotFoundException"/> with <paramref name="missing"/> as its message.</summary>
    public async Task<T> SingleAsync<T>(string sql, Func<DbDataReader, T> map, string missing, params object?[] parameters)
    {
        var rows = await ListAsync(sql, map, parameters);
        return rows.Count > 0 ? rows[0] : throw new NotFoundException(missing);
    }

    public async Task<long> CountAsync(string sql, params object?[] parameters)
    {
        await using var command = Command(sql, parameters);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellation) ?? 0L);
    }

    private DbCommand Command(string sql, object?[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var value in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }
}
