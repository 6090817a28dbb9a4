using System.Text.Json;
using Trap.TestSupport;

namespace Trap.Images.Tests;

/// <summary>Plane-0 pixel statistics from wcs-reference.json (astropy for FITS, python-casacore for CASA).</summary>
internal sealed record PlaneStats(int NaNs, double Min, double Max, double Sum)
{
    private static readonly Lazy<Dictionary<string, PlaneStats>> All = new(Load);

    public static PlaneStats? Of(string relative) => All.Value.GetValueOrDefault(relative);

    /// <summary>The same statistics computed from pixels (sum in float64, NaNs skipped).</summary>
    public static PlaneStats FromPixels(float[] pixels)
    {
        int nans = 0;
        double min = double.PositiveInfinity, max = double.NegativeInfinity, sum = 0;
        foreach (var value in pixels)
        {
            if (float.IsNaN(value))
            {
                nans++;
                continue;
            }
            min = Math.Min(min, value);
            max = Math.Max(max, value);
            sum += value;
        }
        return new PlaneStats(nans, min, max, sum);
    }

    private static Dictionary<string, PlaneStats> Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(RealData.PathOf("wcs-reference.json")));
        var result = new Dictionary<string, PlaneStats>();
        foreach (var file in document.RootElement.GetProperty("files").EnumerateArray())
        {
            if (!file.TryGetProperty("plane0_stats", out var stats) || stats.ValueKind != JsonValueKind.Object) continue;
            result[file.GetProperty("file").GetString()!] = new PlaneStats(
                stats.GetProperty("n_nan").GetInt32(), stats.GetProperty("min").GetDouble(),
                stats.GetProperty("max").GetDouble(), stats.GetProperty("sum_float64").GetDouble());
        }
        return result;
    }
}
