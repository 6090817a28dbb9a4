using MathNet.Numerics.Integration;
using Trap.Images;

namespace Trap.Science.Extraction.Fitting;

/// <summary>
/// The restoring beam in pixel units and the constants derived from it (docs/science.md §4.1): semi-axes
/// (HWHM, pixels), PA θ (radians, from +y towards −x), beam area, noise correlation lengths and the
/// max-pixel peak corrections.
/// </summary>
public sealed class BeamShape
{
    public BeamShape(double semiMajor, double semiMinor, double theta)
    {
        if (!(semiMajor > 0) || !(semiMinor > 0))
        {
            throw new ArgumentException($"beam semi-axes must be positive pixels (got {semiMajor} × {semiMinor}); check BMAJ/BMIN and the pixel size.");
        }
        SemiMajor = semiMajor;
        SemiMinor = semiMinor;
        Theta = theta;
        var shape = new GaussianParameters(1, 0, 0, semiMajor, semiMinor, theta);
        // Averages over the unit pixel of 1/G and 1/G² for a peak-normalised beam centred in the pixel.
        FudgeMaxPix = GaussLegendreRule.Integrate((x, y) => 1 / shape.Evaluate(x, y), -0.5, 0.5, -0.5, 0.5, 32);
        var inverseSquare = GaussLegendreRule.Integrate((x, y) => 1 / Math.Pow(shape.Evaluate(x, y), 2), -0.5, 0.5, -0.5, 0.5, 32);
        MaxPixVarianceFactor = inverseSquare - FudgeMaxPix * FudgeMaxPix;
    }

    public static BeamShape From(BeamInPixels beam) => new(beam.SemiMajorPx, beam.SemiMinorPx, beam.PositionAngleRad);

    public double SemiMajor { get; }

    public double SemiMinor { get; }

    public double Theta { get; }

    /// <summary>π·smaj·smin (pixels²) — the area normaliser of f_int (TraP's "beamsize").</summary>
    public double Area => Math.PI * SemiMajor * SemiMinor;

    /// <summary>Noise correlation length along the major axis, θ_B = 2·smaj (pixels).</summary>
    public double CorrelationMajor => 2 * SemiMajor;

    /// <summary>Noise correlation length along the minor axis, θ_b = 2·smin (pixels).</summary>
    public double CorrelationMinor => 2 * SemiMinor;

    /// <summary>Mean factor by which the brightest pixel underestimates the peak of an unresolved source.</summary>
    public double FudgeMaxPix { get; }

    /// <summary>Variance of that factor over the pixel, used in the moments-only peak error.</summary>
    public double MaxPixVarianceFactor { get; }
}
