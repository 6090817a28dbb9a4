using System.Globalization;
using Trap.Configuration;
using Trap.Science.Association;

namespace Trap.Pipeline.Configuration;

/// <summary>
/// The monitoring list: positions to forced-fit in every image that covers them (TraP's monitor
/// table). A CSV file with a header naming at least ra_deg and dec_deg (optional name); ids are the
/// 1-based row numbers, so every worker derives the same ids from the same file.
/// </summary>
public static class MonitorList
{
    public sealed record Entry(MonitorPosition Position, string Name);

    /// <summary>Reads the list named by [job] monitor_list, relative to the job file's folder; empty when unset.</summary>
    public static IReadOnlyList<Entry> Load(JobConfig config, string jobFile)
    {
        if (string.IsNullOrWhiteSpace(config.Job.MonitorList)) return Array.Empty<Entry>();
        var folder = Path.GetDirectoryName(Path.GetFullPath(jobFile)) ?? ".";
        var path = Path.GetFullPath(Path.Combine(folder, config.Job.MonitorList));
        if (!File.Exists(path))
        {
            throw new JobConfigException(jobFile, 0, $"monitor_list file '{path}' does not exist; fix the path or leave monitor_list empty");
        }
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0) return Array.Empty<Entry>();
        var header = lines[0].Split(',').Select(h => h.Trim().ToLowerInvariant()).ToList();
        var (ra, dec, name) = (header.IndexOf("ra_deg"), header.IndexOf("dec_deg"), header.IndexOf("name"));
        if (ra < 0 || dec < 0)
        {
            throw new JobConfigException(path, 1, "the monitor list needs a header line with columns ra_deg and dec_deg (and optionally name)");
        }
        var entries = new List<Entry>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i])) continue;
            var cells = lines[i].Split(',').Select(c => c.Trim()).ToArray();
            if (cells.Length <= Math.Max(ra, dec) ||
                !double.TryParse(cells[ra], NumberStyles.Float, CultureInfo.InvariantCulture, out var raDeg) ||
                !double.TryParse(cells[dec], NumberStyles.Float, CultureInfo.InvariantCulture, out var decDeg) ||
                decDeg is < -90 or > 90)
            {
                throw new JobConfigException(path, i + 1, $"expected ra_deg,dec_deg in degrees (dec within ±90), got '{lines[i]}'");
            }
            var label = name >= 0 && name < cells.Length ? cells[name] : "";
            entries.Add(new Entry(new MonitorPosition(entries.Count + 1, ((raDeg % 360) + 360) % 360, decDeg), label));
        }
        return entries;
    }
}
