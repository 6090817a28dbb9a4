using Trap.Dataset;
using Trap.Engine;
using Trap.Pipeline.Output;
using Trap.Pipeline.Progress;
using Trap.Simulation;
using Trap.Simulation.Output;

namespace Trap.Pipeline.Tests.Incremental;

/// <summary>
/// `trap run --append`: a job run on its first timesteps, then again with more images and --append,
/// must give the dataset a full run over all images gives, table by table, while extracting and
/// forced-fitting only what is new.
/// </summary>
public sealed class AppendRunTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("trap-append-").FullName;

    [Fact]
    public async Task AnAppendedRunEqualsAFullRunAndReusesTheEarlierWork()
    {
        SurveyWriter.Write(new Survey(new SurveySpec { Seed = 31, Timesteps = 9, SourcesPerPointing = 30 }), _folder);
        await File.WriteAllTextAsync(Path.Combine(_folder, "job.cfg"), "[job]\nimages = images/**/*.fits\noutput = output\n");
        var later = Directory.GetFiles(Path.Combine(_folder, "images"), "*.fits", SearchOption.AllDirectories)
            .Where(f => new[] { "_t0006_", "_t0007_", "_t0008_" }.Any(Path.GetFileName(f).Contains)).ToArray();
        Assert.NotEmpty(later);
        var held = Path.Combine(_folder, "held");
        Directory.CreateDirectory(held);
        foreach (var file in later) File.Move(file, Path.Combine(held, Path.GetRelativePath(_folder, file).Replace('/', '_')));

        await RunAsync(Path.Combine(_folder, "output"), append: false);
        foreach (var file in later) File.Move(Path.Combine(held, Path.GetRelativePath(_folder, file).Replace('/', '_')), file);
        var messages = await RunAsync(Path.Combine(_folder, "output"), append: true);
        await RunAsync(Path.Combine(_folder, "full"), append: false);

        var differences = await DatasetComparer.CompareAsync(Path.Combine(_folder, "output"), Path.Combine(_folder, "full"));
        Assert.All(differences, d => Assert.True(d.Same, $"{d.Table}: {d.RowsA} rows appended, {d.RowsB} in a full run; only appended: {string.Join(" | ", d.OnlyInA)}"));
        Assert.True(differences.Single(d => d.Table == DatasetTables.Associations).RowsA > 100);
        // Only the held-back images were extracted again.
        var extraction = messages.Single(m => m.StartsWith("trap: extraction:", StringComparison.Ordinal));
        Assert.Contains($"extraction: {later.Length} images", extraction);
    }

    [Fact]
    public async Task AnAppendedRunIsRefusedWhenAnImageOfTheDatasetIsGoneAndTheDatasetStaysAsItWas()
    {
        SurveyWriter.Write(new Survey(new SurveySpec { Seed = 32, Timesteps = 3, SourcesPerPointing = 20 }), _folder);
        await File.WriteAllTextAsync(Path.Combine(_folder, "job.cfg"), "[job]\nimages = images/**/*.fits\noutput = output\n");
        var output = Path.Combine(_folder, "output");
        await RunAsync(output, append: false);
        var kept = Path.Combine(_folder, "kept");
        CopyFolder(output, kept);
        var gone = Directory.GetFiles(Path.Combine(_folder, "images"), "*.fits", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        File.Delete(gone);

        // Planning the job's images again would make a dataset without the deleted image's measurements.
        var refused = await Assert.ThrowsAsync<Trap.Pipeline.Planning.EarlierImagesMissingException>(() => RunAsync(output, append: true));
        Assert.Equal(1, refused.Missing);
        Assert.Contains(gone, refused.Message);
        var differences = await DatasetComparer.CompareAsync(output, kept);
        Assert.All(differences, d => Assert.True(d.Same, $"{d.Table} changed by the refused run"));
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private async Task<List<string>> RunAsync(string output, bool append)
    {
        var log = new StringWriter();
        await using var engine = new LocalEngine(2);
        await new JobRunner(engine, new ProgressReporter(log, terminal: false, TimeSpan.MaxValue)).RunAsync(_folder, output, append: append);
        return log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
