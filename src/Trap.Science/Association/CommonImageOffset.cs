using Trap.Science.Candidates;
using Trap.Science.Variability;

namespace Trap.Science.Association;

/// <summary>One one-to-one match's offset from its catalogue source (detection − the source's corrected mean position in the
/// band, tangent plane, arcsec) and that offset's variance on each axis (the fit's plus the mean's), arcsec².</summary>
public readonly record struct OffsetSample(long ExtractionId, double Xi, double Eta, double XiVariance, double EtaVariance);

/// <summary>
/// The astrometric offset common to one image's detections in a bucket (docs/science.md §8.4, "Common offsets"): on each
/// axis a weighted mean of the matches' offsets, w = 1/variance, after dropping those more than <see cref="ClipSigma"/>
/// robust σ from the weighted median (a source that moves, such as a blend whose transient flares, is not the image's
/// shift). A match that is kept gets the mean of the others (its own position is not in its correction, so its own
/// movement is not subtracted); every other detection of the image the mean of all kept. The estimate's variance
/// (1/Σw) goes with it and widens the detection's error. An offset that is not significant (χ² of the mean of all kept on
/// its two axes below <see cref="MinChiSquare"/>) is not taken out: an image without a shift keeps its positions and their
/// errors as measured, where the widening would cost the brightest sources, whose errors are no larger than the estimate's,
/// their sensitivity to a blend.
/// </summary>
public sealed class CommonImageOffset
{
    /// <summary>Matches needed for an estimate: with fewer the image's positions enter uncorrected.</summary>
    public const int MinMatches = 5;

    /// <summary>Offsets farther than this many robust σ (at least the errors' own) from the weighted median are left out.</summary>
    public const double ClipSigma = 3.0;

    /// <summary>χ² on 2 degrees of freedom with a 1 % chance of being exceeded by an image without a shift.</summary>
    public const double MinChiSquare = 9.21;

    private readonly Axis _xi;
    private readonly Axis _eta;

    private CommonImageOffset(Axis xi, Axis eta) => (_xi, _eta) = (xi, eta);

    /// <summary>The estimate from <paramref name="samples"/>, or null when fewer than <see cref="MinMatches"/> are kept on an axis.</summary>
    public static CommonImageOffset? Estimate(IReadOnlyList<OffsetSample> samples)
    {
        if (samples.Count < MinMatches) return null;
        var xi = Axis.Estimate(samples.Select(s => (s.ExtractionId, s.Xi, s.XiVariance)).ToArray());
        var eta = Axis.Estimate(samples.Select(s => (s.ExtractionId, s.Eta, s.EtaVariance)).ToArray());
        if (xi is null || eta is null || xi.ChiSquare + eta.ChiSquare < MinChiSquare) return null;
        return new CommonImageOffset(xi, eta);
    }

    /// <summary>What to subtract from the detection <paramref name="extractionId"/> of this image.</summary>
    public ImageOffset For(long extractionId)
    {
        var (xi, xiVariance) = _xi.For(extractionId);
        var (eta, etaVariance) = _eta.For(extractionId);
        return new ImageOffset(xi, eta, xiVariance, etaVariance);
    }

    private sealed class Axis
    {
        private readonly Dictionary<long, double> _weightedOffsetOfKept;
        private readonly Dictionary<long, double> _weightOfKept;
        private readonly double _sumWeight;
        private readonly double _sumWeighted;

        private Axis(Dictionary<long, double> weighted, Dictionary<long, double> weights, double sumWeight, double sumWeighted) =>
            (_weightedOffsetOfKept, _weightOfKept, _sumWeight, _sumWeighted) = (weighted, weights, sumWeight, sumWeighted);

        public static Axis? Estimate((long Id, double Offset, double Variance)[] samples)
        {
            var usable = samples.Where(s => s.Variance > 0 && double.IsFinite(s.Variance) && double.IsFinite(s.Offset)).ToArray();
            if (usable.Length < MinMatches) return null;
            var median = WeightedMedian(usable);
            var pulls = usable.Select(s => Math.Abs(s.Offset - median) / Math.Sqrt(s.Variance)).ToArray();
            var limit = ClipSigma * Math.Max(1.0, RobustGaussian.MadToSigma * SampleStatistics.Median(pulls));
            var weighted = new Dictionary<long, double>();
            var weights = new Dictionary<long, double>();
            double sumWeight = 0, sumWeighted = 0;
            for (var i = 0; i < usable.Length; i++)
            {
                if (pulls[i] > limit) continue;
                var w = 1.0 / usable[i].Variance;
                weights[usable[i].Id] = w;
                weighted[usable[i].Id] = w * usable[i].Offset;
                sumWeight += w;
                sumWeighted += w * usable[i].Offset;
            }
            return weights.Count < MinMatches ? null : new Axis(weighted, weights, sumWeight, sumWeighted);
        }

        /// <summary>The mean of all kept against its error, squared.</summary>
        public double ChiSquare => _sumWeighted * _sumWeighted / _sumWeight;

        /// <summary>The offset and its variance: without this detection's own term when it is among the kept.</summary>
        public (double Offset, double Variance) For(long id)
        {
            if (!_weightOfKept.TryGetValue(id, out var w)) return (_sumWeighted / _sumWeight, 1.0 / _sumWeight);
            var others = _sumWeight - w;
            return ((_sumWeighted - _weightedOffsetOfKept[id]) / others, 1.0 / others);
        }

        private static double WeightedMedian((long Id, double Offset, double Variance)[] samples)
        {
            var sorted = samples.OrderBy(s => s.Offset).ThenBy(s => s.Id).ToArray();
            var half = sorted.Sum(s => 1.0 / s.Variance) / 2;
            var cumulative = 0.0;
            foreach (var s in sorted)
            {
                cumulative += 1.0 / s.Variance;
                if (cumulative >= half) return s.Offset;
            }
            return sorted[^1].Offset;
        }
    }
}
