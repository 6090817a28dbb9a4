using System.Diagnostics;
using System.Runtime.Versioning;
using Trap.Dataset;
using Trap.Dataset.Rows;
using Trap.Engine;
using Trap.Pipeline;
using Trap.Pipeline.Output;
using Trap.Pipeline.Progress;
using Trap.TestSupport;

namespace Trap.Cli.Tests;

/// <summary>
/// `trap stream` killed with SIGKILL while a batch is being written, then started again, loses and
/// duplicates no timestep: the final dataset equals a batch run over the same images, table by table.
/// </summary>
public sealed class StreamRestartTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("trap-stream-kill-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    [SupportedOSPlatform("linux")]
    public async Task AStreamKilledMidBatchAndRestartedEqualsABatchRun()
    {
        var streaming = await StreamingJob.CreateAsync(_folder, seed: 21, timesteps: 8, imageSize: 128, sources: 20);
        var (job, incoming) = (streaming.Job, streaming.Incoming);
        var timesteps = streaming.Timesteps();
        var output = Path.Combine(job, "output");
        var total = timesteps.Sum(t => t.Count);

        // The first timesteps land and are committed; the next lands and the stream is killed while its batch is being written.
        using (var first = Stream(job))
        {
            Land(timesteps[0], incoming);
            Land(timesteps[1], incoming);
            await WaitFor(() => Directory.Exists(output), "the stream never committed its first batch");
            Land(timesteps[2], incoming);
            await WaitFor(() => Directory.Exists(output + ".partial"), "the stream never began its second batch");
            first.Kill();
            await first.WaitForExitAsync();
            foreach (var rest in timesteps.Skip(3)) Land(rest, incoming);
        }

        using (var second = Stream(job))
        {
            var deadline = DateTime.UtcNow.AddMinutes(4);
            while (await ImagesIn(output) < total)
            {
                Assert.True(DateTime.UtcNow < deadline, "the restarted stream did not take up every image");
                await Task.Delay(250);
            }
            using (var interrupt = Process.Start("kill", ["-INT", second.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!) await interrupt.WaitForExitAsync();
            await second.WaitForExitAsync();
        }

        await using (var engine = new LocalEngine(2))
        {
            await new JobRunner(engine, ProgressReporter.Silent()).RunAsync(job, Path.Combine(_folder, "batch"));
        }
        var differences = await DatasetComparer.CompareAsync(output, Path.Combine(_folder, "batch"));
        Assert.All(differences, d => Assert.True(d.Same, $"{d.Table}: {d.RowsA} streamed, {d.RowsB} batch; only streamed: {string.Join(" | ", d.OnlyInA)}"));
        Assert.Equal(total, differences.Single(d => d.Table == DatasetTables.Images).RowsA);
    }

    private static async Task WaitFor(Func<bool> condition, string failure)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(10);
        }
    }

    private static Process Stream(string job) => Process.Start(new ProcessStartInfo("dotnet",
        [Checkout.PathOf("src/Trap.Cli/bin/Release/net10.0/trap.dll"), "stream", job, "--timestep-wait", "1", "--master", "local[2]"])
    {
        RedirectStandardOutput = false, RedirectStandardError = false,
    })!;

    /// <summary>Copies a timestep's files in whole (temporary name, then rename), as a receiver does.</summary>
    private static void Land(IEnumerable<string> files, string incoming)
    {
        foreach (var file in files)
        {
            var target = Path.Combine(incoming, Path.GetFileName(file));
            File.Copy(file, target + ".part");
            File.Move(target + ".part", target);
        }
    }

    private static async Task<int> ImagesIn(string output)
    {
        if (ParquetTableReader.Parts(output, DatasetTables.Images).Count == 0) return 0;
        var count = 0;
        try
        {
            await foreach (var _ in ParquetTableReader.ReadTableAsync<ImageRow>(output, DatasetTables.Images)) count++;
        }
        catch (IOException)
        {
            return 0; // the dataset was being replaced by the next commit
        }
        return count;
    }
}
