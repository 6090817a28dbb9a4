using System.Net.Sockets;
using Npgsql;

namespace Trap.Storage.Connection;

/// <summary>Opens connections to the catalogue database, turning failures into errors a user can act on.</summary>
public static class DatabaseConnector
{
    public static async Task<NpgsqlConnection> OpenAsync(DatabaseSettings settings, CancellationToken cancellation = default)
    {
        var connection = new NpgsqlConnection(settings.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellation);
            return connection;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            await connection.DisposeAsync();
            throw Explain(settings, e);
        }
    }

    private static StorageException Explain(DatabaseSettings settings, Exception e)
    {
        var where = settings.Host + ":" + settings.Port;
        if (e is PostgresException pg)
        {
            return pg.SqlState switch
            {
                "3D000" => new StorageException(
                    "The PostgreSQL server at " + where + " has no database '" + settings.Database + "'. Create it " +
                    "(CREATE DATABASE) or, for the project-local server, run 'cluster/postgres.sh start', which creates 'trap'.", e),
                "28P01" or "28000" => new StorageException(
                    "The PostgreSQL server at " + where + " refused the login (" + pg.MessageText + "). Check the user " +
                    "and password of the connection string (" + settings.Masked + ").", e),
                _ => new StorageException(
                    "Cannot open the catalogue database " + settings.Masked + ": " + pg.MessageText, e),
            };
        }
        var reason = FindSocketError(e)?.Message ?? e.Message;
        return new StorageException(
            "Cannot reach the PostgreSQL server at " + where + " (" + reason + "). " + DatabaseSettings.StartLocalServerHint, e);
    }

    private static SocketException? FindSocketError(Exception? e)
    {
        for (; e != null; e = e.InnerException)
        {
            if (e is SocketException socket) return socket;
        }
        return null;
    }
}
