using Npgsql;

namespace Trap.Storage.Connection;

/// <summary>
/// Where the catalogue database is: an Npgsql connection string ("Host=...;Username=...") or a URL
/// ("postgresql://user:password@host:port/database"), from the job/CLI option or from
/// <see cref="EnvironmentVariable"/>. <see cref="ToString"/> and every message show it with the
/// password masked; only <see cref="ConnectionString"/> holds it, for Npgsql. Without a password in
/// the string, Npgsql takes PGPASSWORD or the password file PGPASSFILE (default ~/.pgpass);
/// <see cref="WithPasswordFile"/> reads one given explicitly.
/// </summary>
public sealed class DatabaseSettings
{
    public const string EnvironmentVariable = "TRAP_DATABASE_URL";

    /// <summary>What users are told to do when they have no database.</summary>
    public const string StartLocalServerHint =
        "Start the project-local server with 'cluster/postgres.sh start' and pass the connection string it " +
        "prints with --database or in " + EnvironmentVariable + ".";

    private DatabaseSettings(NpgsqlConnectionStringBuilder builder)
    {
        ConnectionString = builder.ConnectionString;
        HasPassword = !string.IsNullOrEmpty(builder.Password);
        Host = builder.Host ?? "(default host)";
        Port = builder.Port;
        Database = builder.Database ?? builder.Username ?? "(default database)";
        var masked = new NpgsqlConnectionStringBuilder(builder.ConnectionString);
        if (!string.IsNullOrEmpty(masked.Password)) masked.Password = "***";
        Masked = masked.ConnectionString;
    }

    /// <summary>The full connection string, password included: give it to Npgsql only, never print it.</summary>
    public string ConnectionString { get; }

    /// <summary>The connection string with its password replaced by ***.</summary>
    public string Masked { get; }

    public string Host { get; }

    public int Port { get; }

    public string Database { get; }

    /// <summary>True when the connection string itself holds a password (rather than PGPASSWORD or a password file).</summary>
    public bool HasPassword { get; }

    public override string ToString() => Masked;

    /// <summary>
    /// These settings with the password read from the first line of <paramref name="file"/>, which keeps
    /// it off command lines (readable by every user in /proc/PID/cmdline) and out of the environment.
    /// </summary>
    public DatabaseSettings WithPasswordFile(string file)
    {
        string password;
        try
        {
            password = File.ReadLines(file).FirstOrDefault()?.TrimEnd('\r') ?? string.Empty;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StorageException($"{file}: the database password file cannot be read ({e.Message}). Check the path and its permissions.", e);
        }
        if (password.Length == 0)
        {
            throw new StorageException($"{file}: the database password file is empty. Write the password on its first line.");
        }
        return new DatabaseSettings(new NpgsqlConnectionStringBuilder(ConnectionString) { Password = password });
    }

    /// <summary>The option if given, else <see cref="EnvironmentVariable"/>; a clear error when neither is set.</summary>
    public static DatabaseSettings Resolve(string? option)
    {
        var text = string.IsNullOrWhiteSpace(option) ? Environment.GetEnvironmentVariable(EnvironmentVariable) : option;
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new StorageException(
                "No catalogue database given. " + StartLocalServerHint +
                " Production databases: pass their connection string or postgresql:// URL the same way.");
        }
        return Parse(text);
    }

    /// <summary>Reads a connection string or a postgres:// URL.</summary>
    public static DatabaseSettings Parse(string text)
    {
        var trimmed = text.Trim();
        var builder = trimmed.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
                      || trimmed.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            ? FromUrl(trimmed)
            : FromKeywords(trimmed);
        return new DatabaseSettings(builder);
    }

    private static NpgsqlConnectionStringBuilder FromKeywords(string text)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(text);
        }
        catch (ArgumentException e)
        {
            // The text may hold a password: name only the problem, never echo the text.
            throw new StorageException(
                "The database connection string is not valid (" + e.Message + "). Expected keywords such as " +
                "'Host=127.0.0.1;Port=55432;Username=trap;Database=trap' or a postgresql://user@host:port/database URL.", e);
        }
    }

    private static NpgsqlConnectionStringBuilder FromUrl(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new StorageException(
                "The database URL is not valid: expected postgresql://user:password@host:port/database.");
        }
        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host };
        if (uri.Port > 0) builder.Port = uri.Port;
        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0) builder.Database = database;
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':');
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0) builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
        }
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..]);
            try
            {
                builder[key] = value;
            }
            catch (ArgumentException e)
            {
                throw new StorageException("The database URL has an unknown or invalid option '" + key + "': " + e.Message, e);
            }
        }
        return builder;
    }
}
