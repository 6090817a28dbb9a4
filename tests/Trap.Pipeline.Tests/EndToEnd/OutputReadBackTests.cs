using DuckDB.NET.Data;
using Trap.Dataset;
using Trap.Pipeline.Output;

namespace Trap.Pipeline.Tests.EndToEnd;

/// <summary>The run's Parquet dataset read by an independent reader (DuckDB) agrees with what Trap wrote.</summary>
[Collection(SurveyRunCollection.Name)]
public class OutputReadBackTests
{
    private readonly SurveyRun _run;

    public OutputReadBackTests(SurveyRun run) => _run = run;

    private object Scalar(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar()!;
    }

    private string Table(string name) => $"read_parquet('{Path.Combine(_run.OutputFolder, name, "*.parquet")}')";

    [Fact]
    public void EveryTableIsReadableByDuckDbWithTheSameRows()
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        foreach (var (table, _) in DatasetTables.All)
        {
            var count = Convert.ToInt64(Scalar(connection, $"SELECT count(*) FROM {Table(table)}"));
            Assert.True(count >= 0, table);
        }
        Assert.Equal((long)_run.Images.Count, Convert.ToInt64(Scalar(connection, $"SELECT count(*) FROM {Table("images")}")));
        Assert.Equal((long)_run.Associations.Count, Convert.ToInt64(Scalar(connection, $"SELECT count(*) FROM {Table("associations")}")));
        Assert.Equal(_run.Sources.Sum(s => s.FIntJy),
            Convert.ToDouble(Scalar(connection, $"SELECT sum(f_int_jy) FROM {Table("extracted_sources")}")), 6);
    }

    [Fact]
    public void TablesAreConsistentWithEachOther()
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        // Every association names a catalogue source and a measurement that exist.
        Assert.Equal(0L, Convert.ToInt64(Scalar(connection,
            $"SELECT count(*) FROM {Table("associations")} a LEFT JOIN {Table("running_catalogue")} r USING (runcat_id) WHERE r.runcat_id IS NULL")));
        Assert.Equal(0L, Convert.ToInt64(Scalar(connection,
            $"SELECT count(*) FROM {Table("associations")} a LEFT JOIN {Table("extracted_sources")} s USING (source_id) WHERE s.source_id IS NULL")));
        // Every measurement belongs to an accepted image; every rejected image has a rejection row.
        Assert.Equal(0L, Convert.ToInt64(Scalar(connection,
            $"SELECT count(*) FROM {Table("extracted_sources")} s JOIN {Table("images")} i USING (image_id) WHERE NOT i.accepted")));
        Assert.Equal(Convert.ToInt64(Scalar(connection, $"SELECT count(*) FROM {Table("images")} WHERE NOT accepted")),
            Convert.ToInt64(Scalar(connection, $"SELECT count(*) FROM {Table("rejections")}")));
        // One variability row per catalogue source with measurements, and datapoints match the light curves.
        Assert.Equal(0L, Convert.ToInt64(Scalar(connection,
            $"SELECT count(*) FROM {Table("running_catalogue")} r LEFT JOIN {Table("variability")} v USING (runcat_id) WHERE v.runcat_id IS NULL")));
        // Every candidate is a catalogue source, once, with a VOEvent file.
        Assert.Equal(0L, Convert.ToInt64(Scalar(connection,
            $"SELECT count(*) FROM {Table("candidates")} c LEFT JOIN {Table("running_catalogue")} r USING (runcat_id) WHERE r.runcat_id IS NULL")));
        var candidates = Convert.ToInt64(Scalar(connection, $"SELECT count(DISTINCT runcat_id) FROM {Table("candidates")}"));
        Assert.True(candidates > 0, "the survey run gave no candidates");
        Assert.Equal(candidates, Convert.ToInt64(Scalar(connection, $"SELECT count(*) FROM {Table("candidates")}")));
        Assert.Equal(candidates, Directory.GetFiles(Path.Combine(_run.OutputFolder, DatasetTables.VoEventsFolder), "*.xml").Length);
    }

    [Fact]
    public async Task ARerunReplacesTheOutputAndGivesTheSameRows()
    {
        var before = _run.Associations.Select(a => (a.RuncatId, a.SourceId, a.Type, a.VInt, a.EtaInt)).ToList();
        // A single-core engine and two runs into one folder: same rows, one copy.
        var other = Path.Combine(_run.Folder, "rerun");
        for (var i = 0; i < 2; i++)
        {
            await using var engine = new Trap.Engine.LocalEngine(1);
            await new JobRunner(engine, Trap.Pipeline.Progress.ProgressReporter.Silent()).RunAsync(_run.Folder, other);
        }
        var rows = new List<(long, long, int, double, double)>();
        await foreach (var a in ParquetTableReader.ReadTableAsync<Trap.Dataset.Rows.AssociationRow>(other, DatasetTables.Associations))
        {
            rows.Add((a.RuncatId, a.SourceId, a.Type, a.VInt, a.EtaInt));
        }
        Assert.Equal(before, rows);
        Assert.False(Directory.Exists(other + ".partial"));
        // Candidates keep their IVORNs, so a broker sees a re-run's packets as the events it already has.
        async Task<List<(long, string, string)>> Candidates(string output)
        {
            var list = new List<(long, string, string)>();
            await foreach (var c in ParquetTableReader.ReadTableAsync<Trap.Dataset.Rows.CandidateRow>(output, DatasetTables.Candidates))
            {
                list.Add((c.RuncatId, c.Class, c.Ivorn));
            }
            return list;
        }
        Assert.Equal(await Candidates(_run.OutputFolder), await Candidates(other));
        Assert.Equal(Directory.GetFiles(Path.Combine(_run.OutputFolder, DatasetTables.VoEventsFolder)).Select(Path.GetFileName).Order(),
            Directory.GetFiles(Path.Combine(other, DatasetTables.VoEventsFolder)).Select(Path.GetFileName).Order());
    }
}
