using System.Reflection;
using System.Text.Json.Serialization;
using Trap.Dataset;
using Trap.Dataset.Rows;
using Trap.Pipeline.Output;
using Trap.Pipeline.Tests.Output;

namespace Trap.Pipeline.Tests.EndToEnd;

/// <summary>
/// The dataset of a real run, read by DuckDB, keeps the conventions of docs/outputs.md: UTC
/// microsecond timestamps, NULL (never NaN, infinities, 0001-01-01 or '') where a value does not
/// apply, and every column's unit and description in its Parquet metadata.
/// </summary>
[Collection(SurveyRunCollection.Name)]
public class DatasetConventionsTests(SurveyRun run)
{
    private static IEnumerable<(string Table, PropertyInfo Property, string Column)> Columns() =>
        from t in DatasetTables.All
        from p in t.RowType.GetProperties()
        select (t.Name, p, p.GetCustomAttribute<JsonPropertyNameAttribute>()!.Name);

    [Fact]
    public void TimesAreUtcMicrosecondTimestamps()
    {
        using var dataset = new DatasetQuery(run.OutputFolder);
        var times = Columns().Where(c => (Nullable.GetUnderlyingType(c.Property.PropertyType) ?? c.Property.PropertyType) == typeof(DateTime)).ToList();
        Assert.True(times.Count >= 7, "the dataset has at least its seven time columns");
        foreach (var (table, _, column) in times)
        {
            var type = dataset.Rows($"SELECT column_type FROM (DESCRIBE SELECT {column} FROM {dataset.Table(table)})")[0][0];
            Assert.True("TIMESTAMP WITH TIME ZONE".Equals(type), $"{table}.{column} is {type}");
            var file = ParquetTableReader.Parts(run.OutputFolder, table)[0];
            var logical = (string)dataset.Rows($"SELECT logical_type FROM parquet_schema('{file}') WHERE name = '{column}'")[0][0]!;
            Assert.Contains("isAdjustedToUTC=1", logical);
            Assert.Contains("MICROS=MicroSeconds()", logical);
            Assert.Equal(0L, dataset.Count($"SELECT count(*) FROM {dataset.Table(table)} WHERE year({column}) < 1900"));
        }
        // The instants are the ones Trap holds, whatever the reader's time zone.
        dataset.Rows("SET TimeZone = 'America/Santiago'");
        var first = run.Images.Where(i => i.StartUtc is not null).Min(i => i.StartUtc!.Value);
        var read = (DateTime)dataset.Rows($"SELECT min(start_utc) FROM {dataset.Table(DatasetTables.Images)}")[0][0]!;
        Assert.Equal(first.Ticks - first.Ticks % 10, read.Ticks);
    }

    [Fact]
    public void NoNumberIsNaNOrInfinite()
    {
        using var dataset = new DatasetQuery(run.OutputFolder);
        foreach (var (table, property, column) in Columns().Where(c => (Nullable.GetUnderlyingType(c.Property.PropertyType) ?? c.Property.PropertyType) == typeof(double)))
        {
            var bad = dataset.Count($"SELECT count(*) FROM {dataset.Table(table)} WHERE isnan({column}) OR isinf({column})");
            Assert.True(bad == 0, $"{table}.{column} has {bad} NaN or infinite values ({property.Name})");
        }
    }

    [Fact]
    public void NotApplicableValuesAreNull()
    {
        using var dataset = new DatasetQuery(run.OutputFolder);
        var images = dataset.Table(DatasetTables.Images);
        Assert.True(dataset.Count($"SELECT count(*) FROM {images} WHERE NOT accepted") > 0, "the survey has rejected images");
        // A rejected image has no RMS range and no source count; an accepted one has both.
        Assert.Equal(0L, dataset.Count($"SELECT count(*) FROM {images} WHERE (rms_min_jy IS NULL OR n_sources IS NULL) = accepted"));
        foreach (var column in new[] { "telescope", "accessor", "stokes" })
        {
            Assert.Equal(0L, dataset.Count($"SELECT count(*) FROM {images} WHERE {column} = ''"));
        }
        Assert.Equal(0L, dataset.Count($"SELECT count(*) FROM {images} WHERE freq_eff_hz <= 0 OR integration_s <= 0"));

        var candidates = dataset.Table(DatasetTables.Candidates);
        Assert.Equal(0L, dataset.Count(
            $"SELECT count(*) FROM {candidates} WHERE (bright_neighbour_runcat_id IS NULL) <> (bright_neighbour_distance_beams IS NULL) " +
            "OR (bright_neighbour_runcat_id IS NULL) <> (bright_neighbour_flux_ratio IS NULL)"));
        Assert.Equal(0L, dataset.Count($"SELECT count(*) FROM {candidates} WHERE (n_points < 3) <> (time_trend IS NULL)"));

        // A two-epoch pair metric is there exactly when a pair passed the threshold.
        var variability = dataset.Table(DatasetTables.Variability);
        Assert.True(dataset.Count($"SELECT count(*) FROM {variability} WHERE vs_int_max IS NULL") > 0, "some sources have no significant pair");
        Assert.Equal(0L, dataset.Count($"SELECT count(*) FROM {variability} WHERE (vs_int_max IS NULL) <> (m_int_max IS NULL) OR vs_int_max <= 0"));
    }

    [Fact]
    public void EveryColumnCarriesItsUnitAndDescription()
    {
        using var dataset = new DatasetQuery(run.OutputFolder);
        foreach (var (table, rowType) in DatasetTables.All)
        {
            var file = ParquetTableReader.Parts(run.OutputFolder, table)[0];
            var metadata = dataset.Rows(
                    "SELECT path_in_schema, decode(map_extract(key_value_metadata, 'unit'::BLOB)[1]), " +
                    $"decode(map_extract(key_value_metadata, 'description'::BLOB)[1]) FROM parquet_metadata('{file}')")
                .GroupBy(r => (string)r[0]!)
                .ToDictionary(g => g.Key, g => ((string?)g.First()[1], (string?)g.First()[2]));
            foreach (var property in rowType.GetProperties())
            {
                var column = property.GetCustomAttribute<JsonPropertyNameAttribute>()!.Name;
                var info = property.GetCustomAttribute<ColumnInfoAttribute>();
                Assert.True(info is not null, $"{rowType.Name}.{property.Name} has no [ColumnInfo]");
                Assert.True(metadata.ContainsKey(column), $"{table}/{Path.GetFileName(file)} has no column chunk for {column} (an empty table?)");
                Assert.Equal((info!.Unit, info.Description), metadata[column]);
            }
        }
    }

    [Fact]
    public void TheDatasetNamesItsJob()
    {
        // No [job] name in the survey's job.cfg: the dataset takes the job folder's name.
        var dataset = Assert.Single(ParquetTableReader.ReadFile<DatasetRow>(ParquetTableReader.Parts(run.OutputFolder, DatasetTables.Dataset)[0]));
        Assert.Equal(new DirectoryInfo(run.Folder).Name, dataset.Name);
        Assert.Equal(Path.Combine(Path.GetFullPath(run.Folder), "job.cfg"), dataset.JobFile);
    }

    [Fact]
    public void TheOutputKeepsTheRunsLog()
    {
        var lines = File.ReadAllLines(Path.Combine(run.OutputFolder, JobRunner.RunLogFile));
        Assert.All(lines, line => Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z ", line));
        Assert.Contains(lines, line => line.Contains($"progress: {run.Images.Count(i => i.Timestep is not null)}/") && line.Contains("images extracted"));
        Assert.Contains(lines, line => line.Contains("trap: association:"));
    }
}
