using System.Data.Common;
using Trap.Storage.Loading;

namespace Trap.Web.Data;

/// <summary>Typed column access by name, nulls as C# nulls.</summary>
public static class ReaderExtensions
{
    public static long Long(this DbDataReader r, string column) => r.GetInt64(r.GetOrdinal(column));

    public static int Int(this DbDataReader r, string column) => r.GetInt32(r.GetOrdinal(column));

    public static double Double(this DbDataReader r, string column) => r.GetDouble(r.GetOrdinal(column));

    public static bool Bool(this DbDataReader r, string column) => r.GetBoolean(r.GetOrdinal(column));

    public static string Text(this DbDataReader r, string column) => r.GetString(r.GetOrdinal(column));

    /// <summary>A time marked UTC: DuckDB hands Parquet times back without a Kind, and a page must never take them for local time.</summary>
    public static DateTime Utc(this DbDataReader r, string column) => DateTimes.AsUtc(r.GetFieldValue<DateTime>(r.GetOrdinal(column)));

    public static double? NullableDouble(this DbDataReader r, string column)
    {
        var i = r.GetOrdinal(column);
        return r.IsDBNull(i) ? null : r.GetDouble(i);
    }

    public static int? NullableInt(this DbDataReader r, string column)
    {
        var i = r.GetOrdinal(column);
        return r.IsDBNull(i) ? null : r.GetInt32(i);
    }

    public static long? NullableLong(this DbDataReader r, string column)
    {
        var i = r.GetOrdinal(column);
        return r.IsDBNull(i) ? null : r.GetInt64(i);
    }

    public static DateTime? NullableUtc(this DbDataReader r, string column)
    {
        var i = r.GetOrdinal(column);
        return r.IsDBNull(i) ? null : DateTimes.AsUtc(r.GetFieldValue<DateTime>(i));
    }

    public static string? NullableText(this DbDataReader r, string column)
    {
        var i = r.GetOrdinal(column);
        return r.IsDBNull(i) ? null : r.GetString(i);
    }
}
