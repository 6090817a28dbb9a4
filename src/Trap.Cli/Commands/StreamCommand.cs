using System.Globalization;
using Trap.Engine.Cluster;
using Trap.Pipeline.Progress;
using Trap.Pipeline.Streaming;

namespace Trap.Cli.Commands;

/// <summary>`trap stream JOB`: processes a job's images as they arrive (a watched folder, AARTFAAC TCP feeds), until Ctrl-C.</summary>
public sealed class StreamCommand : ICliCommand
{
    private const string Usage =
        "usage: trap stream JOB_FOLDER [--feed HOST:PORT]... [--incoming DIR] [--timestep-wait SECONDS] [--master local[N]]\n" +
        "  images matching the job's [job] images are processed as they arrive, a timestep once it is complete\n" +
        "  (a newer one began, or none of its images came for --timestep-wait seconds, default 5);\n" +
        "  --feed connects to an AARTFAAC imager and writes each image into --incoming (default JOB/incoming),\n" +
        "  which [job] images must cover (e.g. images = incoming/*.fits). Restarting continues where the dataset ends.";

    public string Name => "stream";

    public string Summary => "process a job's images as they arrive (watched folder, AARTFAAC feeds) until Ctrl-C";

    public int Run(IReadOnlyList<string> args)
    {
        var parsed = CliArguments.Parse(args, new[] { "feed", "incoming", "timestep-wait", "master" });
        if (parsed.Positionals.Count != 1) throw new CliUsageException(Usage);
        var job = parsed.Positionals[0];
        var wait = 5.0;
        if (parsed.Get("timestep-wait") is { } text &&
            !(double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out wait) && wait is >= 0 and <= 3600))
        {
            throw new CliUsageException($"--timestep-wait expects 0 to 3600 seconds, got '{text}'");
        }
        var incoming = parsed.Get("incoming") ?? Path.Combine(job, "incoming");
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
        var progress = ProgressReporter.ForConsole();
        AartfaacReceiver[] feeds;
        try
        {
            feeds = parsed.GetAll("feed").Select(f => new AartfaacReceiver(f, incoming, m => progress.Message("trap stream: " + m))).ToArray();
        }
        catch (ArgumentException e)
        {
            throw new CliUsageException(e.Message);
        }
        var receiving = feeds.Select(f => f.RunAsync(stop.Token)).ToArray();
        var engine = EngineFactory.Create(parsed.Get("master") ?? "local[*]", new EngineOptions());
        try
        {
            new StreamRunner(engine, progress, new StreamOptions { TimestepWait = TimeSpan.FromSeconds(wait) })
                .RunAsync(job, stop.Token).GetAwaiter().GetResult();
        }
        finally
        {
            stop.Cancel();
            Task.WaitAll(receiving);
            engine.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        return 0;
    }
}
