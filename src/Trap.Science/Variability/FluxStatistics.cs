namespace Trap.Science.Variability;

/// <summary>
/// Running flux statistics of one catalogue source in one band (TraP runningcatalog_flux,
/// docs/science.md §5.5), for peak and integrated flux. Held as sums so an update costs O(1); the
/// averages TraP stores are the sums over <see cref="Datapoints"/>. Trap adds the scatter of the band's blind
/// positions (<see cref="Positions"/>, §8.1 "Position variability").
/// </summary>
public sealed class FluxStatistics
{
    private RunningFlux _peak;
    private RunningFlux _int;
    private PositionScatter _positions;

    public FluxStatistics(int bandId) => BandId = bandId;

    public int BandId { get; }

    /// <summary>Number of fluxes in this band (f_datapoints).</summary>
    public int Datapoints { get; private set; }

    public void Add(double fPeak, double fPeakErr, double fInt, double fIntErr)
    {
        _peak.Add(fPeak, fPeakErr);
        _int.Add(fInt, fIntErr);
        Datapoints++;
    }

    /// <summary>Adds a blind detection's position (offset from the source's reference point and its fit errors, arcsec) and f_int,
    /// less its image's common offset.</summary>
    public void AddPosition(double xiArcsec, double etaArcsec, double xiErrArcsec, double etaErrArcsec, double fInt, ImageOffset offset) =>
        _positions.Add(xiArcsec, etaArcsec, xiErrArcsec, etaErrArcsec, fInt, offset);

    /// <summary>The band's blind positions about their weighted mean.</summary>
    public PositionScatter Positions => _positions;

    public FluxStatistics Clone() => (FluxStatistics)MemberwiseClone();

    public double VInt => _int.V(Datapoints);
    public double EtaInt => _int.Eta(Datapoints);
    public double VPeak => _peak.V(Datapoints);
    public double EtaPeak => _peak.Eta(Datapoints);

    public double AverageFInt => _int.Sum / Datapoints;
    public double AverageFPeak => _peak.Sum / Datapoints;

    /// <summary>Inverse-variance weighted mean integrated flux, Jy.</summary>
    public double WeightedMeanFInt => _int.SumWeighted / _int.SumWeight;

    private struct RunningFlux
    {
        public double Sum;
        public double SumSquare;
        public double SumWeight;
        public double SumWeighted;
        public double SumWeightedSquare;

        public void Add(double flux, double error)
        {
            var w = 1.0 / (error * error);
            Sum += flux;
            SumSquare += flux * flux;
            SumWeight += w;
            SumWeighted += w * flux;
            SumWeightedSquare += w * flux * flux;
        }

        public readonly double V(int n) => VariabilityIndices.V(n, Sum / n, SumSquare / n);

        public readonly double Eta(int n) => VariabilityIndices.Eta(n, SumWeight / n, SumWeighted / n, SumWeightedSquare / n);
    }
}
