using DuckDB.NET.Data;
using Trap.Dataset;
using Trap.Dataset.Rows;
using Trap.Pipeline.Output;

namespace Trap.Pipeline.Tests.Output;

public class ParquetTableWriterTests
{
    public sealed class SampleRow
    {
        public long Id { get; set; }
        public double Ra { get; set; }
        public string Name { get; set; } = "";
        [UtcTimestamp] public DateTime Time { get; set; }
    }

    public sealed class OptionalRow
    {
        [ColumnInfo("Jy", "A flux")] public double? Flux { get; set; }
        [ColumnInfo("-", "A label")] public string? Label { get; set; }
        [ColumnInfo("UTC", "A time"), UtcTimestamp] public DateTime? Observed { get; set; }
    }

    public sealed class UnmarkedTimeRow
    {
        public DateTime When { get; set; }
    }

    [Fact]
    public async Task NullsTimestampsAndColumnMetadataAreWhatDuckDbSees()
    {
        var folder = Directory.CreateTempSubdirectory("trap-pq-").FullName;
        try
        {
            var time = new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc).AddTicks(1234567);
            var file = Path.Combine(folder, "optional.parquet");
            await ParquetTableWriter<OptionalRow>.WriteFileAsync(file, [
                new OptionalRow { Flux = 1.5, Label = "a", Observed = time },
                new OptionalRow(),
            ]);

            using var dataset = new DatasetQuery(folder);
            // A reader in another time zone sees the same instant: the column is UTC-adjusted.
            dataset.Rows("SET TimeZone = 'Asia/Kolkata'");
            var types = dataset.Rows($"DESCRIBE SELECT * FROM read_parquet('{file}')").ToDictionary(r => (string)r[0]!, r => (string)r[1]!);
            Assert.Equal("TIMESTAMP WITH TIME ZONE", types["Observed"]);
            var rows = dataset.Rows($"SELECT Flux, Label, Observed, CAST(Observed AS VARCHAR) FROM read_parquet('{file}') ORDER BY Flux NULLS LAST");
            Assert.Equal([1.5, "a"], rows[0][..2]);
            var microseconds = time.AddTicks(-(time.Ticks % 10));
            Assert.Equal(microseconds.Ticks, ((DateTime)rows[0][2]!).Ticks);
            Assert.Equal("2024-05-06 12:38:09.123456+05:30", rows[0][3]);
            Assert.Equal([null, null, null, null], rows[1]);

            var schema = dataset.Rows($"SELECT name, logical_type FROM parquet_schema('{file}') WHERE name = 'Observed'");
            Assert.Contains("isAdjustedToUTC=1", (string)schema[0][1]!);
            Assert.Contains("MICROS=MicroSeconds()", (string)schema[0][1]!);

            var metadata = dataset.Rows(
                $"SELECT path_in_schema, decode(map_extract(key_value_metadata, 'unit'::BLOB)[1]), decode(map_extract(key_value_metadata, 'description'::BLOB)[1]) " +
                $"FROM parquet_metadata('{file}') ORDER BY path_in_schema");
            Assert.Equal([["Flux", "Jy", "A flux"], ["Label", "-", "A label"], ["Observed", "UTC", "A time"]], metadata.Select(r => r.Select(v => (string?)v).ToArray()));

            // Trap reads back what it wrote (times to the microsecond).
            var back = ParquetTableReader.ReadFile<OptionalRow>(file);
            Assert.Equal(microseconds.Ticks, back[0].Observed!.Value.Ticks);
            Assert.Null(back[1].Flux);
            Assert.Null(back[1].Label);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void ATimeColumnWithoutUtcTimestampIsRefusedBeforeAFileIsMade()
    {
        var folder = Directory.CreateTempSubdirectory("trap-pq-").FullName;
        try
        {
            var error = Assert.Throws<InvalidOperationException>(() => new ParquetTableWriter<UnmarkedTimeRow>(Path.Combine(folder, "t.parquet")));
            Assert.Contains("UnmarkedTimeRow.When", error.Message);
            Assert.Contains("[UtcTimestamp]", error.Message);
            Assert.Empty(Directory.GetFileSystemEntries(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
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
            Assert.Equal(new DateTime(2020, 1, 1, 0, 41, 39), DateTime.SpecifyKind(reader.GetDateTime(4), DateTimeKind.Unspecified));

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
