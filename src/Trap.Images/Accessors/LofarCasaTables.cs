using System.Globalization;
using Trap.Formats.Casa;

namespace Trap.Images.Accessors;

/// <summary>What the LOFAR_* subtables of a LOFAR CASA image say about the observation.</summary>
public sealed record LofarCasaObservation(LofarFields Fields, DateTime StartUtc, double IntegrationSeconds);

/// <summary>
/// Reads the LOFAR_* subtables of a LOFAR CASA image ("CASA image for LOFAR" v0.03, docs/science.md §10.4)
/// with casacore's taql, as TraP's LofarCasaImage does:
/// start = earliest LOFAR_OBSERVATION.OBSERVATION_START (MJD seconds, UTC; TraP's local-time shift is
/// not copied); integration = total length of the union of the LOFAR_ORIGIN [START, END] intervals;
/// antenna set = the single ANTENNA_SET; subbands = the NUM_CHAN all LOFAR_ORIGIN rows share (each
/// AWImager "channel" is one averaged subband); subband width = CLOCK_FREQUENCY / 1024; stations =
/// LOFAR_ANTENNA names whose row of NVIS_USED (first observation row) sums above 0, counted per antenna
/// field: 'CS*' core, 'RS*' remote, others international.
/// </summary>
public static class LofarCasaTables
{
    private static readonly DateTime MjdEpoch = new(1858, 11, 17, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>True when the image carries the LOFAR_OBSERVATION subtable this reader needs.</summary>
    public static bool Present(string imageDirectory) =>
        Directory.Exists(Path.Combine(imageDirectory, "LOFAR_OBSERVATION")) &&
        Directory.Exists(Path.Combine(imageDirectory, "LOFAR_ORIGIN")) &&
        Directory.Exists(Path.Combine(imageDirectory, "LOFAR_ANTENNA"));

    public static LofarCasaObservation Read(string imageDirectory)
    {
        var observations = CasaTableQuery.Select(imageDirectory,
            "select ANTENNA_SET, str(CLOCK_FREQUENCY Hz, '%.17g'), str(OBSERVATION_START s, '%.17g') from LOFAR_OBSERVATION");
        if (observations.Count == 0) throw Invalid(imageDirectory, "LOFAR_OBSERVATION has no rows");
        var antennaSets = observations.Select(row => row[0].Trim()).Distinct().ToArray();
        if (antennaSets.Length != 1 || antennaSets[0].Length == 0)
        {
            throw Invalid(imageDirectory, $"LOFAR_OBSERVATION holds {antennaSets.Length} antenna sets ({string.Join(", ", antennaSets)}), not one");
        }
        var clockHz = Number(observations[0], 1, imageDirectory, "CLOCK_FREQUENCY");
        var start = observations.Min(row => Number(row, 2, imageDirectory, "OBSERVATION_START"));

        var origins = CasaTableQuery.Select(imageDirectory,
            "select str(START s, '%.17g'), str(END s, '%.17g'), NUM_CHAN from LOFAR_ORIGIN");
        if (origins.Count == 0) throw Invalid(imageDirectory, "LOFAR_ORIGIN has no rows");
        var intervals = origins.Select(row => (Number(row, 0, imageDirectory, "START"), Number(row, 1, imageDirectory, "END")));
        var channels = origins.Select(row => row.Length > 2 ? row[2].Trim() : string.Empty).Distinct().ToArray();
        if (channels.Length != 1 || !int.TryParse(channels[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var subbands))
        {
            throw Invalid(imageDirectory, $"LOFAR_ORIGIN rows disagree on NUM_CHAN ({string.Join(", ", channels)})");
        }

        var (core, remote, international) = CountStations(imageDirectory);
        var fields = new LofarFields(antennaSets[0], core, remote, international, subbands, clockHz / 1024.0, null);
        var startUtc = MjdEpoch.AddSeconds(start);
        return new LofarCasaObservation(fields, startUtc, UnionLength(intervals));
    }

    /// <summary>Total length of the union of [start, end] intervals (overlaps counted once).</summary>
    public static double UnionLength(IEnumerable<(double Start, double End)> intervals)
    {
        var total = 0.0;
        double? runStart = null, runEnd = null;
        foreach (var (s, e) in intervals.Where(i => i.End > i.Start).OrderBy(i => i.Start))
        {
            if (runEnd is { } end && s <= end)
            {
                runEnd = Math.Max(end, e);
                continue;
            }
            if (runStart is { } rs && runEnd is { } re) total += re - rs;
            runStart = s;
            runEnd = e;
        }
        if (runStart is { } lastStart && runEnd is { } lastEnd) total += lastEnd - lastStart;
        return total;
    }

    private static (int Core, int Remote, int International) CountStations(string imageDirectory)
    {
        var used = CasaTableQuery.Select(imageDirectory, "select sums(NVIS_USED, 1) from LOFAR_OBSERVATION limit 1");
        var names = CasaTableQuery.Select(imageDirectory, "select NAME from LOFAR_ANTENNA").Select(row => row[0].Trim()).ToArray();
        if (used.Count == 0) throw Invalid(imageDirectory, "LOFAR_OBSERVATION has no NVIS_USED");
        var counts = used[0][0].Trim().TrimStart('[').TrimEnd(']')
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(text => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();
        if (counts.Length != names.Length)
        {
            throw Invalid(imageDirectory, $"NVIS_USED covers {counts.Length} antennas but LOFAR_ANTENNA lists {names.Length}");
        }
        int core = 0, remote = 0, international = 0;
        for (var i = 0; i < names.Length; i++)
        {
            if (counts[i] <= 0) continue;
            if (names[i].StartsWith("CS", StringComparison.Ordinal)) core++;
            else if (names[i].StartsWith("RS", StringComparison.Ordinal)) remote++;
            else international++;
        }
        return (core, remote, international);
    }

    private static double Number(string[] row, int column, string image, string name)
    {
        if (row.Length > column && double.TryParse(row[column].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) &&
            double.IsFinite(value))
        {
            return value;
        }
        throw Invalid(image, $"{name} is not a number ('{(row.Length > column ? row[column] : string.Empty)}')");
    }

    private static ImageFormatException Invalid(string image, string problem) =>
        new(image, "the LOFAR subtables of this CASA image are not usable: " + problem,
            "Check the image's LOFAR_* subtables (e.g. with showtableinfo), or convert the image to FITS with the LOFAR keywords (ANTENNA, NCORE, ...).");
}
