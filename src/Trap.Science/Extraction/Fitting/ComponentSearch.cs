using Trap.Science.Extraction.Detection;

namespace Trap.Science.Extraction.Fitting;

/// <summary>
/// Islands holding several point sources (docs/science.md, "Blended sources"), with the beam shape
/// fixed: after the island's usual one-Gaussian fit, the largest residual seeds another beam-shaped
/// component, and all components are refitted by backfitting — each one's peak and position fitted
/// over the whole island with the other components' models subtracted, in turn, until nothing moves.
/// A component is added while each is a detection in its own right (fitted peak ≥ detection × noise), the
/// beam resolves it (≥ 0.7 FWHM from the others, and a peak of its own unless it is farther than the no-peak
/// reach) and it lowers χ² by ≥ 25 per independent beam. Then every component must be a source of its own
/// rather than part of its nearest neighbour made extended (else the last added is dropped), so an extended
/// source stays one source. Each component is then measured as an island of its own (the others' models
/// subtracted), with the usual errors and χ².
/// </summary>
public static class ComponentSearch
{
    private const int MaxSweeps = 100;

    /// <summary>
    /// χ² gain per independent beam a component must bring (3 parameters). On isolated point sources of S/N 8–200 in
    /// half beam-correlated noise the gain of a second component has its 99th percentile at 1.9–4.0 and never exceeded
    /// 5.4 in 2,256 islands (docs/science.md, "Crowded islands"), so 25 splits none by noise.
    /// </summary>
    private const double MinChiSqGain = 25;

    /// <summary>Two beams closer than this (FWHM) make one peak at comparable fluxes (two Gaussians separate into two maxima beyond 2σ ≈ 0.85 FWHM).</summary>
    private const double MinSeparationFwhm = 0.7;

    /// <summary>
    /// From this far apart (FWHM) the beam resolves two components without a peak of the fainter one's own. Two Gaussians of
    /// comparable flux make two maxima only beyond 2σ ≈ 0.85 FWHM, so closer in the peak is what tells two sources from one
    /// whose flux is shared; beyond it a source 2–5 times fainter on a bright one's flank is a shoulder, not a peak, and the
    /// χ² tests decide (the least-squares peaks of two beams d apart correlate by 2^(−2d²/FWHM²): 0.37 at 0.85 FWHM).
    /// </summary>
    private const double SeparateFwhm = 0.85;

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
        var perBeam = Math.PI / 4 * beam.CorrelationMajor * beam.CorrelationMinor;
        // Each stage adds one component to the one before; the last stage whose components are all needed is kept.
        var stages = new List<(List<GaussianParameters> Components, double ChiSq)>
        {
            (new() { single.Shape }, ChiSquared(new[] { single.Shape }, xs, ys, data, island.Noise)),
        };
        while (stages[^1].Components.Count < maxComponents)
        {
            var (components, chiSq) = stages[^1];
            var trial = components.Append(Seed(components, xs, ys, data)).ToList();
            if (!Backfit(trial, xs, ys, data, free: -1)) break;
            var trialChiSq = ChiSquared(trial, xs, ys, data, island.Noise);
            var significant = trial.All(c => c.Peak >= detection * island.Noise && island.Box.Contains(c.X, c.Y));
            if (!significant || !Resolved(trial, island) || (chiSq - trialChiSq) / perBeam < MinChiSqGain) break;
            stages.Add((trial, trialChiSq));
        }
        while (stages.Count > 1 && !EachNeeded(stages[^1].Components, stages[^1].ChiSq, xs, ys, data, island.Noise, perBeam))
        {
            stages.RemoveAt(stages.Count - 1);
        }
        var found = stages[^1].Components;
        if (found.Count == 1) return new List<PixelMeasurement> { single };

        var measurements = new List<PixelMeasurement>();
        for (var c = 0; c < found.Count; c++)
        {
            var own = WithoutOthers(island, found, c);
            var m = SourceMeasurer.Measure(own, beam, FixedParameters.Shape, beamValues, correlation, keepSmallIslands, found[c]);
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

    /// <summary>
    /// Whether every component is a point source of its own rather than part of its nearest neighbour made extended: with
    /// that neighbour free to take any Gaussian shape, leaving the component out raises the island's χ² by at least
    /// <see cref="MinChiSqGain"/> per independent beam (a nested test of its 3 parameters). With two components the
    /// alternative is one free-shape Gaussian, so an isolated extended source stays one source, and an extended source
    /// beside a point source is one source, not two beams; a third source in the island does not count against the
    /// component, as it did when two beams were compared with one free-shape Gaussian (docs/science.md, "Crowded islands").
    /// </summary>
    private static bool EachNeeded(List<GaussianParameters> components, double chiSq, double[] xs, double[] ys, double[] data, double noise, double perBeam)
    {
        for (var j = 0; j < components.Count; j++)
        {
            var neighbour = -1;
            for (var c = 0; c < components.Count; c++)
            {
                if (c != j && (neighbour < 0 || SeparationFwhm(components[c], components[j]) < SeparationFwhm(components[neighbour], components[j]))) neighbour = c;
            }
            var without = components.Where((_, c) => c != j).ToList();
            if (!Backfit(without, xs, ys, data, free: neighbour < j ? neighbour : neighbour - 1)) continue; // nothing extended explains it
            var with = components.ToList();
            var withChiSq = Backfit(with, xs, ys, data, free: neighbour) ? Math.Min(chiSq, ChiSquared(with, xs, ys, data, noise)) : chiSq;
            if ((ChiSquared(without, xs, ys, data, noise) - withChiSq) / perBeam < MinChiSqGain) return false;
        }
        return true;
    }

    /// <summary>
    /// Refits each component over the island less the others, until no position moves; all beam-shaped except
    /// component <paramref name="free"/> (−1: none), whose shape is fitted too. False when a fit fails.
    /// </summary>
    private static bool Backfit(List<GaussianParameters> components, double[] xs, double[] ys, double[] data, int free)
    {
        var rest = new double[data.Length];
        for (var sweep = 0; sweep < MaxSweeps; sweep++)
        {
            var moved = 0.0;
            for (var c = 0; c < components.Count; c++)
            {
                for (var i = 0; i < data.Length; i++) rest[i] = data[i] - Model(components, xs[i], ys[i], skip: c);
                var fixedParameters = c == free ? FixedParameters.None : FixedParameters.Shape;
                if (!GaussianFitter.TryFit(xs, ys, rest, components[c], fixedParameters, out var fit)) return false;
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
