using Trap.Science.Extraction.Detection;

namespace Trap.Science.Extraction.Fitting;

/// <summary>
/// Measures one island (docs/science.md §4.7): moments first, then a Gaussian least-squares fit when the
/// island spans more than 2 pixels in both x and y; integrated flux from the uncorrected peak; errors;
/// clean-beam deconvolution; χ² of the reported model against the island noise.
/// </summary>
public static class SourceMeasurer
{
    /// <summary>
    /// The measurement, or null when the island cannot be measured: parameters were fixed but no fit was
    /// made (moments cannot honour them) — the fit failed, or the island spans ≤ 2 pixels and
    /// <paramref name="keepSmallIslands"/> is false (TraP) — or neither moments nor fit gave finite values.
    /// </summary>
    /// <param name="fixedValues">Values of the fixed parameters (position and/or shape); ignored for free ones.</param>
    /// <param name="correlation">The image's measured noise correlation for calibrated fit errors; null: TraP's Condon errors.</param>
    /// <param name="keepSmallIslands">With fixed parameters, measure islands too small to fit by moments instead of dropping them.</param>
    /// <param name="start">Where the fit starts (a component found by <see cref="ComponentSearch"/>); null: the moments.</param>
    public static PixelMeasurement? Measure(Island island, BeamShape beam, FixedParameters fixedParameters, GaussianParameters fixedValues,
        NoiseCorrelation? correlation = null, bool keepSmallIslands = false, GaussianParameters? start = null)
    {
        var momentsOk = Moments.TryMeasure(island, beam, island.Threshold, out var moments, out _);
        var fitStart = WithFixed(start ?? (momentsOk ? moments : Moments.Fallback(island)), fixedParameters, fixedValues);

        var (xs, ys, data) = Pixels(island);
        GaussianParameters shape;
        int fitType;
        if (SpansMoreThanTwoPixels(island) && GaussianFitter.TryFit(xs, ys, data, fitStart, fixedParameters, out var fit))
        {
            shape = Normalise(fit);
            fitType = 1;
        }
        else
        {
            if (fixedParameters != FixedParameters.None && (SpansMoreThanTwoPixels(island) || !keepSmallIslands)) return null;
            if (!momentsOk) return null;
            shape = moments;
            fitType = 0;
        }

        var flux = shape.Peak * shape.SemiMajor * shape.SemiMinor / (beam.SemiMajor * beam.SemiMinor);
        var errors = fitType == 1
            ? CondonErrors.ForFit(shape, flux, island.Noise, beam)
            : CondonErrors.ForMoments(shape, flux, island.Noise, island.Threshold, beam);
        if (fitType == 1 && correlation is not null)
        {
            errors = MeasuredNoiseErrors.For(shape, flux, xs, ys, island.Noise, fixedParameters, correlation, errors);
        }
        // As TraP, the residual model is built after the error step, i.e. with the reported (bias-corrected) peak.
        var chiSq = ChiSquared(shape with { Peak = errors.Peak }, xs, ys, data, island.Noise);
        var independentBeams = data.Length / (Math.PI / 4 * beam.CorrelationMajor * beam.CorrelationMinor);
        var (dc, dcMajErr, dcMinErr, dcPaErr) = Deconvolve(shape, errors, beam);
        return new PixelMeasurement(shape, errors, flux, island.Sig, fitType, chiSq, chiSq / independentBeams,
            dc, dcMajErr, dcMinErr, dcPaErr);
    }

    private static GaussianParameters WithFixed(GaussianParameters start, FixedParameters fixedParameters, GaussianParameters values)
    {
        if (fixedParameters.HasFlag(FixedParameters.Position)) start = start with { X = values.X, Y = values.Y };
        if (fixedParameters.HasFlag(FixedParameters.Shape))
        {
            start = start with { SemiMajor = values.SemiMajor, SemiMinor = values.SemiMinor, Theta = values.Theta };
        }
        return start;
    }

    /// <summary>Positive axes with smaj ≥ smin (θ turned by π/2 on a swap); θ is not wrapped, as TraP.</summary>
    private static GaussianParameters Normalise(GaussianParameters g)
    {
        g = g with { SemiMajor = Math.Abs(g.SemiMajor), SemiMinor = Math.Abs(g.SemiMinor) };
        return g.SemiMinor > g.SemiMajor
            ? g with { SemiMajor = g.SemiMinor, SemiMinor = g.SemiMajor, Theta = g.Theta + Math.PI / 2 }
            : g;
    }

    /// <summary>TraP fits only islands whose pixels span more than 2 pixels along both axes.</summary>
    private static bool SpansMoreThanTwoPixels(Island island)
    {
        int xMin = int.MaxValue, xMax = -1, yMin = int.MaxValue, yMax = -1;
        for (var by = 0; by < island.Box.Height; by++)
        {
            for (var bx = 0; bx < island.Box.Width; bx++)
            {
                if (!Island.IsMember(island[bx, by])) continue;
                xMin = Math.Min(xMin, bx);
                xMax = Math.Max(xMax, bx);
                yMin = Math.Min(yMin, by);
                yMax = Math.Max(yMax, by);
            }
        }
        return xMax - xMin > 2 && yMax - yMin > 2;
    }

    /// <summary>Member pixels as image coordinates and values.</summary>
    internal static (double[] Xs, double[] Ys, double[] Data) Pixels(Island island)
    {
        var n = island.PixelCount;
        var xs = new double[n];
        var ys = new double[n];
        var data = new double[n];
        var k = 0;
        for (var by = 0; by < island.Box.Height; by++)
        {
            for (var bx = 0; bx < island.Box.Width; bx++)
            {
                var v = island[bx, by];
                if (!Island.IsMember(v)) continue;
                xs[k] = island.Box.X0 + bx;
                ys[k] = island.Box.Y0 + by;
                data[k++] = v;
            }
        }
        return (xs, ys, data);
    }

    private static double ChiSquared(GaussianParameters shape, double[] xs, double[] ys, double[] data, double noise)
    {
        var sum = 0.0;
        for (var i = 0; i < data.Length; i++)
        {
            var r = (shape.Evaluate(xs[i], ys[i]) - data[i]) / noise;
            sum += r * r;
        }
        return sum;
    }

    /// <summary>DECONV on FWHM (2 × semi-axes) in the pixel frame; results returned as semi-axes.</summary>
    private static (DeconvolvedShape, double, double, double) Deconvolve(GaussianParameters shape, ErrorEstimates errors, BeamShape beam)
    {
        var toDeg = 180 / Math.PI;
        var finiteErrors = double.IsFinite(errors.SemiMajorErr) && double.IsFinite(errors.SemiMinorErr) && double.IsFinite(errors.ThetaErr);
        var (value, majErr, minErr, paErr) = Deconvolution.WithErrors(
            2 * shape.SemiMajor, 2 * shape.SemiMinor, shape.Theta * toDeg,
            finiteErrors ? 2 * errors.SemiMajorErr : 0, finiteErrors ? 2 * errors.SemiMinorErr : 0,
            finiteErrors ? errors.ThetaErr * toDeg : 0,
            2 * beam.SemiMajor, 2 * beam.SemiMinor, beam.Theta * toDeg);
        var semi = value with { Major = value.Major / 2, Minor = value.Minor / 2 };
        return finiteErrors
            ? (semi, majErr / 2, minErr / 2, paErr)
            : (semi, double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity);
    }
}
