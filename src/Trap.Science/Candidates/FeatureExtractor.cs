namespace Trap.Science.Candidates;

/// <summary>Computes a candidate's <see cref="CandidateFeatures"/> from its band light curve and the catalogue's bright sources.</summary>
public static class FeatureExtractor
{
    public static CandidateFeatures Extract(long runcatId, double raDeg, double decDeg, IReadOnlyList<LightCurvePoint> lightCurve,
        BrightSourceIndex brightSources, TransientSearchConfig config)
    {
        if (lightCurve.Count == 0) throw new ArgumentException($"catalogue source {runcatId} has no light-curve points in its band", nameof(lightCurve));
        var points = lightCurve.OrderBy(p => p.TimeUtc).ToList();
        var blind = points.Where(p => !p.IsForced).ToList();
        var located = blind.Count > 0 ? blind : points;
        var peak = points.MaxBy(p => p.FIntJy)!;
        var peakFlux = peak.FIntJy;
        double ToPeak(LightCurvePoint p) => peakFlux > 0 ? p.FIntJy / peakFlux : 0.0;

        var beamDeg = SampleStatistics.Median(located.Select(p => p.BeamFwhmDeg));
        var neighbour = brightSources.Nearest(runcatId, raDeg, decDeg, config.BrightSourceRatio * Math.Max(peakFlux, 0.0));
        var nearest = brightSources.Nearest(runcatId, raDeg, decDeg, double.NegativeInfinity);
        var chiSquares = located.Select(p => p.ReducedChiSq).Where(double.IsFinite).ToList();
        var centreFractions = located.Select(p => p.CentreDistanceFraction).Where(double.IsFinite).ToList();
        var edgeDistances = located.Select(p => p.EdgeDistanceBeams).Where(d => !double.IsNaN(d)).ToList();

        return new CandidateFeatures(
            Points: points.Count,
            ForcedFraction: (points.Count - blind.Count) / (double)points.Count,
            FirstDetectionUtc: located[0].TimeUtc,
            PeakUtc: peak.TimeUtc,
            PeakFluxJy: peakFlux,
            PeakFluxErrJy: peak.FIntErrJy,
            FirstToPeak: ToPeak(points[0]),
            LastToPeak: ToPeak(points[^1]),
            TimeTrend: Spearman(points.Select(p => p.FIntJy).ToArray()),
            EdgeDistanceBeams: edgeDistances.Count > 0 ? edgeDistances.Min() : double.NaN,
            CentreDistanceFraction: centreFractions.Count > 0 ? centreFractions.Max() : double.NaN,
            BrightNeighbourRuncatId: neighbour?.Source.RuncatId,
            BrightNeighbourDistanceBeams: neighbour is { } n && beamDeg > 0 ? n.DistanceDeg / beamDeg : double.PositiveInfinity,
            BrightNeighbourFluxRatio: neighbour is { } m && peakFlux > 0 ? m.Source.FluxJy / peakFlux : 0.0,
            MedianReducedChiSq: chiSquares.Count > 0 ? SampleStatistics.Median(chiSquares) : double.NaN,
            NeighbourDistanceBeams: nearest is { } d && beamDeg > 0 ? d.DistanceDeg / beamDeg : double.PositiveInfinity);
    }

    /// <summary>Spearman's rank correlation of the values with their order (ties get mean ranks); 0 for fewer than 3 points.</summary>
    public static double Spearman(IReadOnlyList<double> values)
    {
        var n = values.Count;
        if (n < 3) return 0.0;
        var ranks = Ranks(values);
        var meanRank = (n + 1) / 2.0;
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < n; i++)
        {
            var dx = i + 1 - meanRank;
            var dy = ranks[i] - meanRank;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        return syy > 0 ? sxy / Math.Sqrt(sxx * syy) : 0.0;
    }

    private static double[] Ranks(IReadOnlyList<double> values)
    {
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Count];
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && values[order[end + 1]] == values[order[start]]) end++;
            var rank = (start + end) / 2.0 + 1;
            for (var k = start; k <= end; k++) ranks[order[k]] = rank;
            start = end + 1;
        }
        return ranks;
    }

}
