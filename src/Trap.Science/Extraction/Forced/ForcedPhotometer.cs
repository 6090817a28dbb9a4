using Trap.Images;
using Trap.Science.Extraction.Background;
using Trap.Science.Extraction.Detection;
using Trap.Science.Extraction.Fitting;
using Trap.Science.Extraction.Sky;

namespace Trap.Science.Extraction.Forced;

/// <summary>
/// Forced photometry at given sky positions (trap-facts §7.2), for null detections and the monitoring
/// list: a square box of box_in_beampix × the larger beam semi-axis about the position, the Gaussian's
/// centre and shape held at the position and the restoring beam, only the peak fitted (a linear least
/// squares problem), all unmasked box pixels used, errors by the same Condon formulae. So
/// f_int = fitted peak and f_peak = peak − noise²/peak.
/// Unlike TraP, the model is centred on the exact requested position rather than on the truncated
/// pixel position, so a forced fit is not biased low by up to a pixel of offset.
/// </summary>
public sealed class ForcedPhotometer
{
    private readonly float[] _pixels;
    private readonly BeamShape _beam;
    private readonly PixelToSky _toSky;
    private readonly SkyToPixel _toPixel;
    private readonly ExtractionConfig _config;
    private readonly NoiseCorrelation? _correlation;

    /// <param name="maps">The image's background and RMS maps when already computed by blind extraction; else computed here.</param>
    public ForcedPhotometer(float[] pixels, int width, int height, BeamShape beam, PixelToSky toSky, SkyToPixel toPixel,
        ExtractionConfig config, BackgroundMaps? maps = null)
    {
        config.Validate();
        _pixels = pixels;
        _beam = beam;
        _toSky = toSky;
        _toPixel = toPixel;
        _config = config;
        Maps = maps ?? BackgroundMaps.Compute(pixels,
            ExtractionMask.Build(pixels, width, height, config.Margin, config.ExtractionRadiusPix),
            width, height, config.BackSizeX, config.BackSizeY);
        _correlation = config.ErrorModel == ErrorModel.MeasuredNoise ? NoiseCorrelation.Measure(pixels, Maps, beam) : null;
        // At least 2 so the central 3x3 always lies inside the box.
        HalfBox = Math.Max(2, (int)(config.BoxInBeamPix * Math.Max(beam.SemiMajor, beam.SemiMinor) / 2));
    }

    public static ForcedPhotometer For(SkyImage image, ExtractionConfig config, BackgroundMaps? maps = null)
    {
        var meta = image.Metadata;
        return new ForcedPhotometer(image.Pixels, image.Width, image.Height, BeamShape.From(meta.BeamPixels),
            meta.Wcs.TryPixelToSky, meta.Wcs.TrySkyToPixel, config, maps);
    }

    public BackgroundMaps Maps { get; }

    /// <summary>Half-width of the fit box in pixels: the box is [ix − HalfBox, ix + HalfBox) on both axes.</summary>
    public int HalfBox { get; }

    public IReadOnlyList<ForcedFit> Fit(IEnumerable<(double RaDeg, double DecDeg)> positions) =>
        positions.Select(p => Fit(p.RaDeg, p.DecDeg)).ToList();

    public ForcedFit Fit(double raDeg, double decDeg)
    {
        if (!_toPixel(raDeg, decDeg, out var x, out var y) || !double.IsFinite(x) || !double.IsFinite(y))
        {
            return Fail("the position cannot be projected onto the image");
        }
        int width = Maps.Width, height = Maps.Height;
        if (x < 0 || y < 0 || x > width - 1 || y > height - 1) return Fail($"pixel ({x:F1}, {y:F1}) is outside the {width}x{height} image");
        int ix = (int)x, iy = (int)y;
        if (ix - HalfBox < 0 || iy - HalfBox < 0 || ix + HalfBox > width || iy + HalfBox > height)
        {
            return Fail($"pixel ({x:F1}, {y:F1}) is closer than the box half-width {HalfBox} px to the image edge");
        }
        for (var dy = -1; dy <= 1; dy++)
        {
            for (var dx = -1; dx <= 1; dx++)
            {
                if (Maps.IsMasked((iy + dy) * width + ix + dx)) return Fail("a pixel of the central 3x3 is masked");
            }
        }

        var island = BoxIsland(ix, iy);
        if (island is null) return Fail("every pixel of the fit box is masked");
        var fixedValues = new GaussianParameters(0, x, y, _beam.SemiMajor, _beam.SemiMinor, _beam.Theta);
        var m = SourceMeasurer.Measure(island, _beam, FixedParameters.Position | FixedParameters.Shape, fixedValues, _correlation);
        if (m is null) return Fail("the peak fit failed");
        var source = SkyConverter.Convert(m, _toSky, _config, out var reason);
        return source is null
            ? Fail(reason ?? "no sky position")
            : new ForcedFit(raDeg, decDeg, source with { Ra = raDeg, Dec = decDeg }, null);

        ForcedFit Fail(string why) => new(raDeg, decDeg, null, why);
    }

    /// <summary>The fit box as an island of background-subtracted values, threshold 0; null when all of it is masked.</summary>
    private Island? BoxIsland(int ix, int iy)
    {
        var box = new PixelBox(ix - HalfBox, iy - HalfBox, 2 * HalfBox, 2 * HalfBox);
        var values = new double[box.Width * box.Height];
        var sig = double.NegativeInfinity;
        var any = false;
        for (var by = 0; by < box.Height; by++)
        {
            for (var bx = 0; bx < box.Width; bx++)
            {
                var i = (box.Y0 + by) * Maps.Width + box.X0 + bx;
                if (Maps.IsMasked(i))
                {
                    values[by * box.Width + bx] = double.NaN;
                    continue;
                }
                var v = (double)_pixels[i] - Maps.Background[i];
                values[by * box.Width + bx] = v;
                sig = Math.Max(sig, v / Maps.Rms[i]);
                any = true;
            }
        }
        return any ? new Island(box, values, 0, Maps.Rms[iy * Maps.Width + ix], sig) : null;
    }
}
