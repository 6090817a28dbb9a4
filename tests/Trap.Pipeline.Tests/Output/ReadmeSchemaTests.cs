using System.Reflection;
using System.Text.Json.Serialization;
using Trap.Dataset;
using Trap.Pipeline.Output;

namespace Trap.Pipeline.Tests.Output;

/// <summary>The README's schema table must name every table and every column the run writes.</summary>
public class ReadmeSchemaTests
{
    [Fact]
    public void ReadmeDocumentsEveryColumnOfEveryTable()
    {
        var readme = FindReadme();
        var lines = File.ReadAllLines(readme);
        foreach (var (table, rowType) in DatasetTables.All)
        {
            var row = lines.FirstOrDefault(l => l.StartsWith($"| `{table}` |", StringComparison.Ordinal));
            Assert.True(row is not null, $"README.md has no schema row for table {table}");
            var columns = rowType.GetProperties()
                .Select(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name)
                .Where(n => n is not null);
            foreach (var column in columns)
            {
                Assert.True(System.Text.RegularExpressions.Regex.IsMatch(row!, $@"(^|[ |,]){column}([ ,(|]|$)"),
                    $"README.md does not document column {column} of table {table}");
            }
        }
    }

    private static string FindReadme()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "README.md");
            if (File.Exists(candidate) && Directory.Exists(Path.Combine(dir.FullName, "src"))) return candidate;
        }
        throw new FileNotFoundException("README.md not found above " + AppContext.BaseDirectory);
    }
}
