using Trap.Formats.Buffers;
using Trap.Science.Extraction.Background;
using Trap.Science.Extraction.Detection;
using Trap.Science.Extraction.Fitting;

namespace Trap.Science.Extraction;

/// <summary>
/// The pixel-space half of extraction: maps, then the measured islands that passed TraP's usability
/// check. The caller owns the maps (dispose them to hand their arrays back).
/// </summary>
/// <param name="Correlation">The measured noise correlation the fits used (null with TraP's error formulae).</param>
public sealed record PixelExtractionResult(BackgroundMaps Maps, IReadOnlyList<PixelMeasurement> Measurements, NoiseCorrelation? Correlation);

/// <summary>
/// Masks, background and RMS maps, thresholds and islands, deblending and per-island measurement
/// (docs/science.md §4.2–4.7), all in pixel space. Single-threaded: the engine runs one image per core.
/// </summary>
public static class PixelExtraction
{
    /// <param name="name">Image name for error messages (file path).</param>
    public static PixelExtractionResult Run(float[] pixels, int width, int height, BeamShape beam, ExtractionConfig config, string name)
    {
        config.Validate();
        if (pixels.Length != (long)width * height)
        {
            throw new ArgumentException($"{name}: {pixels.Length} pixels for a {width}x{height} image.", nameof(pixels));
        }
        RejectFlat(pixels, name);
        var mask = ExtractionMask.Build(pixels, width, height, config.Margin, config.ExtractionRadiusPix);
        var maps = BackgroundMaps.Compute(pixels, mask, width, height, config.BackSizeX, config.BackSizeY);
        ExactLengthArrayPool<bool>.Shared.Return(mask); // the maps carry the mask on (RMS +∞)
        var islands = IslandFinder.Find(pixels, maps, config.DetectionThreshold, config.AnalysisThreshold);
        var fixedParameters = config.ForceBeam ? FixedParameters.Shape : FixedParameters.None;
        var beamValues = new GaussianParameters(0, 0, 0, beam.SemiMajor, beam.SemiMinor, beam.Theta);
        var correlation = config.ErrorModel == ErrorModel.MeasuredNoise ? NoiseCorrelation.Measure(pixels, maps, beam) : null;
        var measurements = new List<PixelMeasurement>();
        foreach (var island in islands)
        {
            foreach (var part in Deblender.Deblend(island, maps, config.DetectionThreshold, config.DeblendThresholds, config.DeblendMinSigma))
            {
                foreach (var m in Measure(part, beam, fixedParameters, beamValues, correlation, config))
                {
                    if (IsUsable(m.Shape, maps, config.UsableCheck) && AbsurdFits.Check(m, beam, part.Noise, config.AbsurdFitRatio) is null)
                    {
                        measurements.Add(m);
                    }
                }
            }
        }
        return new PixelExtractionResult(maps, measurements, correlation);
    }

    /// <summary>One Gaussian per island (free shape, or TraP's max_components = 1), else the island's components.</summary>
    private static List<PixelMeasurement> Measure(Island part, BeamShape beam, FixedParameters fixedParameters, GaussianParameters beamValues,
        NoiseCorrelation? correlation, ExtractionConfig config)
    {
        if (fixedParameters == FixedParameters.Shape)
        {
            return ComponentSearch.Measure(part, beam, beamValues, correlation, config.KeepSmallIslands, config.DetectionThreshold, config.MaxComponents);
        }
        var m = SourceMeasurer.Measure(part, beam, fixedParameters, beamValues, correlation, config.KeepSmallIslands);
        return m is null ? new List<PixelMeasurement>() : new List<PixelMeasurement> { m };
    }

    /// <summary>
    /// Whether a blind detection lies in the searched area (docs/science.md, "Sources at the edge of the
    /// searched area"): its centre's pixel (<see cref="UsableCheck.Centre"/>), or — TraP's is_usable —
    /// the four ends of its major and minor axes (floor and ceiling neighbours all tested) are unmasked
    /// pixels inside the image.
    /// </summary>
    public static bool IsUsable(GaussianParameters g, BackgroundMaps maps, UsableCheck check)
    {
        if (check == UsableCheck.Centre) return Usable(Math.Round(g.X), Math.Round(g.Y));
        var (sin, cos) = Math.SinCos(g.Theta);
        double mx = sin * g.SemiMajor, my = cos * g.SemiMajor, nx = cos * g.SemiMinor, ny = sin * g.SemiMinor;
        return Usable(g.X - mx, g.Y + my) && Usable(g.X + mx, g.Y - my) && Usable(g.X + nx, g.Y + ny) && Usable(g.X - nx, g.Y - ny);

        bool Usable(double x, double y)
        {
            if (!double.IsFinite(x) || !double.IsFinite(y)) return false;
            foreach (var px in new[] { Math.Floor(x), Math.Ceiling(x) })
            {
                foreach (var py in new[] { Math.Floor(y), Math.Ceiling(y) })
                {
                    if (px < 0 || py < 0 || px >= maps.Width || py >= maps.Height) return false;
                    if (maps.IsMasked((int)py * maps.Width + (int)px)) return false;
                }
            }
            return true;
        }
    }

    /// <summary>TraP refuses flat data (max == min); an image without any finite pixel is refused too.</summary>
    private static void RejectFlat(ReadOnlySpan<float> pixels, string name)
    {
        var (min, max) = PixelRange.Of(pixels);
        if (!(max > min))
        {
            throw new ExtractionException(name, max == min ? $"image data is flat (every pixel is {max})" : "image has no finite pixels",
                "Check the image: it holds no signal to extract sources from; reject it.");
        }
    }
}
