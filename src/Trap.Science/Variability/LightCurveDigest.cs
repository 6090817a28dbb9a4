using System.Runtime.InteropServices;
using Trap.Science.Association;
using Trap.Science.NewSources;

namespace Trap.Science.Variability;

/// <summary>
/// What one catalogue source's <see cref="VariabilitySummary"/> needs of its light curve, kept as the
/// rows arrive (docs/streaming.md, "The light curves the catalogue keeps"): the rows at each band's
/// latest time (at most a timestep's rows per band), and per band the fluxes and errors as plain
/// numbers with the running pair aggregates. The summary equals the one a scan of the whole light
/// curve gives. Rows must come in time order, as a <see cref="RunningCatalogue"/> makes them.
/// </summary>
public sealed class LightCurveDigest
{
    private readonly double _minAbsVs;
    private readonly List<AssociationRecord> _latestRows;
    private readonly List<BandCurve> _bands;

    /// <param name="minAbsVs">The pair metrics' significance floor (docs/science.md §8.3).</param>
    public LightCurveDigest(double minAbsVs) : this(minAbsVs, new List<AssociationRecord>(), new List<BandCurve>()) { }

    private LightCurveDigest(double minAbsVs, List<AssociationRecord> latestRows, List<BandCurve> bands)
    {
        _minAbsVs = minAbsVs;
        _latestRows = latestRows;
        _bands = bands;
    }

    /// <summary>Measurements taken in.</summary>
    public int Count { get; private set; }

    /// <summary>Takes in the light curve's next row (its time no earlier than the previous row's).</summary>
    public void Add(in AssociationRecord row)
    {
        if (_latestRows.Count > 0 && row.TimeUtc < _latestRows[^1].TimeUtc)
            throw new InvalidOperationException($"catalogue source {row.RuncatId}: measurement {row.ExtractionId} at {row.TimeUtc:O} comes after one at {_latestRows[^1].TimeUtc:O}; a light curve grows in time order.");
        var band = Band(row.BandId);
        band.Latest = row.TimeUtc;
        band.Add(row, _minAbsVs);
        _latestRows.Add(row);
        // Only rows at some band's latest time can be chosen (VariabilitySummary's band choice).
        _latestRows.RemoveAll(r => !_bands.Exists(b => b.Latest == r.TimeUtc));
        Count++;
    }

    /// <summary>A copy that goes on separately (a forked source inherits its parent's light curve).</summary>
    public LightCurveDigest Clone() =>
        new(_minAbsVs, new List<AssociationRecord>(_latestRows), _bands.Select(b => b.Clone()).ToList()) { Count = Count };

    /// <summary>
    /// TraP's varmetric choice (docs/science.md §8.3): take each band's latest time with a measurement;
    /// among the rows at any of those times, the one with the largest integrated flux gives V, η and
    /// the band (an exact tie goes to the lower band, then the lower extraction id: TraP would fail on
    /// its unique key there). Light-curve statistics and pair metrics use every row in that band, in
    /// processing (time) order.
    /// </summary>
    public VariabilitySummary Summarize(long runcatId, NewSourceRecord? newSource)
    {
        if (Count == 0) throw new InvalidOperationException($"catalogue source {runcatId} has an empty light curve");
        AssociationRecord? chosen = null;
        foreach (var row in _latestRows)
        {
            if (chosen is not { } c || row.FInt > c.FInt
                || (row.FInt == c.FInt && (row.BandId < c.BandId || (row.BandId == c.BandId && row.ExtractionId < c.ExtractionId))))
                chosen = row;
        }
        var best = chosen!.Value;
        var band = _bands.Find(b => b.BandId == best.BandId)!;
        var (vsInt, mInt) = band.IntPair.Value;
        var (vsPeak, mPeak) = band.PeakPair.Value;
        return new VariabilitySummary(runcatId, best.BandId, best.FDatapoints, best.VInt, best.EtaInt, best.VPeak, best.EtaPeak,
            VariabilityIndices.EtaSignificance(best.FDatapoints, best.EtaInt),
            band.FInt.Max(), band.FInt.Average(), Median(band.FInt), vsInt, mInt, vsPeak, mPeak,
            newSource?.TriggerExtractionId, newSource?.NewSourceType, newSource?.SigmaRmsMin, newSource?.SigmaRmsMax);
    }

    private BandCurve Band(int bandId)
    {
        var i = _bands.FindIndex(b => b.BandId >= bandId);
        if (i >= 0 && _bands[i].BandId == bandId) return _bands[i];
        var created = new BandCurve(bandId);
        _bands.Insert(i < 0 ? _bands.Count : i, created);
        return created;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }

    /// <summary>One band's light curve: fluxes and errors in time order (32 bytes a point) and its pair aggregates.</summary>
    private sealed class BandCurve(int bandId)
    {
        public int BandId { get; } = bandId;
        public DateTime Latest { get; set; }
        public List<double> FInt { get; private init; } = new();
        public List<double> FIntErr { get; private init; } = new();
        public List<double> FPeak { get; private init; } = new();
        public List<double> FPeakErr { get; private init; } = new();
        public SignificantPairTracker IntPair;
        public SignificantPairTracker PeakPair;

        public void Add(in AssociationRecord row, double minAbsVs)
        {
            FInt.Add(row.FInt);
            FIntErr.Add(row.FIntErr);
            FPeak.Add(row.FPeak);
            FPeakErr.Add(row.FPeakErr);
            IntPair.AddLast(CollectionsMarshal.AsSpan(FInt), CollectionsMarshal.AsSpan(FIntErr), minAbsVs);
            PeakPair.AddLast(CollectionsMarshal.AsSpan(FPeak), CollectionsMarshal.AsSpan(FPeakErr), minAbsVs);
        }

        public BandCurve Clone() => new(BandId)
        {
            Latest = Latest,
            FInt = new List<double>(FInt),
            FIntErr = new List<double>(FIntErr),
            FPeak = new List<double>(FPeak),
            FPeakErr = new List<double>(FPeakErr),
            IntPair = IntPair,
            PeakPair = PeakPair,
        };
    }
}
