using System.Reflection;
using NpgsqlTypes;

namespace Trap.Storage.Loading;

/// <summary>One column of a row type: its name (the row's [JsonPropertyName]) and PostgreSQL type.</summary>
public sealed record ColumnMap(string Name, PropertyInfo Property, NpgsqlDbType DbType, string SqlType, bool Nullable)
{
    /// <summary>The PostgreSQL type of each supported CLR type of a row property (as information_schema names it).</summary>
    internal static (NpgsqlDbType DbType, string SqlType)? TypeOf(Type clrType)
    {
        if (clrType == typeof(long)) return (NpgsqlDbType.Bigint, "bigint");
        if (clrType == typeof(int)) return (NpgsqlDbType.Integer, "integer");
        if (clrType == typeof(double)) return (NpgsqlDbType.Double, "double precision");
        if (clrType == typeof(bool)) return (NpgsqlDbType.Boolean, "boolean");
        if (clrType == typeof(string)) return (NpgsqlDbType.Text, "text");
        // Times are UTC (the project's rule), so timestamptz: the instant survives any session time zone.
        if (clrType == typeof(DateTime)) return (NpgsqlDbType.TimestampTz, "timestamp with time zone");
        return null;
    }
}
