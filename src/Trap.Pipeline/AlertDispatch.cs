using Trap.Alerts;
using Trap.Dataset;
using Trap.Dataset.Rows;
using Trap.Pipeline.Progress;

namespace Trap.Pipeline;

/// <summary>Sends a committed dataset's VOEvents: after `trap run` and after each batch of `trap stream` (docs/outputs.md).</summary>
public static class AlertDispatch
{
    /// <summary>
    /// Sends the committed dataset's VOEvents when [alerts] broker is set (null otherwise), each
    /// candidate once per class rule: what the broker acknowledged in earlier runs of the job is left
    /// out (<see cref="SentAlerts"/>). The output stays locked meanwhile.
    /// </summary>
    public static async Task<VoEventSendReport?> SendAsync(AlertConfig alerts, string outputFolder, ProgressReporter progress, CancellationToken cancellation)
    {
        if (alerts.Broker.Length == 0 || !alerts.WriteVoevents) return null;
        var sent = SentAlerts.Load(outputFolder);
        var ruleOf = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var candidate in ParquetTableReader.ReadTableAsync<CandidateRow>(outputFolder, DatasetTables.Candidates))
        {
            ruleOf[candidate.Ivorn] = candidate.ClassRule;
        }
        var report = await VoEventFolder.SendAllAsync(Path.Combine(outputFolder, DatasetTables.VoEventsFolder),
            VoEventSender.From(alerts), message => progress.Message("trap: " + message), cancellation,
            alreadySent: ivorn => sent.Contains(ivorn, ruleOf.GetValueOrDefault(ivorn, "")));
        foreach (var answer in report.Answers.Where(a => a.Acknowledged))
        {
            sent.Add(answer.Ivorn, ruleOf.GetValueOrDefault(answer.Ivorn, ""), DateTime.UtcNow);
        }
        sent.Save();
        progress.Message($"trap: {report.Acknowledged} of {report.Packets - report.AlreadySent} new VOEvents acknowledged by broker {report.Broker}" +
                         (report.AlreadySent > 0 ? $" ({report.AlreadySent} sent in earlier runs left out)" : ""));
        return report;
    }
}
