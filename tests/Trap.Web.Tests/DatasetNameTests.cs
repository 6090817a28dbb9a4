using DuckDB.NET.Data;
using Trap.Web.Data;

namespace Trap.Web.Tests;

/// <summary>An address segment names a dataset by its name, or (an old address) by its id; a name wins over an id.</summary>
public sealed class DatasetNameTests
{
    [Theory]
    [InlineData("7", 1L)]        // the dataset named "7", not the one with id 7
    [InlineData("1", 1L)]        // no dataset is named "1": the id form
    [InlineData("other", 7L)]
    [InlineData("a b#?%", 9L)]
    [InlineData("8", null)]
    [InlineData("nothing", null)]
    public async Task ASegmentFindsItsDataset(string segment, long? expected)
    {
        await using var connection = new DuckDBConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE dataset (id BIGINT, name VARCHAR); INSERT INTO dataset VALUES (1, '7'), (7, 'other'), (9, 'a b#?%');";
            await create.ExecuteNonQueryAsync();
        }
        var found = await DatasetName.FindAsync(new CatalogueQuery(connection, null, CancellationToken.None), segment);
        Assert.Equal(expected, found?.Id);
    }

    [Fact]
    public void ThePathEscapesTheName() =>
        Assert.Equal("/datasets/a%20b%23%3F%25%2F%CE%B1", new DatasetName(9, "a b#?%/α").Path);
}
