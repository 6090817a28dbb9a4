using System.Reflection;
using System.Text.Json.Serialization;
using Parquet;
using Parquet.Schema;
using Parquet.Serialization;
using Trap.Dataset.Rows;

namespace Trap.Dataset;

/// <summary>
/// The Parquet schema of a row type and how each of its columns is written: the schema is the one
/// Parquet.Net's deserializer expects for the type (so every reader of ours reads back what was
/// written), and each column chunk carries the column's <see cref="ColumnInfoAttribute"/> as its
/// key-value metadata. Null values of nullable properties are written as Parquet NULLs.
/// </summary>
public static class ParquetColumns<T> where T : class
{
    private delegate Task ColumnWrite(ParquetRowGroupWriter group, IReadOnlyList<T> rows);

    public static ParquetSchema Schema { get; } = typeof(T).GetParquetSchema(false);

    private static readonly Lazy<IReadOnlyList<ColumnWrite>> Writes = new(() => Schema.GetDataFields().Select(WriteOf).ToList());

    /// <summary>Throws <see cref="InvalidOperationException"/> when the row type cannot be written as the dataset's conventions ask.</summary>
    public static void Check() => _ = Writes.Value;

    /// <summary>Writes <paramref name="rows"/> as one row group.</summary>
    public static async Task WriteRowGroupAsync(ParquetWriter writer, IReadOnlyList<T> rows)
    {
        using var group = writer.CreateRowGroup();
        foreach (var write in Writes.Value) await write(group, rows);
    }

    private static ColumnWrite WriteOf(DataField field)
    {
        var property = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Single(p => (p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? p.Name) == field.Name);
        if (property.PropertyType == typeof(DateTime) || property.PropertyType == typeof(DateTime?))
        {
            if (field is not DateTimeDataField { DateTimeFormat: DateTimeFormat.Timestamp, IsAdjustedToUTC: true, Unit: DateTimeTimeUnit.Micros })
            {
                throw new InvalidOperationException(
                    $"{typeof(T).Name}.{property.Name}: output times are UTC microsecond timestamps; mark the property [UtcTimestamp].");
            }
        }
        var info = property.GetCustomAttribute<ColumnInfoAttribute>();
        var metadata = info is null ? null : new Dictionary<string, string> { ["unit"] = info.Unit, ["description"] = info.Description };
        var type = property.PropertyType;
        if (type == typeof(string)) return Text(field, property, metadata);
        var underlying = Nullable.GetUnderlyingType(type);
        var method = typeof(ParquetColumns<T>).GetMethod(underlying is null ? nameof(Value) : nameof(NullableValue), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(underlying ?? type);
        return (ColumnWrite)method.Invoke(null, new object?[] { field, property, metadata })!;
    }

    private static ColumnWrite Value<TValue>(DataField field, PropertyInfo property, Dictionary<string, string>? metadata) where TValue : struct
    {
        var get = property.GetGetMethod()!.CreateDelegate<Func<T, TValue>>();
        return (group, rows) =>
        {
            var values = new TValue[rows.Count];
            for (var i = 0; i < values.Length; i++) values[i] = get(rows[i]);
            return group.WriteAsync<TValue>(field, values, null, metadata);
        };
    }

    private static ColumnWrite NullableValue<TValue>(DataField field, PropertyInfo property, Dictionary<string, string>? metadata) where TValue : struct
    {
        var get = property.GetGetMethod()!.CreateDelegate<Func<T, TValue?>>();
        return (group, rows) =>
        {
            var values = new TValue?[rows.Count];
            for (var i = 0; i < values.Length; i++) values[i] = get(rows[i]);
            return group.WriteAsync<TValue>(field, values, null, metadata);
        };
    }

    private static ColumnWrite Text(DataField field, PropertyInfo property, Dictionary<string, string>? metadata)
    {
        var get = property.GetGetMethod()!.CreateDelegate<Func<T, string?>>();
        return (group, rows) =>
        {
            var values = new ReadOnlyMemory<char>?[rows.Count];
            // Not "text.AsMemory() : null": that null would convert to an empty ReadOnlyMemory, not a NULL.
            for (var i = 0; i < values.Length; i++)
            {
                if (get(rows[i]) is { } text) values[i] = text.AsMemory();
            }
            return group.WriteAsync<ReadOnlyMemory<char>>(field, values, null, metadata);
        };
    }
}
