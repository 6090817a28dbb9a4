using DuckDB.NET.Data;
using Trap.Pipeline.Output;

namespace Trap.Pipeline.Tests.Output;

public class ParquetTableWriterTests
{
    public sealed class SampleRow
    {
        public long Id { get; set; }
        public double Ra { get; set; }
        public string Name { get; set; } = "";
        public DateTime Time { get; set; }
    }

    [Fact]
    public async Task RowGroupsAreReadBackByAnIndependentReader()
    {
        var folder = Directory.CreateTempSubdirectory("trap-pq-").FullName;
        try
        {
            string file;
            await using (var writer = new ParquetTableWriter<SampleRow>(folder, "samples", rowGroupSize: 1000))
            {
                for (var i = 0; i < 2500; i++)
                {
                    await writer.AddAsync(new SampleRow
                    {
                        Id = i, Ra = i * 0.1, Name = "src" + i,
                        Time = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(i),
                    });
                }
                file = writer.FilePath;
            }

            // DuckDB is a reader written by other people: it checks that the files are standard Parquet.
            using var connection = new DuckDBConnection("Data Source=:memory:");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT count(*), CAST(sum(Id) AS BIGINT), max(Ra), min(Name), max(Time) FROM read_parquet('{file}')";
            using var reader = command.ExecuteReader();
            Assert.True(reader.Read());
            Assert.Equal(2500L, reader.GetInt64(0));
            Assert.Equal(2500L * 2499 / 2, reader.GetInt64(1));
            Assert.Equal(249.9, reader.GetDouble(2), 9);
            Assert.Equal("src0", reader.GetString(3));
            Assert.Equal(new DateTime(2020, 1, 1, 0, 41, 39), reader.GetDateTime(4));

            command.CommandText = $"SELECT count(*) FROM parquet_metadata('{file}') GROUP BY row_group_id";
            using var groups = command.ExecuteReader();
            var groupCount = 0;
            while (groups.Read()) groupCount++;
            Assert.Equal(3, groupCount);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
