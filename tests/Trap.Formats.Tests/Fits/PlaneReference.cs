using System.Text.Json;
using Trap.TestSupport;

namespace Trap.Formats.Tests.Fits;

/// <summary>One file's entry in realdata/wcs-reference.json (made with astropy): axes, BITPIX and,
/// for files with pixels, plane-0 statistics and sample values (NaN where the JSON has null).</summary>
internal sealed record PlaneReference(
    string File,
    int[] Naxis,
    int? BitPix,
    string? Note,
    PlaneStatistics? Statistics,
    (int X, int Y)? MaxAt,
    IReadOnlyList<(int X, int Y, double Value)> Samples)
{
    private static readonly Lazy<IReadOnlyDictionary<string, PlaneReference>> All = new(Load);

    public static IReadOnlyDictionary<string, PlaneReference> ByFile => All.Value;

    private static IReadOnlyDictionary<string, PlaneReference> Load()
    {
        using var json = JsonDocument.Parse(System.IO.File.ReadAllBytes(RealData.PathOf("wcs-reference.json")));
        var result = new Dictionary<string, PlaneReference>(StringComparer.Ordinal);
        foreach (var entry in json.RootElement.GetProperty("files").EnumerateArray())
        {
            if (!entry.TryGetProperty("naxis", out var naxis)) continue; // CASA images: not FITS
            var file = entry.GetProperty("file").GetString()!;
            PlaneStatistics? stats = null;
            if (entry.TryGetProperty("plane0_stats", out var s))
            {
                stats = new PlaneStatistics(s.GetProperty("n_nan").GetInt64(), s.GetProperty("min").GetDouble(),
                    s.GetProperty("max").GetDouble(), s.GetProperty("sum_float64").GetDouble());
            }
            (int, int)? maxAt = entry.TryGetProperty("plane0_max_at", out var m)
                ? (m.GetProperty("x").GetInt32(), m.GetProperty("y").GetInt32())
                : null;
            var samples = entry.TryGetProperty("plane0_samples", out var list)
                ? list.EnumerateArray().Select(p => (p.GetProperty("x").GetInt32(), p.GetProperty("y").GetInt32(),
                    p.GetProperty("value").ValueKind == JsonValueKind.Null ? double.NaN : p.GetProperty("value").GetDouble())).ToList()
                : [];
            result[file] = new PlaneReference(file, naxis.EnumerateArray().Select(a => a.GetInt32()).ToArray(),
                entry.TryGetProperty("bitpix", out var b) ? b.GetInt32() : null,
                entry.TryGetProperty("note", out var note) ? note.GetString() : null,
                stats, maxAt, samples);
        }
        return result;
    }
}

/// <summary>NaN count, min, max and float64 sum over the non-NaN pixels of a plane.</summary>
internal sealed record PlaneStatistics(long NanCount, double Min, double Max, double Sum)
{
    public static (PlaneStatistics Stats, int ArgMax) Of(float[] pixels)
    {
        long nans = 0;
        double min = double.PositiveInfinity, max = double.NegativeInfinity, sum = 0;
        var argMax = -1;
        for (var i = 0; i < pixels.Length; i++)
        {
            var v = pixels[i];
            if (float.IsNaN(v))
            {
                nans++;
                continue;
            }
            sum += v;
            min = Math.Min(min, v);
            if (v > max)
            {
                max = v;
                argMax = i;
            }
        }
        return (new PlaneStatistics(nans, min, max, sum), argMax);
    }
}
