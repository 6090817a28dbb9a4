namespace Trap.Simulation.Sky;

/// <summary>
/// A source's flux relative to its nominal flux, as a function of time. Images sample it at the
/// middle of their integration (<c>seconds</c> since the survey start); <c>timestep</c> is the index
/// of the image's timestep. The factor is achromatic: the same in every band.
/// </summary>
public abstract record LightCurve
{
    public abstract SourceKind Kind { get; }

    public abstract double Factor(double seconds, int timestep);
}

/// <summary>Constant: factor 1.</summary>
public sealed record SteadyCurve : LightCurve
{
    public override SourceKind Kind => SourceKind.Steady;

    public override double Factor(double seconds, int timestep) => 1.0;
}

/// <summary>
/// 0 before <see cref="PeakSeconds"/> − <see cref="RiseSeconds"/>, a linear rise to 1 at the peak,
/// then exp(−(t − peak)/<see cref="DecaySeconds"/>).
/// </summary>
public sealed record FlareCurve(double PeakSeconds, double RiseSeconds, double DecaySeconds) : LightCurve
{
    public override SourceKind Kind => SourceKind.Flare;

    public override double Factor(double seconds, int timestep)
    {
        if (seconds >= PeakSeconds) return Math.Exp(-(seconds - PeakSeconds) / DecaySeconds);
        var sinceRise = seconds - (PeakSeconds - RiseSeconds);
        return sinceRise <= 0.0 ? 0.0 : sinceRise / RiseSeconds;
    }
}

/// <summary>exp(−t/<see cref="EFoldSeconds"/>): 1 at the survey start, strictly decreasing.</summary>
public sealed record FadingCurve(double EFoldSeconds) : LightCurve
{
    public override SourceKind Kind => SourceKind.Fading;

    public override double Factor(double seconds, int timestep) => Math.Exp(-seconds / EFoldSeconds);
}

/// <summary>0 before <see cref="OnSeconds"/>, 1 from then on.</summary>
public sealed record NewSourceCurve(double OnSeconds) : LightCurve
{
    public override SourceKind Kind => SourceKind.NewSource;

    public override double Factor(double seconds, int timestep) => seconds >= OnSeconds ? 1.0 : 0.0;
}

/// <summary>
/// One factor per timestep, log-normal with mean 1 and standard deviation
/// <see cref="ModulationIndex"/> (so the expected modulation index σ/μ is exactly that value):
/// factor = exp(s·g − s²/2) with s² = ln(1 + m²) and g a standard normal deviate.
/// </summary>
public sealed record VariableCurve(double ModulationIndex, IReadOnlyList<double> Factors) : LightCurve
{
    public override SourceKind Kind => SourceKind.Variable;

    public override double Factor(double seconds, int timestep) => Factors[timestep];

    /// <summary>The factor for a standard normal deviate <paramref name="g"/>.</summary>
    public static double LogNormalFactor(double modulationIndex, double g)
    {
        var s2 = Math.Log(1.0 + modulationIndex * modulationIndex);
        return Math.Exp(Math.Sqrt(s2) * g - 0.5 * s2);
    }
}
