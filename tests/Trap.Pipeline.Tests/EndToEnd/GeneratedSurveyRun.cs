using Trap.Dataset;
using Trap.Engine;
using Trap.Pipeline.Output;
using Trap.Pipeline.Progress;
using Trap.Simulation;
using Trap.Simulation.Output;

namespace Trap.Pipeline.Tests.EndToEnd;

/// <summary>A generated survey in a temporary folder, run end to end once by a test fixture; tables read back on demand.</summary>
public abstract class GeneratedSurveyRun : IAsyncLifetime
{
    protected GeneratedSurveyRun(string prefix) => Folder = Directory.CreateTempSubdirectory(prefix).FullName;

    public string Folder { get; }

    public string OutputFolder => Path.Combine(Folder, "output");

    public RunSummary Summary { get; private set; } = null!;

    public abstract Task InitializeAsync();

    /// <summary>Writes the survey and a job file (the [job] lines below plus <paramref name="extraConfig"/>), lets
    /// <paramref name="beforeRun"/> add to the folder, and runs it.</summary>
    protected async Task RunAsync(SurveySpec spec, string extraConfig = "", Action? beforeRun = null)
    {
        SurveyWriter.Write(new Survey(spec), Folder);
        await File.WriteAllTextAsync(Path.Combine(Folder, "job.cfg"), "[job]\nimages = images/**/*.fits\noutput = output\n" + extraConfig);
        beforeRun?.Invoke();
        await using var engine = new LocalEngine();
        Summary = await new JobRunner(engine, ProgressReporter.Silent()).RunAsync(Folder);
    }

    public async Task<List<T>> Read<T>(string table) where T : class, new()
    {
        var rows = new List<T>();
        await foreach (var row in ParquetTableReader.ReadTableAsync<T>(OutputFolder, table)) rows.Add(row);
        return rows;
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }
}
