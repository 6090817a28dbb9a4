namespace Trap.Alerts;

/// <summary>
/// The alerts a dataset's broker has acknowledged, one line per (IVORN, class rule), kept in the
/// dataset (`alerts-sent.tsv`, docs/outputs.md) so that a re-run, an appended run or a restarted
/// stream sends each source's alert once per rule that fires, not again with every run. The file is
/// rewritten whole under a temporary name and then renamed, so a crash leaves the old or the new
/// list. Delivery is at least once: a crash between the broker's ack and the rename sends that
/// alert again.
/// </summary>
public sealed class SentAlerts
{
    public const string FileName = "alerts-sent.tsv";

    private readonly string _path;
    private readonly SortedDictionary<(string Ivorn, string Rule), DateTime> _sent = new();

    private SentAlerts(string path) => _path = path;

    /// <summary>The list in <paramref name="datasetFolder"/>, empty when it has none.</summary>
    public static SentAlerts Load(string datasetFolder)
    {
        var alerts = new SentAlerts(Path.Combine(datasetFolder, FileName));
        if (!File.Exists(alerts._path)) return alerts;
        foreach (var line in File.ReadLines(alerts._path))
        {
            var parts = line.Split('\t');
            if (parts.Length == 3 && DateTime.TryParse(parts[2], null, System.Globalization.DateTimeStyles.RoundtripKind, out var when))
            {
                alerts._sent[(parts[0], parts[1])] = when;
            }
        }
        return alerts;
    }

    public int Count => _sent.Count;

    public bool Contains(string ivorn, string rule) => _sent.ContainsKey((ivorn, rule));

    public void Add(string ivorn, string rule, DateTime sentUtc) => _sent.TryAdd((ivorn, rule), sentUtc);

    /// <summary>Writes the list whole (temporary name, then rename).</summary>
    public void Save()
    {
        var partial = _path + ".partial";
        File.WriteAllLines(partial, _sent.Select(s => $"{s.Key.Ivorn}\t{s.Key.Rule}\t{s.Value:O}"));
        File.Move(partial, _path, overwrite: true);
    }

    /// <summary>Carries the list of an earlier dataset into the folder that will replace it.</summary>
    public static void CarryOver(string fromDataset, string toFolder)
    {
        var from = Path.Combine(fromDataset, FileName);
        if (File.Exists(from)) File.Copy(from, Path.Combine(toFolder, FileName), overwrite: true);
    }
}
