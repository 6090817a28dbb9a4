using System.CommandLine;
using Trap.Pipeline.Progress;
using Trap.Pipeline.Streaming;
using Trap.Storage.Connection;

namespace Trap.Cli.Commands;

/// <summary>`trap stream JOB`: processes a job's images as they arrive (a watched folder, AARTFAAC TCP feeds), until Ctrl-C.</summary>
public static class StreamCommand
{
    public static Command Create()
    {
        var job = new Argument<string>("JOB_FOLDER") { Description = "the job folder (its job.cfg says which images and where the dataset goes)" };
        var feeds = new Option<string[]>("--feed")
        {
            Description = "an AARTFAAC imager to connect to (repeatable); each image it sends is written into --incoming",
            HelpName = "HOST:PORT",
            AllowMultipleArgumentsPerToken = false,
        };
        var incoming = new Option<string?>("--incoming")
        {
            Description = "where feed images are written (default JOB_FOLDER/incoming); [job] images must cover it, e.g. images = incoming/*.fits",
            HelpName = "DIR",
        };
        var wait = new Option<double>("--timestep-wait")
        {
            Description = "seconds a timestep with no newer image waits after its last image before it is processed (0 to 3600, default 5)",
            HelpName = "SECONDS",
            DefaultValueFactory = _ => 5,
        };
        var backlog = new Option<int>("--max-backlog")
        {
            Description = "the most images of complete timesteps that may wait; when processing falls further behind, the oldest timesteps are " +
                          "dropped (recorded as rejected, reason stream_backlog) and counted (default 5000; 0: no bound)",
            HelpName = "IMAGES",
            DefaultValueFactory = _ => new StreamOptions().MaxBacklogImages,
        };
        var extractAhead = new Option<int>("--extract-ahead")
        {
            Description = "the most arrived images extracted ahead of their batch and held in memory (a few tens of kB each); " +
                          "beyond it an image is extracted by its batch (default 500; 0: each batch extracts its own images)",
            HelpName = "IMAGES",
            DefaultValueFactory = _ => new StreamOptions().ExtractAheadImages,
        };
        var database = CliOptions.Database("after each committed batch, load what it changed into this catalogue database in one transaction " +
                                           "(incremental: docs/database.md)");
        var passwordFile = new Option<string?>("--database-password-file") { Description = "read the database password from this file", HelpName = "FILE" };
        var noDatabase = new Option<bool>("--no-database") { Description = $"do not load into a database, even if ${DatabaseSettings.EnvironmentVariable} is set" };
        var master = CliOptions.Master();
        var logLevel = CliOptions.LogLevel();
        var command = new Command("stream",
            "process a job's images as they arrive, a timestep once it is complete, until Ctrl-C; the dataset grows by atomic commits and " +
            "equals a batch run over the same images; restarted, it continues where the dataset ends (docs/streaming.md)")
        {
            job, feeds, incoming, wait, backlog, extractAhead, database, passwordFile, noDatabase, master, logLevel,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var seconds = parse.GetValue(wait);
            if (seconds is < 0 or > 3600) throw new CliUsageException($"--timestep-wait expects 0 to 3600 seconds, got {seconds}");
            if (parse.GetValue(backlog) < 0) throw new CliUsageException($"--max-backlog expects 0 (no bound) or more images, got {parse.GetValue(backlog)}");
            if (parse.GetValue(extractAhead) < 0) throw new CliUsageException($"--extract-ahead expects 0 (off) or more images, got {parse.GetValue(extractAhead)}");
            InlinePassword.WarnIfAny("stream", "--database", parse.GetValue(database));
            var settings = parse.GetValue(noDatabase) ? null : RunCommand.DatabaseFor(parse.GetValue(database), parse.GetValue(passwordFile));
            var jobFolder = parse.GetValue(job)!;
            var progress = ProgressReporter.ForConsole();
            AartfaacReceiver[] receivers;
            try
            {
                receivers = (parse.GetValue(feeds) ?? []).Select(f => new AartfaacReceiver(f, parse.GetValue(incoming) ?? Path.Combine(jobFolder, "incoming"),
                    message => progress.Message("trap stream: " + message))).ToArray();
            }
            catch (ArgumentException e)
            {
                throw new CliUsageException(e.Message);
            }
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            var receiving = receivers.Select(r => r.RunAsync(stop.Token)).ToArray();
            try
            {
                if (settings is not null) await RunCommand.PrepareSchemaAsync(settings, stop.Token);
                await using var engine = RunCommand.CreateEngine(parse.GetValue(master)!, new() { LogLevel = parse.GetValue(logLevel) });
                await new StreamRunner(engine, progress, new StreamOptions
                {
                    TimestepWait = TimeSpan.FromSeconds(seconds), MaxBacklogImages = parse.GetValue(backlog),
                    ExtractAheadImages = parse.GetValue(extractAhead),
                    AfterCommit = settings is null ? null : (dataset, token) => RunCommand.LoadAsync(settings, dataset, replace: false, token),
                }).RunAsync(jobFolder, stop.Token);
            }
            finally
            {
                await stop.CancelAsync();
                await Task.WhenAll(receiving);
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
