using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json.Serialization;
using Npgsql;
using NpgsqlTypes;
using Trap.Dataset;
using Trap.Storage.Schema;

namespace Trap.Storage.Loading;

/// <summary>
/// How the rows of one output table go into its database table, derived by reflection from the row
/// type (column = [JsonPropertyName], type from the property type) so the loader cannot drift from
/// the row types; a test checks the schema against the same map. Each row is written to binary COPY by
/// a compiled delegate (no boxing or reflection per value).
/// </summary>
public sealed class TableMap
{
    private static readonly ConcurrentDictionary<Type, TableMap> Cache = new();

    private static readonly MethodInfo WriteMethod = typeof(NpgsqlBinaryImporter).GetMethods()
        .Single(m => m.Name == nameof(NpgsqlBinaryImporter.Write) && m.IsGenericMethodDefinition
                     && m.GetParameters() is { Length: 2 } p && p[1].ParameterType == typeof(NpgsqlDbType));

    private static readonly MethodInfo WriteNullMethod = typeof(NpgsqlBinaryImporter).GetMethod(nameof(NpgsqlBinaryImporter.WriteNull), Type.EmptyTypes)!;

    private readonly Action<NpgsqlBinaryImporter, object> _writeRow;

    private TableMap(string outputTable, Type rowType)
    {
        OutputTable = outputTable;
        Table = CatalogueTables.For(outputTable);
        RowType = rowType;
        Columns = rowType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(ColumnOf).ToList();
        _writeRow = CompileWriter(rowType, Columns);
    }

    /// <summary>The output table's name (<see cref="DatasetTables"/>).</summary>
    public string OutputTable { get; }

    /// <summary>The database table.</summary>
    public string Table { get; }

    public Type RowType { get; }

    /// <summary>The row's columns in declaration order (dataset_id, which the loader adds, is not among them).</summary>
    public IReadOnlyList<ColumnMap> Columns { get; }

    /// <summary>The map of a row type registered in <see cref="DatasetTables.All"/>.</summary>
    public static TableMap For(Type rowType) => Cache.GetOrAdd(rowType, type =>
    {
        var entry = DatasetTables.All.FirstOrDefault(t => t.RowType == type);
        if (entry.RowType is null) throw new InvalidOperationException(type.Name + " is not a row type of DatasetTables.All.");
        return new TableMap(entry.Name, type);
    });

    public static TableMap For<T>() => For(typeof(T));

    /// <summary>COPY ... FROM STDIN statement for this table (or a scratch table <paramref name="into"/> like it), dataset_id first.</summary>
    public string CopyCommand(string? into = null) =>
        "COPY " + (into ?? Table) + " (dataset_id, " + string.Join(", ", Columns.Select(c => c.Name)) + ") FROM STDIN (FORMAT BINARY)";

    /// <summary>Writes one row (its dataset_id first) to an open binary import.</summary>
    public void WriteRow(NpgsqlBinaryImporter importer, long datasetId, object row)
    {
        importer.StartRow();
        importer.Write(datasetId, NpgsqlDbType.Bigint);
        _writeRow(importer, row);
    }

    /// <summary>Adds one parameter per column, named as the column, for a parameterised INSERT of <paramref name="row"/>.</summary>
    public void AddParameters(NpgsqlCommand command, object row)
    {
        foreach (var column in Columns)
        {
            var value = column.Property.GetValue(row);
            if (value is DateTime time) value = DateTimes.AsUtc(time);
            command.Parameters.Add(new NpgsqlParameter(column.Name, column.DbType) { Value = value ?? DBNull.Value });
        }
    }

    private ColumnMap ColumnOf(PropertyInfo property)
    {
        var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name
                   ?? throw new InvalidOperationException(RowType.Name + "." + property.Name + " has no [JsonPropertyName]: every output column needs its snake_case name.");
        var underlying = Nullable.GetUnderlyingType(property.PropertyType);
        var type = ColumnMap.TypeOf(underlying ?? property.PropertyType)
                   ?? throw new InvalidOperationException(RowType.Name + "." + property.Name + " has type " + property.PropertyType.Name + ", which the catalogue database does not map: use long, int, double, bool, string or DateTime.");
        // string? is nullable by annotation only; a value type by Nullable<T>.
        var nullable = underlying != null || (property.PropertyType == typeof(string) && new NullabilityInfoContext().Create(property).ReadState == NullabilityState.Nullable);
        return new ColumnMap(name, property, type.DbType, type.SqlType, nullable);
    }

    private static Action<NpgsqlBinaryImporter, object> CompileWriter(Type rowType, IReadOnlyList<ColumnMap> columns)
    {
        var importer = Expression.Parameter(typeof(NpgsqlBinaryImporter), "importer");
        var boxed = Expression.Parameter(typeof(object), "row");
        var row = Expression.Variable(rowType, "typed");
        var body = new List<Expression> { Expression.Assign(row, Expression.Convert(boxed, rowType)) };
        foreach (var column in columns)
        {
            Expression value = Expression.Property(row, column.Property);
            var underlying = Nullable.GetUnderlyingType(column.Property.PropertyType);
            body.Add(underlying is not null
                ? Expression.IfThenElse(
                    Expression.Property(value, "HasValue"),
                    WriteValue(importer, Expression.Property(value, "Value"), column.DbType),
                    Expression.Call(importer, WriteNullMethod))
                : column.Nullable
                    ? Expression.IfThenElse(
                        Expression.NotEqual(value, Expression.Constant(null, value.Type)),
                        WriteValue(importer, value, column.DbType),
                        Expression.Call(importer, WriteNullMethod))
                    : WriteValue(importer, value, column.DbType));
        }
        var block = Expression.Block(new[] { row }, body);
        return Expression.Lambda<Action<NpgsqlBinaryImporter, object>>(block, importer, boxed).Compile();
    }

    private static Expression WriteValue(ParameterExpression importer, Expression value, NpgsqlDbType dbType)
    {
        if (value.Type == typeof(DateTime)) value = Expression.Call(typeof(DateTimes).GetMethod(nameof(DateTimes.AsUtc))!, value);
        return Expression.Call(importer, WriteMethod.MakeGenericMethod(value.Type), value, Expression.Constant(dbType));
    }
}
