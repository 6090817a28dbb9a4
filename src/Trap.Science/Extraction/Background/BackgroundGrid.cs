namespace Trap.Science.Extraction.Background;

/// <summary>
/// Background and RMS values at the nodes of the background grid (one node per cell, row by row:
/// index = j·NodesX + i). Masked nodes are NaN in both arrays.
/// </summary>
public sealed record BackgroundGrid(int NodesX, int NodesY, double[] Background, double[] Rms)
{
    /// <summary>Median of the unmasked RMS nodes (the RMS filter's reference); NaN when all are masked.</summary>
    public double MedianRms()
    {
        var values = Rms.Where(v => !double.IsNaN(v)).Order().ToArray();
        if (values.Length == 0) return double.NaN;
        var mid = values.Length / 2;
        return values.Length % 2 == 1 ? values[mid] : 0.5 * (values[mid - 1] + values[mid]);
    }

    /// <summary>Smallest unmasked RMS node (the RMS map's "roundup" floor); NaN when all are masked.</summary>
    public double MinRms() => Rms.Where(v => !double.IsNaN(v)).DefaultIfEmpty(double.NaN).Min();

    public bool FullyMasked => Rms.All(double.IsNaN);
}
