using System.Net;
using Trap.Engine;
using Trap.Pipeline.Output;
using Trap.Pipeline.Progress;
using Trap.Pipeline.Streaming;
using Trap.Simulation;
using Trap.Simulation.Output;

namespace Trap.Pipeline.Tests.Incremental;

/// <summary>
/// `trap stream` end to end on one machine: a generated survey played over the AARTFAAC protocol,
/// received into the job's incoming folder and processed timestep by timestep as it arrives. The
/// streamed dataset must equal a batch run over the same images, table by table.
/// </summary>
public sealed class StreamTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("trap-stream-").FullName;

    [Fact]
    public async Task AStreamedSurveyEqualsABatchRunOverTheSameImages()
    {
        var survey = Path.Combine(_folder, "survey");
        SurveyWriter.Write(new Survey(new SurveySpec
        {
            Seed = 8, Pointings = 1, BandFrequenciesHz = SurveySpec.HbaBands(2), Timesteps = 5, ImageSize = 128,
            SourcesPerPointing = 20, BadImages = BadImageFractions.None,
        }), survey);
        var job = Path.Combine(_folder, "job");
        Directory.CreateDirectory(job);
        await File.WriteAllTextAsync(Path.Combine(job, "job.cfg"), "[job]\nimages = incoming/*.fits\noutput = output\n");
        var files = Directory.GetFiles(Path.Combine(survey, "images"), "*.fits", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .OrderBy(f => Path.GetFileName(f).Split('_')[1], StringComparer.Ordinal).ToList();

        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var sender = new AartfaacSender(new IPEndPoint(IPAddress.Loopback, 0), files, imagesPerSecond: 20);
        var listening = new TaskCompletionSource<int>();
        var sending = sender.RunAsync(port => listening.SetResult(port), cancellation: stop.Token);
        var receiver = new AartfaacReceiver($"127.0.0.1:{await listening.Task}", Path.Combine(job, "incoming"), _ => { });
        var receiving = receiver.RunAsync(stop.Token);
        await using var engine = new LocalEngine(2);
        var stream = new StreamRunner(engine, ProgressReporter.Silent(), new StreamOptions
        {
            TimestepWait = TimeSpan.FromSeconds(1), PollInterval = TimeSpan.FromMilliseconds(200),
        });
        await stream.RunAsync(job, stop.Token, stopWhenIdle: TimeSpan.FromSeconds(4));
        await sending;
        stop.Cancel();
        await receiving;

        Assert.Equal(files.Count, receiver.Received);
        Assert.True(stream.Runs >= 2, $"the stream processed everything in {stream.Runs} run(s): it did not follow the arrivals");
        await using (var batch = new LocalEngine(2))
        {
            await new JobRunner(batch, ProgressReporter.Silent()).RunAsync(job, Path.Combine(_folder, "batch"));
        }
        var differences = await DatasetComparer.CompareAsync(Path.Combine(job, "output"), Path.Combine(_folder, "batch"));
        Assert.All(differences, d => Assert.True(d.Same, $"{d.Table}: {d.RowsA} streamed, {d.RowsB} batch; only streamed: {string.Join(" | ", d.OnlyInA)}"));
        Assert.Equal(files.Count, differences.Single(d => d.Table == DatasetTables.Images).RowsA);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
