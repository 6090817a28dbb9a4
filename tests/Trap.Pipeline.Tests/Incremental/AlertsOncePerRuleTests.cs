using Trap.Alerts;
using Trap.Engine;
using Trap.Pipeline.Progress;
using Trap.Pipeline.Tests.EndToEnd;
using Trap.TestSupport;

namespace Trap.Pipeline.Tests.Incremental;

/// <summary>
/// A job run again (a re-run, an appended run, a restarted stream) sends each candidate's VOEvent to
/// the broker once per class rule: what the broker acknowledged before is left out, and a packet the
/// broker did not acknowledge is sent again.
/// </summary>
[Collection(SurveyRunCollection.Name)]
public class AlertsOncePerRuleTests
{
    private readonly SurveyRun _run;

    public AlertsOncePerRuleTests(SurveyRun run) => _run = run;

    [Fact]
    public async Task ASecondRunSendsNoAlertTheBrokerAlreadyAcknowledged()
    {
        var refuseFirst = true;
        await using var broker = new LoopbackBroker((i, _) => Task.FromResult<byte[]?>(
            LoopbackBroker.Answer(refuseFirst && i == 0 ? "nak" : "ack", refuseFirst && i == 0 ? "busy" : null)));
        var jobFile = Path.Combine(_run.Folder, "once-per-rule.cfg");
        await File.WriteAllTextAsync(jobFile, "[job]\nimages = images/**/*.fits\noutput = once-per-rule-output\n" +
                                              $"[alerts]\nbroker = {broker.Address}\nbroker_timeout_s = 5\nbroker_retries = 0\n");
        await using var engine = new LocalEngine(2);

        var first = await new JobRunner(engine, ProgressReporter.Silent()).RunAsync(jobFile);
        var firstReport = Assert.IsType<VoEventSendReport>(first.Alerts);
        Assert.True(first.Candidates > 1, "the survey gave too few candidates to alert on");
        Assert.Equal(first.Candidates - 1, firstReport.Acknowledged);
        Assert.Equal(1, firstReport.NotDelivered);

        refuseFirst = false;
        var second = await new JobRunner(engine, ProgressReporter.Silent()).RunAsync(jobFile);
        var secondReport = Assert.IsType<VoEventSendReport>(second.Alerts);
        // Only the packet refused the first time goes out again.
        Assert.Equal(first.Candidates - 1, secondReport.AlreadySent);
        Assert.Equal(1, secondReport.Acknowledged);
        Assert.Equal(0, secondReport.NotDelivered);
        Assert.Equal(first.Candidates + 1, broker.Received.Count);
        Assert.Equal(first.Candidates, SentAlerts.Load(second.OutputFolder).Count);
    }
}
