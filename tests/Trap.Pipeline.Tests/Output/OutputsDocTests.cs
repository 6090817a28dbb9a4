using System.Reflection;
using System.Text;
using System.Text.Json.Serialization;
using Trap.Dataset;
using Trap.Dataset.Rows;
using Trap.Pipeline.Output;

namespace Trap.Pipeline.Tests.Output;

/// <summary>docs/outputs.md lists every column of every table with the type, unit, NULL rule and description the files carry.</summary>
public class OutputsDocTests
{
    private const string Begin = "<!-- columns: begin (the row types' [ColumnInfo]; OutputsDocTests keeps this equal) -->";
    private const string End = "<!-- columns: end -->";

    [Fact]
    public void TheColumnTablesOfOutputsMdAreTheRowTypes()
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "outputs.md")).ReplaceLineEndings("\n");
        var start = docs.IndexOf(Begin, StringComparison.Ordinal);
        var end = docs.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"docs/outputs.md has no section between '{Begin}' and '{End}'");
        var expected = Expected();
        var actual = docs[(start + Begin.Length)..end].Trim('\n');
        if (actual != expected)
        {
            var file = Path.Combine(Path.GetTempPath(), "trap-outputs-columns.md");
            File.WriteAllText(file, expected + "\n");
            Assert.Fail($"docs/outputs.md's column tables differ from the row types; the expected text is in {file}");
        }
    }

    private static string Expected()
    {
        var text = new StringBuilder();
        foreach (var (table, rowType) in DatasetTables.All)
        {
            if (text.Length > 0) text.Append('\n');
            text.Append($"### `{table}`\n\n| column | type | unit | NULL | description |\n|---|---|---|---|---|\n");
            foreach (var property in rowType.GetProperties())
            {
                var info = property.GetCustomAttribute<ColumnInfoAttribute>()!;
                var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()!.Name;
                text.Append($"| `{name}` | {TypeOf(property)} | {info.Unit} | {(IsNullable(property) ? "yes" : "")} | {info.Description.Replace("|", "\\|")} |\n");
            }
        }
        return text.ToString().TrimEnd('\n');
    }

    private static string TypeOf(PropertyInfo property) =>
        (Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType) switch
        {
            var t when t == typeof(long) => "int64",
            var t when t == typeof(int) => "int32",
            var t when t == typeof(double) => "double",
            var t when t == typeof(bool) => "boolean",
            var t when t == typeof(string) => "string",
            var t when t == typeof(DateTime) => "timestamp (µs, UTC)",
            var t => throw new InvalidOperationException($"{property.DeclaringType!.Name}.{property.Name}: no Parquet type for {t.Name}"),
        };

    private static bool IsNullable(PropertyInfo property) =>
        Nullable.GetUnderlyingType(property.PropertyType) is not null
        || (property.PropertyType == typeof(string) && new NullabilityInfoContext().Create(property).ReadState == NullabilityState.Nullable);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "docs", "outputs.md")) && Directory.Exists(Path.Combine(dir.FullName, "src"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("docs/outputs.md not found above " + AppContext.BaseDirectory);
    }
}
