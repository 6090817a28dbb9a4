namespace Trap.Simulation.Sky;

/// <summary>
/// One source of the simulated sky. Its flux in an image is
/// <see cref="ReferenceFluxJy"/>·(ν/ν_ref)^<see cref="SpectralIndex"/>·<see cref="LightCurve"/> factor.
/// An intrinsic size of zero is a point source; otherwise the source is an elliptical Gaussian with
/// the given FWHM axes (degrees) and position angle (degrees, north through east), which the image
/// convolves with the beam.
/// </summary>
public sealed record SimulatedSource
{
    /// <summary>Unique within the survey, from 1.</summary>
    public required int Id { get; init; }

    public required int PointingIndex { get; init; }

    public required SkyPosition Position { get; init; }

    /// <summary>Integrated flux density in Jy at the reference frequency when the light curve is 1.</summary>
    public required double ReferenceFluxJy { get; init; }

    /// <summary>α in S ∝ ν^α.</summary>
    public double SpectralIndex { get; init; }

    public double IntrinsicMajorFwhmDeg { get; init; }

    public double IntrinsicMinorFwhmDeg { get; init; }

    public double IntrinsicPositionAngleDeg { get; init; }

    /// <summary>True when the source was placed within about a beam of an image edge on purpose.</summary>
    public bool OnEdge { get; init; }

    public LightCurve LightCurve { get; init; } = new SteadyCurve();

    public SourceKind Kind => LightCurve.Kind;

    public bool IsExtended => IntrinsicMajorFwhmDeg > 0.0;

    /// <summary>Integrated flux density (Jy) at a frequency and a time (seconds since the survey start, timestep index).</summary>
    public double FluxJy(double frequencyHz, double referenceFrequencyHz, double seconds, int timestep) =>
        ReferenceFluxJy * Math.Pow(frequencyHz / referenceFrequencyHz, SpectralIndex) * LightCurve.Factor(seconds, timestep);
}
