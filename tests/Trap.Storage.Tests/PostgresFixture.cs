using System.Diagnostics;
using Npgsql;
using Trap.Storage.Connection;
using Trap.TestSupport;

namespace Trap.Storage.Tests;

/// <summary>
/// The project-local PostgreSQL server, started by cluster/postgres.sh (which installs it when
/// missing, or shares a server already answering on its port). Each test gets a fresh, empty
/// database of its own, dropped when the run ends, so tests never see each other's rows.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private readonly List<string> _databases = new();
    private string _serverConnectionString = "";

    public async Task InitializeAsync()
    {
        var script = Checkout.PathOf("cluster/postgres.sh");
        var start = new ProcessStartInfo("bash", new[] { script, "start" })
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("cluster/postgres.sh start failed (exit " + process.ExitCode + "): " + errors);
        }
        _serverConnectionString = output.Trim().Split('\n')[^1].Trim();
    }

    /// <summary>Creates an empty database on the server and returns settings that point at it.</summary>
    public async Task<DatabaseSettings> CreateDatabaseAsync()
    {
        var name = "trap_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(_serverConnectionString))
        {
            await connection.OpenAsync();
            // The name is generated above, never user input.
            await using var command = new NpgsqlCommand("CREATE DATABASE " + name, connection);
            await command.ExecuteNonQueryAsync();
        }
        lock (_databases) _databases.Add(name);
        var builder = new NpgsqlConnectionStringBuilder(_serverConnectionString) { Database = name };
        return DatabaseSettings.Parse(builder.ConnectionString);
    }

    /// <summary>A fresh database with Trap's schema.</summary>
    public async Task<DatabaseSettings> CreateCatalogueAsync()
    {
        var settings = await CreateDatabaseAsync();
        await new Schema.SchemaMigrator(settings).InitAsync();
        return settings;
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_serverConnectionString);
        await connection.OpenAsync();
        foreach (var name in _databases)
        {
            await using var command = new NpgsqlCommand("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}
