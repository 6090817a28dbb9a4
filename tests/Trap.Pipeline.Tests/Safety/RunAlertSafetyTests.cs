using Trap.Dataset;
using Trap.Engine;
using Trap.Pipeline.Output;
using Trap.Pipeline.Progress;
using Trap.Pipeline.Tests.EndToEnd;
using Trap.TestSupport;

namespace Trap.Pipeline.Tests.Safety;

/// <summary>
/// A run whose VOEvents do not reach the broker still writes and commits its dataset, and its summary
/// says how many packets were not delivered (the command line turns that into exit status 3).
/// </summary>
[Collection(SurveyRunCollection.Name)]
public class RunAlertSafetyTests
{
    private readonly SurveyRun _run;

    public RunAlertSafetyTests(SurveyRun run) => _run = run;

    [Fact]
    public async Task AnUnreachableBrokerLeavesTheOutputCommittedAndEveryPacketCountedAsNotDelivered()
    {
        // A second job file beside the survey's: same images, its own output, a broker nobody listens on.
        var jobFile = Path.Combine(_run.Folder, "unreachable-broker.cfg");
        await File.WriteAllTextAsync(jobFile, "[job]\nimages = images/**/*.fits\noutput = unreachable-broker-output\n" +
                                              $"[alerts]\nbroker = 127.0.0.1:{LoopbackPort.Unused()}\nbroker_timeout_s = 2\nbroker_retries = 0\n");
        await using var engine = new LocalEngine();

        var summary = await new JobRunner(engine, ProgressReporter.Silent()).RunAsync(jobFile);

        var alerts = Assert.IsType<Trap.Alerts.VoEventSendReport>(summary.Alerts);
        Assert.True(summary.Candidates > 0, "the survey gave no candidates to alert on");
        Assert.Equal(summary.Candidates, alerts.Packets);
        Assert.Equal(alerts.Packets, alerts.NotDelivered);
        Assert.True(File.Exists(Path.Combine(summary.OutputFolder, DatasetTables.Dataset, "part-00000.parquet")));
    }
}
