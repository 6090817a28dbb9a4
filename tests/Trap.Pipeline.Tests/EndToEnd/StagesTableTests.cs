using Trap.Dataset;
using Trap.Dataset.Rows;
using Trap.Pipeline.Output;
using Trap.Pipeline.Tests.Output;

namespace Trap.Pipeline.Tests.EndToEnd;

/// <summary>The stages table of a real run names every stage in order, with counts that agree with the tables it wrote.</summary>
[Collection(SurveyRunCollection.Name)]
public class StagesTableTests(SurveyRun run)
{
    [Fact]
    public void EachStageSaysWhatItTookInAndGaveOut()
    {
        var stages = ParquetTableReader.Parts(run.OutputFolder, DatasetTables.Stages).SelectMany(ParquetTableReader.ReadFile<StageRow>)
            .OrderBy(s => s.Position).ToList();
        Assert.Equal(["plan", "extraction", "association", "forced fits", "catalogue", "candidates"], stages.Select(s => s.Stage));
        Assert.Equal(Enumerable.Range(1, stages.Count), stages.Select(s => s.Position));
        var byName = stages.ToDictionary(s => s.Stage);
        using var dataset = new DatasetQuery(run.OutputFolder);
        Assert.Equal(run.Images.Count, byName["plan"].RowsIn);
        Assert.Equal(byName["plan"].RowsOut, byName["extraction"].RowsIn);
        Assert.Equal(dataset.Count($"SELECT count(*) FROM {dataset.Table(DatasetTables.ExtractedSources)} WHERE extract_type = 0"),
            byName["extraction"].RowsOut);
        Assert.Equal(run.Catalogue.Count, byName["catalogue"].RowsOut);
        Assert.Equal(byName["catalogue"].RowsOut, byName["candidates"].RowsIn);
        Assert.Equal(dataset.Count($"SELECT count(*) FROM {dataset.Table(DatasetTables.Candidates)}"), byName["candidates"].RowsOut);
        Assert.All(stages, s => Assert.True(s.WallSeconds >= 0 && s.DriverCpuSeconds >= 0, s.Stage));
        Assert.True(stages.Sum(s => s.WallSeconds) > 0);
    }
}
