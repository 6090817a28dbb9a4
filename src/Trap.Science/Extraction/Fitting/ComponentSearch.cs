using Trap.Science.Extraction.Detection;

namespace Trap.Science.Extraction.Fitting;

/// <summary>
/// Islands holding several point sources (docs/science.md, "Blended sources"), with the beam shape
/// fixed: after the island's usual one-Gaussian fit, the largest residual seeds another beam-shaped
/// component, and all components are refitted by backfitting — each one's peak and position fitted
/// over the whole island with the other components' models subtracted, in turn, until nothing moves.
/// A component is kept only if each is a detection in its own right (fitted peak ≥ detection × noise)
/// and the components explain the island better than one free-shape Gaussian by ≥ 25 (χ² per
/// independent beam), so an extended source stays one source; and the beam must resolve each one (≥ 0.7
/// FWHM from the others, and a peak of its own unless ≥ 1 FWHM from them). Each component is then measured as an
/// island of its own (the others' models subtracted), with the usual errors and χ².
/// </summary>
public static class ComponentSearch
{
    private const int MaxSweeps = 100;
    private const double MinChiSqGain = 25;

    /// <summary>Two beams closer than this (FWHM) make one peak at comparable fluxes (two Gaussians separate into two maxima beyond 2σ ≈ 0.85 FWHM).</summary>
    private const double MinSeparationFwhm = 0.7;

    /// <summary>
    /// From this far apart (FWHM) the beam resolves two components without a peak of the fainter one's own: the least-squares
    /// peaks of two beams d apart correlate by 2^(−2d²/FWHM²): 0.25 at one FWHM (0.5 at 0.7), so each flux is measured
    /// nearly on its own, and a source 2–5 times fainter on a bright one's flank is a shoulder, not a peak.
    /// </summary>
    private const double SeparateFwhm = 1.0;

    /// <summary>How far (pixels) a component's fitted centre may lie from the data's local maximum it stands on: the peak pixel's own rounding and the pull of a neighbour's flank.</summary>
    private const double PeakReachPx = 1.5;

    /// <param name="detection">Detection threshold in multiples of the noise (each component must reach it).</param>
    /// <param name="maxComponents">Most components per island; 1 gives TraP's single fit.</param>
    public static List<PixelMeasurement> Measure(Island island, BeamShape beam, GaussianParameters beamValues, NoiseCorrelation? correlation,
        bool keepSmallIslands, double detection, int maxComponents)
    {
        var single = SourceMeasurer.Measure(island, beam, FixedParameters.Shape, beamValues, correlation, keepSmallIslands);
        if (single is null) return new List<PixelMeasurement>();
        if (maxComponents <= 1 || single.FitType != 1) return new List<PixelMeasurement> { single };

        var (xs, ys, data) = SourceMeasurer.Pixels(island);
        var free = GaussianFitter.TryFit(xs, ys, data, single.Shape, FixedParameters.None, out var freeFit)
            ? ChiSquared(new[] { freeFit }, xs, ys, data, island.Noise)
            : double.PositiveInfinity;
        var perBeam = Math.PI / 4 * beam.CorrelationMajor * beam.CorrelationMinor;
        var components = new List<GaussianParameters> { single.Shape };
        var best = Math.Min(free, ChiSquared(components, xs, ys, data, island.Noise));
        while (components.Count < maxComponents)
        {
            var trial = components.Append(Seed(components, xs, ys, data)).ToList();
            if (!Backfit(trial, xs, ys, data)) break;
            var chiSq = ChiSquared(trial, xs, ys, data, island.Noise);
            var significant = trial.All(c => c.Peak >= detection * island.Noise && island.Box.Contains(c.X, c.Y));
            if (!significant || !Resolved(trial, island) || (best - chiSq) / perBeam < MinChiSqGain) break;
            components = trial;
            best = chiSq;
        }
        if (components.Count == 1) return new List<PixelMeasurement> { single };

        var measurements = new List<PixelMeasurement>();
        for (var c = 0; c < components.Count; c++)
        {
            var own = WithoutOthers(island, components, c);
            var m = SourceMeasurer.Measure(own, beam, FixedParameters.Shape, beamValues, correlation, keepSmallIslands, components[c]);
            if (m is not null) measurements.Add(m);
        }
        return measurements;
    }

    /// <summary>
    /// Whether the newest component is a source of its own that the beam resolves: at least
    /// <see cref="MinSeparationFwhm"/> beam FWHM (along the line joining them) from every other component, and either
    /// <see cref="SeparateFwhm"/> from them or on a peak of the data (a local maximum within <see cref="PeakReachPx"/>
    /// pixels). Closer than a beam, a bright extended source or a bright source's flank has no second peak, and such
    /// components cannot be told from one source whose flux is shared between them differently from image to image
    /// (docs/science.md, "Blended sources").
    /// </summary>
    private static bool Resolved(List<GaussianParameters> components, Island island)
    {
        var added = components[^1];
        var nearest = double.PositiveInfinity;
        for (var c = 0; c < components.Count - 1; c++) nearest = Math.Min(nearest, SeparationFwhm(components[c], added));
        if (nearest < MinSeparationFwhm) return false;
        return nearest >= SeparateFwhm || OnPeak(island, added.X, added.Y);
    }

    /// <summary>Distance between two beam-shaped components in beam FWHM along the line joining them.</summary>
    private static double SeparationFwhm(GaussianParameters a, GaussianParameters b)
    {
        // A unit beam at a, evaluated at b, is exp(−ln2·(d/HWHM)²) with HWHM the beam's along the line a–b.
        var value = (a with { Peak = 1 }).Evaluate(b.X, b.Y);
        return value <= 0 ? double.PositiveInfinity : Math.Sqrt(-Math.Log(value) / Math.Log(2)) / 2;
    }

    /// <summary>Whether an island pixel within <see cref="PeakReachPx"/> of (x, y) is at least as high as each of its 8 neighbours in the island.</summary>
    private static bool OnPeak(Island island, double x, double y)
    {
        var box = island.Box;
        for (var by = 0; by < box.Height; by++)
        {
            for (var bx = 0; bx < box.Width; bx++)
            {
                var v = island[bx, by];
                if (!Island.IsMember(v)) continue;
                double dx = box.X0 + bx - x, dy = box.Y0 + by - y;
                if (dx * dx + dy * dy > PeakReachPx * PeakReachPx) continue;
                if (IsLocalMaximum(island, bx, by, v)) return true;
            }
        }
        return false;
    }

    private static bool IsLocalMaximum(Island island, int bx, int by, double v)
    {
        for (var ny = Math.Max(0, by - 1); ny <= Math.Min(island.Box.Height - 1, by + 1); ny++)
        {
            for (var nx = Math.Max(0, bx - 1); nx <= Math.Min(island.Box.Width - 1, bx + 1); nx++)
            {
                var n = island[nx, ny];
                if (Island.IsMember(n) && n > v) return false;
            }
        }
        return true;
    }

    /// <summary>A new component at the pixel of the largest residual, with that residual as its peak.</summary>
    private static GaussianParameters Seed(List<GaussianParameters> components, double[] xs, double[] ys, double[] data)
    {
        var bestIndex = 0;
        var bestResidual = double.NegativeInfinity;
        for (var i = 0; i < data.Length; i++)
        {
            var r = data[i] - Model(components, xs[i], ys[i], skip: -1);
            if (r > bestResidual)
            {
                bestResidual = r;
                bestIndex = i;
            }
        }
        return components[0] with { Peak = bestResidual, X = xs[bestIndex], Y = ys[bestIndex] };
    }

    /// <summary>Refits each component's peak and position over the island less the others, until converged; false when a fit fails.</summary>
    private static bool Backfit(List<GaussianParameters> components, double[] xs, double[] ys, double[] data)
    {
        var rest = new double[data.Length];
        for (var sweep = 0; sweep < MaxSweeps; sweep++)
        {
            var moved = 0.0;
            for (var c = 0; c < components.Count; c++)
            {
                for (var i = 0; i < data.Length; i++) rest[i] = data[i] - Model(components, xs[i], ys[i], skip: c);
                if (!GaussianFitter.TryFit(xs, ys, rest, components[c], FixedParameters.Shape, out var fit)) return false;
                moved = Math.Max(moved, Math.Abs(fit.X - components[c].X) + Math.Abs(fit.Y - components[c].Y));
                components[c] = fit;
            }
            if (moved < 1e-4) return true;
        }
        return true;
    }

    /// <summary>The island with every other component's model subtracted: component <paramref name="keep"/>'s own data.</summary>
    private static Island WithoutOthers(Island island, List<GaussianParameters> components, int keep)
    {
        var values = (double[])island.Values.Clone();
        var sig = double.NegativeInfinity;
        for (var i = 0; i < values.Length; i++)
        {
            if (!Island.IsMember(values[i])) continue;
            double x = island.Box.X0 + i % island.Box.Width, y = island.Box.Y0 + i / island.Box.Width;
            values[i] -= Model(components, x, y, skip: keep);
            sig = Math.Max(sig, values[i] / island.Noise);
        }
        return island with { Values = values, Sig = sig };
    }

    private static double Model(List<GaussianParameters> components, double x, double y, int skip)
    {
        var sum = 0.0;
        for (var c = 0; c < components.Count; c++)
        {
            if (c != skip) sum += components[c].Evaluate(x, y);
        }
        return sum;
    }

    private static double ChiSquared(IReadOnlyList<GaussianParameters> components, double[] xs, double[] ys, double[] data, double noise)
    {
        var list = components.ToList();
        var sum = 0.0;
        for (var i = 0; i < data.Length; i++)
        {
            var r = (data[i] - Model(list, xs[i], ys[i], skip: -1)) / noise;
            sum += r * r;
        }
        return sum;
    }
}
