using Trap.Images;
using Trap.Science.Extraction.Background;
using Trap.Science.Extraction.Detection;
using Trap.Science.Extraction.Fitting;
using Trap.Science.Extraction.Sky;

namespace Trap.Science.Extraction.Forced;

/// <summary>
/// Forced photometry at given sky positions (docs/science.md §7.2), for null detections and the monitoring
/// list: a square box of box_in_beampix × the larger beam semi-axis about the position, the Gaussian's
/// centre and shape held at the position and the restoring beam, only the peak fitted (a linear least
/// squares problem), all unmasked box pixels used, errors by error_model. So f_int = fitted peak, and
/// f_peak = the fitted peak too (TraP, error_model = condon: peak − noise²/peak; §7.6).
/// Unlike TraP, the model is centred on the exact requested position rather than on the truncated
/// pixel position, so a forced fit is not biased low by up to a pixel of offset.
/// With joint_forced_fits, neighbours within two beams are fitted with it (§7.5, <see cref="NeighbourPeaks"/>).
/// </summary>
public sealed class ForcedPhotometer
{
    private readonly float[] _pixels;
    private readonly int _width;
    private readonly int _height;
    private readonly Func<PixelBox, BackgroundWindow> _background;
    private readonly BeamShape _beam;
    private readonly PixelToSky _toSky;
    private readonly SkyToPixel _toPixel;
    private readonly ExtractionConfig _config;
    private readonly NoiseCorrelation? _correlation;
    private readonly NeighbourSet _neighbours;

    /// <param name="layout">
    /// The grid and useful box of the image's background as blind extraction estimated them: each fit
    /// box's background and RMS are then interpolated from it alone. Null: the whole-image maps are
    /// computed here (as blind extraction would).
    /// </param>
    /// <param name="neighbours">
    /// Sky positions that may take flux in a fit box besides the one fitted (the image's blind detections and
    /// every position requested in it); with joint_forced_fits those within two beams are fitted jointly.
    /// </param>
    public ForcedPhotometer(float[] pixels, int width, int height, BeamShape beam, PixelToSky toSky, SkyToPixel toPixel,
        ExtractionConfig config, BackgroundLayout? layout = null, IEnumerable<(double RaDeg, double DecDeg)>? neighbours = null)
    {
        config.Validate();
        _pixels = pixels;
        _width = width;
        _height = height;
        _beam = beam;
        _toSky = toSky;
        _toPixel = toPixel;
        _config = config;
        var maps = layout is null ? WholeImageMaps() : null;
        _background = maps is not null ? WindowOf(maps) : box => WindowOf(layout!, box);
        // The correlation blind extraction measured on this image, else measured here on the whole image.
        _correlation = config.ErrorModel != ErrorModel.MeasuredNoise ? null
            : layout?.Correlation ?? NoiseCorrelation.Measure(pixels, maps ?? WholeImageMaps(), beam);
        // At least 2 so the central 3x3 always lies inside the box.
        HalfBox = Math.Max(2, (int)(config.BoxInBeamPix * Math.Max(beam.SemiMajor, beam.SemiMinor) / 2));
        _neighbours = config.JointForcedFits && neighbours is not null ? new NeighbourSet(Pixels(neighbours)) : NeighbourSet.Empty;
    }

    public static ForcedPhotometer For(SkyImage image, ExtractionConfig config, BackgroundLayout? layout = null,
        IEnumerable<(double RaDeg, double DecDeg)>? neighbours = null)
    {
        var meta = image.Metadata;
        return new ForcedPhotometer(image.Pixels, image.Width, image.Height, BeamShape.From(meta.BeamPixels),
            meta.Wcs.TryPixelToSky, meta.Wcs.TrySkyToPixel, config, layout, neighbours);
    }

    /// <summary>Neighbours are fitted jointly out to two beam FWHM (4 semi-major axes) from the position: beyond, a beam overlaps it by under 0.5 %.</summary>
    public const double NeighbourRadiusSemiMajor = 4;

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
        int width = _width, height = _height;
        if (x < 0 || y < 0 || x > width - 1 || y > height - 1) return Fail($"pixel ({x:F1}, {y:F1}) is outside the {width}x{height} image");
        int ix = (int)x, iy = (int)y;
        if (ix - HalfBox < 0 || iy - HalfBox < 0 || ix + HalfBox > width || iy + HalfBox > height)
        {
            return Fail($"pixel ({x:F1}, {y:F1}) is closer than the box half-width {HalfBox} px to the image edge");
        }
        var box = new PixelBox(ix - HalfBox, iy - HalfBox, 2 * HalfBox, 2 * HalfBox);
        var background = _background(box);
        for (var dy = -1; dy <= 1; dy++)
        {
            for (var dx = -1; dx <= 1; dx++)
            {
                if (background.IsMasked(ix + dx, iy + dy)) return Fail("a pixel of the central 3x3 is masked");
            }
        }

        var island = BoxIsland(background, ix, iy);
        if (island is null) return Fail("every pixel of the fit box is masked");
        var varianceRatio = 1.0;
        // Within one beam semi-minor axis a detection is the fitted source itself, as far as the beam can tell.
        var near = _neighbours.Near(x, y, NeighbourRadiusSemiMajor * _beam.SemiMajor, _beam.SemiMinor, NeighbourPeaks.MaxModels - 1);
        if (near.Count > 0)
        {
            var (xs, ys, data) = SourceMeasurer.Pixels(island);
            if (NeighbourPeaks.Solve(xs, ys, data, _beam, near.Prepend((x, y)).ToList(), _correlation) is not { } joint)
                return Fail("the joint fit with its neighbours is singular");
            island = WithoutNeighbours(island, near, joint.NeighbourPeaks);
            varianceRatio = joint.VarianceRatio;
        }
        var fixedValues = new GaussianParameters(0, x, y, _beam.SemiMajor, _beam.SemiMinor, _beam.Theta);
        var m = SourceMeasurer.Measure(island, _beam, FixedParameters.Position | FixedParameters.Shape, fixedValues, _correlation);
        if (m is null) return Fail("the peak fit failed");
        if (varianceRatio != 1.0)
        {
            // The peak is the joint solution (the neighbours' fitted models are subtracted); its error is the joint fit's.
            var widen = Math.Sqrt(varianceRatio);
            m = m with { Errors = m.Errors with { PeakErr = m.Errors.PeakErr * widen, FluxErr = m.Errors.FluxErr * widen } };
        }
        if (AbsurdFits.Check(m, _beam, island.Noise, _config.AbsurdFitRatio) is { } absurd) return Fail("absurd fit: " + absurd);
        var source = SkyConverter.Convert(m, _toSky, _config, out var reason);
        return source is null
            ? Fail(reason ?? "no sky position")
            : new ForcedFit(raDeg, decDeg, source with { Ra = raDeg, Dec = decDeg }, null);

        ForcedFit Fail(string why) => new(raDeg, decDeg, null, why);
    }

    /// <summary>The fit box as an island of background-subtracted values, threshold 0; null when all of it is masked.</summary>
    private Island? BoxIsland(BackgroundWindow background, int ix, int iy)
    {
        var box = background.Window;
        var values = new double[box.Width * box.Height];
        var sig = double.NegativeInfinity;
        var any = false;
        for (var by = 0; by < box.Height; by++)
        {
            for (var bx = 0; bx < box.Width; bx++)
            {
                int x = box.X0 + bx, y = box.Y0 + by;
                if (background.IsMasked(x, y))
                {
                    values[by * box.Width + bx] = double.NaN;
                    continue;
                }
                var v = (double)_pixels[y * _width + x] - background.Background(x, y);
                values[by * box.Width + bx] = v;
                sig = Math.Max(sig, v / background.Rms(x, y));
                any = true;
            }
        }
        return any ? new Island(box, values, 0, background.Rms(ix, iy), sig) : null;
    }

    /// <summary>The box with the neighbours' fitted models subtracted.</summary>
    private Island WithoutNeighbours(Island island, List<(double X, double Y)> neighbours, double[] peaks)
    {
        var values = (double[])island.Values.Clone();
        var box = island.Box;
        for (var c = 0; c < neighbours.Count; c++)
        {
            var g = new GaussianParameters(peaks[c], neighbours[c].X, neighbours[c].Y, _beam.SemiMajor, _beam.SemiMinor, _beam.Theta);
            for (var i = 0; i < values.Length; i++)
            {
                if (Island.IsMember(values[i])) values[i] -= g.Evaluate(box.X0 + i % box.Width, box.Y0 + i / box.Width);
            }
        }
        return island with { Values = values };
    }

    private IEnumerable<(double X, double Y)> Pixels(IEnumerable<(double RaDeg, double DecDeg)> positions)
    {
        foreach (var (ra, dec) in positions)
        {
            if (_toPixel(ra, dec, out var x, out var y)) yield return (x, y);
        }
    }

    private BackgroundMaps WholeImageMaps() => BackgroundMaps.Compute(_pixels,
        ExtractionMask.Build(_pixels, _width, _height, _config.Margin, _config.ExtractionRadiusPix),
        _width, _height, _config.BackSizeX, _config.BackSizeY);

    private static Func<PixelBox, BackgroundWindow> WindowOf(BackgroundMaps maps) => box => BackgroundWindow.FromMaps(maps, box);

    private BackgroundWindow WindowOf(BackgroundLayout layout, PixelBox box) =>
        BackgroundWindow.FromGrid(layout, _config.BackSizeX, _config.BackSizeY, box,
            ExtractionMask.BuildWindow(_pixels, _width, _height, _config.Margin, _config.ExtractionRadiusPix, box));
}
