using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Trap.Alerts;
using Trap.Dataset;
using Trap.Dataset.Rows;
using Trap.Engine;
using Trap.Pipeline.Output;
using Trap.Pipeline.Progress;
using Trap.Pipeline.Stages;
using Trap.Pipeline.Streaming;
using Trap.Pipeline.Work;
using Trap.Science.Quality;
using Trap.Simulation;
using Trap.Simulation.Output;
using Trap.TestSupport;

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
        var streaming = await StreamingJob.CreateAsync(_folder, seed: 8, timesteps: 5, imageSize: 128, sources: 20);
        var job = streaming.Job;
        var files = streaming.ImagesInTimeOrder();

        using var cpu = new StreamCpuSteps();
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var sender = new AartfaacSender(new IPEndPoint(IPAddress.Loopback, 0), files, imagesPerSecond: 20);
        var listening = new TaskCompletionSource<int>();
        var sending = sender.RunAsync(port => listening.SetResult(port), cancellation: stop.Token);
        var receiver = new AartfaacReceiver($"127.0.0.1:{await listening.Task}", Path.Combine(job, "incoming"), _ => { });
        var receiving = receiver.RunAsync(stop.Token);
        await using var engine = new LocalEngine(2);
        var committed = new List<int>();
        var stream = new StreamRunner(engine, ProgressReporter.Silent(), new StreamOptions
        {
            TimestepWait = TimeSpan.FromSeconds(1), PollInterval = TimeSpan.FromMilliseconds(200),
            AfterCommit = (dataset, _) =>
            {
                committed.Add(ProcessedImages.FromDataset(dataset).Count);
                return Task.CompletedTask;
            },
        });
        await stream.RunAsync(job, stop.Token, stopWhenIdle: TimeSpan.FromSeconds(4));
        await sending;
        stop.Cancel();
        await receiving;

        Assert.Equal(files.Count, receiver.Received);
        Assert.True(stream.Runs >= 2, $"the stream processed everything in {stream.Runs} run(s): it did not follow the arrivals");
        // Whole new timesteps of readable images: every batch is appended incrementally, none replays the history.
        Assert.Equal(0, stream.FullRuns);
        // The live load sees each committed batch, the dataset growing to every image.
        Assert.Equal(stream.Runs, committed.Count);
        Assert.True(committed.Zip(committed.Skip(1)).All(p => p.First < p.Second), string.Join(", ", committed));
        Assert.Equal(files.Count, committed[^1]);
        var differences = await AssertEqualsABatchRunAsync(job, Path.Combine(job, "output"));
        Assert.Equal(files.Count, differences.Single(d => d.Table == DatasetTables.Images).RowsA);
        // Each step of the stream reports its CPU (docs/streaming.md, "CPU per image"), where the thread CPU clock is.
        if (OperatingSystem.IsLinux())
        {
            Assert.Empty(new[]
            {
                "receive", "poll: listing", "poll: new file's header and fingerprint", "extraction ahead", "batch: plan", "batch: staging",
                "batch: extraction", "batch: QC and catalogue", "batch: light curves and appended parts", "batch: candidates",
                "batch: run tables, merges, caches", "batch: commit", "batch: alerts",
            }.Except(cpu.Seen()));
        }
    }

    [Fact]
    public async Task AStreamBehindItsBacklogBoundDropsTheOldestTimestepsAndSaysSo()
    {
        SurveyWriter.Write(new Survey(new SurveySpec
        {
            Seed = 9, Pointings = 1, BandFrequenciesHz = SurveySpec.HbaBands(1), Timesteps = 6, ImageSize = 96,
            SourcesPerPointing = 8, BadImages = BadImageFractions.None,
        }), _folder);
        var job = Path.Combine(_folder, "job.cfg");
        await File.WriteAllTextAsync(job, "[job]\nimages = images/**/*.fits\noutput = output\n");
        var byTime = Directory.GetFiles(Path.Combine(_folder, "images"), "*.fits", SearchOption.AllDirectories)
            .OrderBy(f => Path.GetFileName(f).Split('_')[1], StringComparer.Ordinal).ToList();
        Assert.Equal(6, byTime.Count);
        var options = new StreamOptions { TimestepWait = TimeSpan.FromSeconds(1), PollInterval = TimeSpan.FromMilliseconds(200), MaxBacklogImages = 2 };
        var log = new StringWriter();
        await using var engine = new LocalEngine(2);

        // Six timesteps wait at once: the five complete ones are three over the bound of two.
        var stream = new StreamRunner(engine, new ProgressReporter(log, terminal: false, TimeSpan.MaxValue), options);
        await stream.RunAsync(_folder, CancellationToken.None, stopWhenIdle: TimeSpan.FromSeconds(2));

        Assert.Equal((3, 3), stream.Dropped);
        // Dropping takes no replay of the history: the drops are rejections rows of an incremental batch.
        Assert.Equal(0, stream.FullRuns);
        Assert.Contains("5 images behind", log.ToString());
        Assert.Contains("dropping the oldest 3 images (3 timesteps)", log.ToString());
        var output = Path.Combine(_folder, "output");
        var rejections = await ReadAsync<RejectionRow>(output, DatasetTables.Rejections);
        Assert.Equal(byTime.Take(3).Order(StringComparer.Ordinal), rejections.Select(r => r.Url).Order(StringComparer.Ordinal));
        Assert.All(rejections, r => Assert.Equal(RejectReason.StreamBacklog.Id, r.ReasonId));
        Assert.Equal(6, (await ReadAsync<ImageRow>(output, DatasetTables.Images)).Count);

        // Restarted, the stream has nothing left to do and the drops stay recorded.
        // It loads the dataset once at start (a batch committed just before a kill may have missed its load).
        var loads = 0;
        var restarted = new StreamRunner(engine, ProgressReporter.Silent(), options with
        {
            AfterCommit = (_, _) =>
            {
                loads++;
                return Task.CompletedTask;
            },
        });
        await restarted.RunAsync(_folder, CancellationToken.None, stopWhenIdle: TimeSpan.FromSeconds(1));
        Assert.Equal(0, restarted.Runs);
        Assert.Equal(1, loads);
        Assert.Equal(3, (await ReadAsync<RejectionRow>(output, DatasetTables.Rejections)).Count(r => r.ReasonId == RejectReason.StreamBacklog.Id));
    }

    [Fact]
    public async Task ImagesLandingLateForAnEarlierTimestepJoinTheDatasetWithoutDroppingLaterOnes()
    {
        // Once every other image is committed, an image of the first timestep lands late, with an unreadable file.
        var (stream, job, byTime) = await StreamWithAnImageLandingLateAsync((incoming, _) =>
            File.WriteAllText(Path.Combine(incoming, "garbage.fits"), "not a FITS file"));

        // The straggler cannot be appended (it must be associated before the later timesteps): that batch is a full appended run.
        Assert.InRange(stream.FullRuns, 1, stream.Runs - 1);
        var differences = await AssertEqualsABatchRunAsync(job, Path.Combine(job, "output"));
        Assert.Equal(byTime.Count + 1, differences.Single(d => d.Table == DatasetTables.Images).RowsA);
    }

    [Fact]
    public async Task AStragglerIsRefusedNotProcessedWhenCommittedImagesHaveBeenRemoved()
    {
        // Once every other image is committed, the first image is removed (a feed's cleanup) as the straggler lands:
        // its batch would be a full appended run, which would make the dataset again without the removed image.
        var (stream, job, byTime) = await StreamWithAnImageLandingLateAsync((incoming, images) =>
            File.Delete(Path.Combine(incoming, Path.GetFileName(images[0]))));

        Assert.Equal(0, stream.FullRuns);
        Assert.Equal(1, stream.Refused);
        var images = await ReadAsync<ImageRow>(Path.Combine(job, "output"), DatasetTables.Images);
        Assert.Equal(byTime.Count - 1, images.Count);
        Assert.Contains(images, i => Path.GetFileName(i.Url) == Path.GetFileName(byTime[0]));
        Assert.DoesNotContain(images, i => Path.GetFileName(i.Url) == Path.GetFileName(byTime[1]));
    }

    /// <summary>
    /// Streams a small survey whose second image (of the first timestep) is held back; once every other image is
    /// committed, <paramref name="alsoThen"/> runs (incoming folder, the images in time order) and the held image lands.
    /// </summary>
    private async Task<(StreamRunner Stream, string Job, IReadOnlyList<string> ByTime)> StreamWithAnImageLandingLateAsync(
        Action<string, IReadOnlyList<string>> alsoThen)
    {
        var streaming = await StreamingJob.CreateAsync(_folder, seed: 11, timesteps: 3, imageSize: 96, sources: 8);
        var (job, incoming) = (streaming.Job, streaming.Incoming);
        var byTime = streaming.ImagesInTimeOrder();
        var straggler = byTime[1];
        foreach (var file in byTime.Where(f => f != straggler)) File.Copy(file, Path.Combine(incoming, Path.GetFileName(file)));
        var landed = false;
        await using var engine = new LocalEngine(2);
        var stream = new StreamRunner(engine, ProgressReporter.Silent(), new StreamOptions
        {
            TimestepWait = TimeSpan.FromSeconds(1), PollInterval = TimeSpan.FromMilliseconds(200),
            AfterCommit = (dataset, _) =>
            {
                if (!landed && ProcessedImages.FromDataset(dataset).Count == byTime.Count - 1)
                {
                    alsoThen(incoming, byTime);
                    File.Copy(straggler, Path.Combine(incoming, Path.GetFileName(straggler)));
                    landed = true;
                }
                return Task.CompletedTask;
            },
        });
        await stream.RunAsync(job, CancellationToken.None, stopWhenIdle: TimeSpan.FromSeconds(2));
        Assert.True(landed, "the stream never committed the images that were there from the start");
        return (stream, job, byTime);
    }

    [Fact]
    public async Task ACopyOfACommittedImageLandingLaterUnderAnotherNameIsRejectedAsADuplicate()
    {
        var streaming = await StreamingJob.CreateAsync(_folder, seed: 11, timesteps: 3, imageSize: 96, sources: 8);
        var (job, incoming) = (streaming.Job, streaming.Incoming);
        var byTime = streaming.ImagesInTimeOrder();
        foreach (var file in byTime) File.Copy(file, Path.Combine(incoming, Path.GetFileName(file)));

        // Once every image is committed, the first one's bytes land again under a name that sorts after it. The stream
        // keeps no fingerprint per committed image: the copy has its original's start time, so its batch is a full
        // appended run, which plans every image at once and finds the copy (docs/streaming.md, "What stays bounded").
        var copy = Path.Combine(incoming, "z-copy-" + Path.GetFileName(byTime[0]));
        await using var engine = new LocalEngine(2);
        var stream = new StreamRunner(engine, ProgressReporter.Silent(), new StreamOptions
        {
            TimestepWait = TimeSpan.FromSeconds(1), PollInterval = TimeSpan.FromMilliseconds(200),
            AfterCommit = (dataset, _) =>
            {
                if (!File.Exists(copy) && ProcessedImages.FromDataset(dataset).Count == byTime.Count) File.Copy(byTime[0], copy);
                return Task.CompletedTask;
            },
        });
        await stream.RunAsync(job, CancellationToken.None, stopWhenIdle: TimeSpan.FromSeconds(2));

        Assert.True(File.Exists(copy), "the stream never committed the images that were there from the start");
        Assert.InRange(stream.FullRuns, 1, stream.Runs - 1);
        var duplicate = Assert.Single(await ReadAsync<RejectionRow>(Path.Combine(job, "output"), DatasetTables.Rejections), r => r.ReasonId == RejectReason.Duplicate.Id);
        Assert.Equal(copy, duplicate.Url);
        Assert.Contains($"duplicate of image 0 ({Path.Combine(incoming, Path.GetFileName(byTime[0]))})", duplicate.Comment);
        await AssertEqualsABatchRunAsync(job, Path.Combine(job, "output"));
    }

    [Fact]
    public async Task UnreadableFilesAmongTheArrivalsAreRejectedWithoutReplayingTheHistory()
    {
        var streaming = await StreamingJob.CreateAsync(_folder, seed: 12, timesteps: 3, imageSize: 96, sources: 8);
        var (job, incoming) = (streaming.Job, streaming.Incoming);
        var timesteps = streaming.Timesteps();
        foreach (var file in timesteps[0]) File.Copy(file, Path.Combine(incoming, Path.GetFileName(file)));
        File.WriteAllText(Path.Combine(incoming, "broken-1.fits"), "not a FITS file");

        // Each commit lets the next timestep land, the second with another unreadable file: an unreadable
        // image's id follows the readable ones', so it changes with every batch, and no batch may replay.
        var next = 1;
        await using var engine = new LocalEngine(2);
        var stream = new StreamRunner(engine, ProgressReporter.Silent(), new StreamOptions
        {
            TimestepWait = TimeSpan.FromSeconds(1), PollInterval = TimeSpan.FromMilliseconds(200),
            AfterCommit = (_, _) =>
            {
                if (next < timesteps.Count)
                {
                    foreach (var file in timesteps[next]) File.Copy(file, Path.Combine(incoming, Path.GetFileName(file)));
                    if (next == 1) File.WriteAllText(Path.Combine(incoming, "broken-2.fits"), "not a FITS file either");
                    next++;
                }
                return Task.CompletedTask;
            },
        });
        await stream.RunAsync(job, CancellationToken.None, stopWhenIdle: TimeSpan.FromSeconds(2));

        Assert.True(stream.Runs >= timesteps.Count, $"{stream.Runs} batches for {timesteps.Count} timesteps landing one after another");
        Assert.Equal(0, stream.FullRuns);
        await AssertEqualsABatchRunAsync(job, Path.Combine(job, "output"));
        var rejections = await ReadAsync<RejectionRow>(Path.Combine(job, "output"), DatasetTables.Rejections);
        Assert.Equal(new[] { "broken-1.fits", "broken-2.fits" },
            rejections.Select(r => Path.GetFileName(r.Url)).Where(f => f.StartsWith("broken-", StringComparison.Ordinal)).Order(StringComparer.Ordinal));

        // Restarted, the stream rebuilds its state with the unreadable files and carries on incrementally.
        var restarted = new StreamRunner(engine, ProgressReporter.Silent(), new StreamOptions
        {
            TimestepWait = TimeSpan.FromSeconds(1), PollInterval = TimeSpan.FromMilliseconds(200),
        });
        File.WriteAllText(Path.Combine(incoming, "broken-3.fits"), "still not a FITS file");
        await restarted.RunAsync(job, CancellationToken.None, stopWhenIdle: TimeSpan.FromSeconds(2));
        Assert.True(restarted.Runs >= 1);
        Assert.Equal(0, restarted.FullRuns);
        Assert.Equal(3, (await ReadAsync<RejectionRow>(Path.Combine(job, "output"), DatasetTables.Rejections)).Count(r => Path.GetFileName(r.Url).StartsWith("broken-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ALongStreamMergesItsAppendedPartsAndStillEqualsABatchRun()
    {
        var streaming = await StreamingJob.CreateAsync(_folder, seed: 12, timesteps: 9, imageSize: 96, sources: 8);
        // A short, strict historical QC: each one-timestep batch's verdicts depend on the earlier batches' images.
        await File.AppendAllTextAsync(Path.Combine(streaming.Job, "job.cfg"), "[quality]\nrms_est_history = 3\nrms_rej_sigma = 1\n");
        // Nine batches of one timestep each.
        await using var engine = new LocalEngine(2);
        var stream = await StreamOneTimestepPerCommitAsync(streaming, engine);

        Assert.Equal((streaming.Timesteps().Count, 0), (stream.Runs, stream.FullRuns));
        // The first eight batches' parts were merged into one of the next level; the ninth batch's is on its own.
        Assert.Equal(2, ParquetTableReader.Parts(streaming.Output, DatasetTables.ExtractedSources).Count);
        Assert.Contains(await ReadAsync<RejectionRow>(streaming.Output, DatasetTables.Rejections), r => r.ReasonId == RejectReason.RmsInvalid.Id);
        await AssertEqualsABatchRunAsync(streaming.Job, streaming.Output);
    }

    [Fact]
    public async Task AStreamWithAShortVariabilityWindowHoldsAtMostTheWindowAndStillEqualsABatchRun()
    {
        const int window = 1, bands = 2;
        var streaming = await StreamingJob.CreateAsync(_folder, seed: 15, timesteps: 6, imageSize: 96, sources: 8);
        await File.AppendAllTextAsync(Path.Combine(streaming.Job, "job.cfg"), $"[association]\nvariability_window = {window}\n");
        await using var engine = new LocalEngine(2);
        var stream = await StreamOneTimestepPerCommitAsync(streaming, engine);

        Assert.Equal((streaming.Timesteps().Count, 0), (stream.Runs, stream.FullRuns));
        // Per source at most W points per band and the rows at its bands' latest times (docs/streaming.md),
        // far fewer than the light curves' measurements.
        var catalogues = stream.State!.Buckets.Values.Select(b => b.Catalogue).ToList();
        var held = catalogues.Sum(c => c.RetainedLightCurvePoints);
        Assert.InRange(held, 1, catalogues.Sum(c => c.Count) * bands * (window + bands));
        var measurements = (await ReadAsync<AssociationRow>(streaming.Output, DatasetTables.Associations)).Count;
        Assert.True(held < measurements / 2, $"{held} points held for {measurements} measurements");
        // The candidates' kept curves too: the window's last points each (docs/science.md §8.4).
        var kept = stream.State.LightCurves;
        Assert.NotEqual(0, kept.Count);
        Assert.InRange(kept.Points, kept.Count, kept.Count * window);
        await AssertEqualsABatchRunAsync(streaming.Job, streaming.Output);
    }

    [Fact]
    public async Task TheStreamKeepsNoRecordPerCommittedImageButGivesTheCandidateStageEachImageAsItsRowHasIt()
    {
        var streaming = await StreamingJob.CreateAsync(_folder, seed: 16, timesteps: 4, imageSize: 64, sources: 6);
        await using var engine = new LocalEngine(2);
        var stream = await StreamOneTimestepPerCommitAsync(streaming, engine);

        // The plan keeps nothing per image, the candidate stage's images a compact entry and a front-coded path
        // (docs/streaming.md, "What stays bounded"; their bytes per image: GrowingPlanTests, CommittedImagesTests):
        // what the stage is given of each image is still exactly what the committed images table holds.
        var state = stream.State!;
        var rows = (await ReadAsync<ImageRow>(streaming.Output, DatasetTables.Images)).OrderBy(r => r.ImageId).ToList();
        Assert.Equal(streaming.Timesteps().Sum(t => t.Count), rows.Count);
        Assert.Equal((rows.Count, rows.Count), (state.Planner.Count, state.Images.Count));
        Assert.Equal(rows.Select(CandidateImage.Of), state.Images.Values);
        Assert.Equal(CandidateImage.Of(rows[^1]), state.Images[rows.Count - 1]);
    }

    [Fact]
    public async Task AStreamLongerThanTheImagesKeptInMemoryReadsTheOlderOnesFromItsScratchFileAndStillEqualsABatchRun()
    {
        // 1,200 committed images, more than the 16 blocks of 64 the candidate stage's images keep in memory: the older
        // go to the work folder's scratch file (docs/streaming.md, "What stays bounded"), and the second batch's
        // candidate stage reads its light curves' images back from it.
        var streaming = await StreamingJob.CreateAsync(_folder, seed: 17, timesteps: 600, imageSize: 64, sources: 6);
        var timesteps = streaming.Timesteps();
        void Land(IEnumerable<List<string>> some)
        {
            foreach (var file in some.SelectMany(t => t)) File.Copy(file, Path.Combine(streaming.Incoming, Path.GetFileName(file)));
        }

        Land(timesteps.Take(560));
        var rest = timesteps.Skip(560).ToList();
        await using var engine = new LocalEngine(2);
        StreamRunner? stream = null;
        var checkedImages = 0;
        stream = new StreamRunner(engine, ProgressReporter.Silent(), new StreamOptions
        {
            TimestepWait = TimeSpan.FromMilliseconds(150), PollInterval = TimeSpan.FromMilliseconds(50),
            AfterCommit = async (output, _) =>
            {
                Land(rest);
                rest.Clear();
                // While the stream runs (its state, and the file's handle, go when it ends): every committed image as its row has it.
                var state = stream!.State!;
                var rows = (await ReadAsync<ImageRow>(output, DatasetTables.Images)).OrderBy(r => r.ImageId).ToList();
                Assert.Equal(rows.Count, state.Images.Count);
                Assert.Equal(rows.Select(CandidateImage.Of), state.Images.Values);
                checkedImages = rows.Count;
            },
        });
        await stream.RunAsync(streaming.Job, CancellationToken.None, stopWhenIdle: TimeSpan.FromMilliseconds(500));

        Assert.Equal(1200, checkedImages);
        Assert.True(new FileInfo(new WorkFolder(Path.Combine(streaming.Output, DatasetFolder.WorkCacheFolder)).StreamImages).Length > 0);
        Assert.NotEqual(0, stream.State!.LightCurves.ReadFromDataset);
        await AssertEqualsABatchRunAsync(streaming.Job, streaming.Output);
    }

    [Fact]
    public async Task TheCandidatesLightCurvesAreCarriedOnFromBatchToBatchAndEqualABatchRuns()
    {
        var streaming = await StreamingJob.CreateAsync(_folder, seed: 13, timesteps: 6, imageSize: 128, sources: 20);
        await using var engine = new LocalEngine(2);
        var stream = await StreamOneTimestepPerCommitAsync(streaming, engine);

        Assert.Equal((streaming.Timesteps().Count, 0), (stream.Runs, stream.FullRuns));
        Assert.NotEmpty(await ReadAsync<CandidateRow>(streaming.Output, DatasetTables.Candidates));
        // A selected source's light curve is read from the tables once, then carried on with each batch's rows.
        var curves = stream.State!.LightCurves;
        Assert.True(curves.ReadFromDataset < curves.Served, $"{curves.ReadFromDataset} light curves read of {curves.Served} served");
        await AssertEqualsABatchRunAsync(streaming.Job, streaming.Output);
    }

    [Fact]
    public async Task ImagesAreExtractedAsTheyArriveAndTheStreamStillEqualsABatchRun()
    {
        var streaming = await StreamingJob.CreateAsync(_folder, seed: 14, timesteps: 5, imageSize: 96, sources: 8);
        await using var engine = new LocalEngine(2);
        var stream = await StreamOneTimestepPerCommitAsync(streaming, engine);

        Assert.Equal((streaming.Timesteps().Count, 0), (stream.Runs, stream.FullRuns));
        // Every image was extracted as it arrived, none again by its batch; each batch waits for its timestep to
        // be quiet, by when (a 96² image takes milliseconds) extractions are done.
        var images = streaming.ImagesInTimeOrder().Count;
        Assert.Equal(images, stream.ExtractedAhead);
        Assert.InRange(stream.ReadyBeforeBatch, 1, images);
        await AssertEqualsABatchRunAsync(streaming.Job, streaming.Output);
    }

    [Fact]
    public async Task AStreamSendsEachCandidatesAlertOnceAfterTheBatchThatCommitsIt()
    {
        await using var broker = new LoopbackBroker((_, _) => Task.FromResult<byte[]?>(LoopbackBroker.Answer("ack")));
        var streaming = await StreamingJob.CreateAsync(_folder, seed: 13, timesteps: 6, imageSize: 128, sources: 20);
        await File.AppendAllTextAsync(Path.Combine(streaming.Job, "job.cfg"), $"[alerts]\nbroker = {broker.Address}\nbroker_timeout_s = 5\nbroker_retries = 0\n");
        var sentAtCommit = new List<int>();
        await using var engine = new LocalEngine(2);
        var stream = await StreamOneTimestepPerCommitAsync(streaming, engine, () =>
        {
            lock (broker.Received) sentAtCommit.Add(broker.Received.Count);
        });

        Assert.Equal((streaming.Timesteps().Count, 0), (stream.Runs, stream.FullRuns));
        var candidates = await ReadAsync<CandidateRow>(streaming.Output, DatasetTables.Candidates);
        Assert.NotEmpty(candidates);
        var received = broker.Received.Select(p => Regex.Match(Encoding.UTF8.GetString(p), "ivorn=\"([^\"]+)\"").Groups[1].Value).ToList();
        // Every candidate went out, by the batch that committed it (before the next batch began), and no packet went twice.
        Assert.All(candidates, c => Assert.Contains(c.Ivorn, received));
        Assert.Equal(broker.Received.Count, sentAtCommit[^1]);
        Assert.Equal(received.Count, SentAlerts.Load(streaming.Output).Count);
    }

    [Fact]
    public async Task AFailedLoadAfterACommitStopsTheStreamWithTheBatchCommitted()
    {
        SurveyWriter.Write(new Survey(new SurveySpec
        {
            Seed = 10, Pointings = 1, BandFrequenciesHz = SurveySpec.HbaBands(1), Timesteps = 2, ImageSize = 96,
            SourcesPerPointing = 8, BadImages = BadImageFractions.None,
        }), _folder);
        await File.WriteAllTextAsync(Path.Combine(_folder, "job.cfg"), "[job]\nimages = images/**/*.fits\noutput = output\n");
        await using var engine = new LocalEngine(2);
        var stream = new StreamRunner(engine, ProgressReporter.Silent(), new StreamOptions
        {
            TimestepWait = TimeSpan.FromSeconds(1), PollInterval = TimeSpan.FromMilliseconds(200),
            AfterCommit = (_, _) => throw new InvalidOperationException("the database is down"),
        });

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => stream.RunAsync(_folder, CancellationToken.None, stopWhenIdle: TimeSpan.FromSeconds(2)));

        Assert.Equal("the database is down", failure.Message);
        Assert.Equal(1, stream.Runs);
        Assert.NotEmpty(await ReadAsync<ImageRow>(Path.Combine(_folder, "output"), DatasetTables.Images));
    }

    /// <summary>Asserts the streamed dataset <paramref name="streamed"/> equals a batch run of the job, table by table; returns the comparison.</summary>
    private async Task<IReadOnlyList<TableDifference>> AssertEqualsABatchRunAsync(string job, string streamed)
    {
        await using (var batch = new LocalEngine(2))
        {
            await new JobRunner(batch, ProgressReporter.Silent()).RunAsync(job, Path.Combine(_folder, "batch"));
        }
        var differences = await DatasetComparer.CompareAsync(streamed, Path.Combine(_folder, "batch"));
        Assert.All(differences, d => Assert.True(d.Same, $"{d.Table}: {d.RowsA} streamed, {d.RowsB} batch; only streamed: {string.Join(" | ", d.OnlyInA)}"));
        return differences;
    }

    private static async Task<List<T>> ReadAsync<T>(string dataset, string table) where T : class, new()
    {
        var rows = new List<T>();
        await foreach (var row in ParquetTableReader.ReadTableAsync<T>(dataset, table)) rows.Add(row);
        return rows;
    }

    /// <summary>Streams the survey with one timestep landing in the incoming folder after each commit (after <paramref name="atCommit"/>), until idle.</summary>
    private static async Task<StreamRunner> StreamOneTimestepPerCommitAsync(StreamingJob streaming, IEngine engine, Action? atCommit = null)
    {
        var timesteps = streaming.Timesteps();
        var next = 0;
        void Land()
        {
            foreach (var file in timesteps[next++]) File.Copy(file, Path.Combine(streaming.Incoming, Path.GetFileName(file)));
        }

        Land();
        var stream = new StreamRunner(engine, ProgressReporter.Silent(), new StreamOptions
        {
            TimestepWait = TimeSpan.FromMilliseconds(150), PollInterval = TimeSpan.FromMilliseconds(50),
            AfterCommit = (_, _) =>
            {
                atCommit?.Invoke();
                if (next < timesteps.Count) Land();
                return Task.CompletedTask;
            },
        });
        await stream.RunAsync(streaming.Job, CancellationToken.None, stopWhenIdle: TimeSpan.FromMilliseconds(500));
        return stream;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
