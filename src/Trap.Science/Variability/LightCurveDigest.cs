using Trap.Science.Association;
using Trap.Science.NewSources;

namespace Trap.Science.Variability;

/// <summary>
/// What one catalogue source's <see cref="VariabilitySummary"/> needs of its light curve, kept as the
/// rows arrive (docs/streaming.md, "The light curves the catalogue keeps"): the rows at each band's
/// latest time (at most a timestep's rows per band), and per band the running count, sum and maximum
/// of the integrated flux, the last W fluxes and errors (the window, docs/science.md §8.3) and the
/// running pair aggregates. The summary equals the one a scan of the whole light curve gives under
/// the same window, and its state is bounded by the window. Rows must come in time order, as a
/// <see cref="RunningCatalogue"/> makes them.
/// </summary>
public sealed class LightCurveDigest
{
    private readonly double _minAbsVs;
    private readonly int _window;
    private readonly List<AssociationRecord> _latestRows;
    private readonly List<BandCurve> _bands;

    /// <param name="minAbsVs">The pair metrics' significance floor (docs/science.md §8.3).</param>
    /// <param name="window">The variability window W (docs/science.md §8.3): a point is paired with the W
    /// points before it in its band, the median is over the band's last W points; 0: no bound.</param>
    public LightCurveDigest(double minAbsVs, int window) : this(minAbsVs, window, new List<AssociationRecord>(), new List<BandCurve>()) { }

    private LightCurveDigest(double minAbsVs, int window, List<AssociationRecord> latestRows, List<BandCurve> bands)
    {
        if (window < 0) throw new ArgumentOutOfRangeException(nameof(window), window, "the variability window is 0 (no bound) or a positive count");
        _minAbsVs = minAbsVs;
        _window = window;
        _latestRows = latestRows;
        _bands = bands;
    }

    /// <summary>Measurements taken in.</summary>
    public int Count { get; private set; }

    /// <summary>Flux points (over all bands) and rows held: at most W per band, plus the rows at each band's latest time.</summary>
    public int RetainedPoints => _bands.Sum(b => b.FInt.Count) + _latestRows.Count;

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
        new(_minAbsVs, _window, new List<AssociationRecord>(_latestRows), _bands.Select(b => b.Clone()).ToList()) { Count = Count };

    /// <summary>
    /// TraP's varmetric choice (docs/science.md §8.3): take each band's latest time with a measurement;
    /// among the rows at any of those times, the one with the largest integrated flux gives V, η and
    /// the band (an exact tie goes to the lower band, then the lower extraction id: TraP would fail on
    /// its unique key there). The maximum and mean are over every row in that band, the median over its
    /// last W rows, the pair metrics over its pairs at most W rows apart, in processing (time) order.
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
            band.MaxFInt, band.SumFInt / band.Count, band.MedianFInt.Median, vsInt, mInt, vsPeak, mPeak,
            newSource?.TriggerExtractionId, newSource?.NewSourceType, newSource?.SigmaRmsMin, newSource?.SigmaRmsMax);
    }

    private BandCurve Band(int bandId)
    {
        var i = _bands.FindIndex(b => b.BandId >= bandId);
        if (i >= 0 && _bands[i].BandId == bandId) return _bands[i];
        var created = new BandCurve(bandId, _window);
        _bands.Insert(i < 0 ? _bands.Count : i, created);
        return created;
    }

    /// <summary>
    /// One band's light curve: its count, the integrated flux's running sum and maximum (over every
    /// point, in time order: the bits of Enumerable.Sum and Max over the whole curve), the last W fluxes
    /// and errors (32 bytes a point), the last W integrated fluxes in order (8 bytes a point, for the
    /// median) and the pair aggregates.
    /// </summary>
    private sealed class BandCurve
    {
        private readonly int _window;

        public BandCurve(int bandId, int window)
        {
            BandId = bandId;
            FInt = new RecentValues(window);
            FIntErr = new RecentValues(window);
            FPeak = new RecentValues(window);
            FPeakErr = new RecentValues(window);
            MedianFInt = new WindowMedian();
            _window = window;
        }

        private BandCurve(BandCurve other)
        {
            (BandId, Latest, Count, SumFInt, MaxFInt) = (other.BandId, other.Latest, other.Count, other.SumFInt, other.MaxFInt);
            (FInt, FIntErr, FPeak, FPeakErr) = (other.FInt.Clone(), other.FIntErr.Clone(), other.FPeak.Clone(), other.FPeakErr.Clone());
            (IntPair, PeakPair) = (other.IntPair, other.PeakPair);
            (MedianFInt, _window) = (other.MedianFInt.Clone(), other._window);
        }

        public int BandId { get; }
        public DateTime Latest { get; set; }
        public int Count { get; private set; }
        public double SumFInt { get; private set; }
        public double MaxFInt { get; private set; } = double.NaN;
        public RecentValues FInt { get; }
        public RecentValues FIntErr { get; }
        public RecentValues FPeak { get; }
        public RecentValues FPeakErr { get; }
        public WindowMedian MedianFInt { get; }
        public SignificantPairTracker IntPair;
        public SignificantPairTracker PeakPair;

        public void Add(in AssociationRecord row, double minAbsVs)
        {
            // The windows hold the W points before this one: pair with them, then take it in.
            Pair(ref IntPair, FInt, FIntErr, row.FInt, row.FIntErr, minAbsVs);
            Pair(ref PeakPair, FPeak, FPeakErr, row.FPeak, row.FPeakErr, minAbsVs);
            MedianFInt.Add(row.FInt, _window > 0 && FInt.Count == _window ? FInt.Older[0] : null);
            FInt.Add(row.FInt);
            FIntErr.Add(row.FIntErr);
            FPeak.Add(row.FPeak);
            FPeakErr.Add(row.FPeakErr);
            SumFInt += row.FInt;
            // Enumerable.Max over doubles: the first non-NaN value, then any strictly larger one.
            if (double.IsNaN(MaxFInt) || row.FInt > MaxFInt) MaxFInt = row.FInt;
            Count++;
        }

        public BandCurve Clone() => new(this);

        private void Pair(ref SignificantPairTracker tracker, RecentValues flux, RecentValues error, double newFlux, double newError, double minAbsVs)
        {
            long first = Count - flux.Count;
            tracker.Pair(flux.Older, error.Older, first, newFlux, newError, minAbsVs);
            tracker.Pair(flux.Newer, error.Newer, first + flux.Older.Length, newFlux, newError, minAbsVs);
        }
    }
}
