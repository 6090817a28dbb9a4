using Npgsql;

namespace Trap.Engine.Cluster.Membership;

/// <summary>Describes a connection string for error messages without its password.</summary>
public static class ConnectionStrings
{
    public static string Describe(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return $"host {builder.Host}, port {builder.Port}, database {builder.Database}, user {builder.Username}";
        }
        catch (ArgumentException)
        {
            return "an unreadable connection string";
        }
    }
}
