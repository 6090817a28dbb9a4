using Trap.Images;
using Trap.Simulation.Planning;
using Trap.Simulation.Randomness;
using Trap.Simulation.Sky;
using Trap.Simulation.Truth;

namespace Trap.Simulation.Rendering;

/// <summary>
/// Turns an <see cref="ImagePlan"/> into pixels, header and truth: noise, then every source of the
/// pointing as a beam-convolved Gaussian on a stamp, then the image's defects. Thread-safe: each
/// image draws from its own random streams, so any number of images can render in parallel.
/// </summary>
internal sealed class ImageRenderer
{
    private readonly SurveySpec _spec;
    private readonly IReadOnlyList<Pointing> _pointings;
    private readonly ILookup<int, SimulatedSource> _sourcesByPointing;
    private readonly NoiseField _noise = new();

    public ImageRenderer(SurveySpec spec, IReadOnlyList<Pointing> pointings, IReadOnlyList<SimulatedSource> sources)
    {
        _spec = spec;
        _pointings = pointings;
        _sourcesByPointing = sources.OrderBy(s => s.Id).ToLookup(s => s.PointingIndex);
    }

    public SimulatedImage Render(ImagePlan plan)
    {
        var spec = _spec;
        var pointing = _pointings[plan.PointingIndex];
        var size = spec.ImageSize;
        var beam = GaussianShape.FromBeam(plan.Beam, spec.PixelSizeDeg);
        var noiseRng = RandomStreams.For(spec.Seed, StreamPurpose.ImageNoise, plan.Index);
        var pixels = _noise.Generate(size, size, plan.NoiseRmsJy, spec.CorrelatedNoiseFraction, beam, noiseRng);

        var (shiftX, shiftY) = AstrometricShiftPx(plan.Index);
        var rows = new List<SourceTruth>();
        foreach (var source in _sourcesByPointing[pointing.Index])
        {
            var shape = ConvolvedShape(source, beam);
            var row = DescribeSource(plan, pointing, source, beam, shape);
            StampRenderer.Add(pixels, size, size, row.X + shiftX, row.Y + shiftY, row.PeakJyPerBeam, shape);
            rows.Add(row);
        }

        var nanFraction = 0.0;
        if (plan.Quality == QualityKind.NanBlock)
        {
            var block = BlankBlock(pixels, size, plan.Index);
            nanFraction = (double)block.Width * block.Height / ((double)size * size);
            foreach (var row in rows) row.InNanBlock = block.Contains(row.X, row.Y);
        }
        foreach (var row in rows) row.Detectable = row.InsideImage && !row.InNanBlock && row.Snr >= spec.DetectionSigma;

        var header = LofarHeader.ForImage(spec, pointing, plan);
        var metadata = Metadata(plan, pointing);
        var truth = new ImageTruth
        {
            File = plan.RelativePath,
            ImageIndex = plan.Index,
            Pointing = plan.PointingIndex,
            PointingName = pointing.Name,
            Band = plan.Band,
            FrequencyHz = plan.FrequencyHz,
            BandwidthHz = plan.BandwidthHz,
            Timestep = plan.Timestep,
            StartUtc = plan.StartUtc,
            IntegrationSeconds = plan.IntegrationSeconds,
            NoiseRmsJy = plan.NoiseRmsJy,
            Quality = plan.Quality.ToString(),
            BeamMajorDeg = plan.Beam.MajorFwhmDeg,
            BeamMinorDeg = plan.Beam.MinorFwhmDeg,
            BeamPaDeg = plan.Beam.PositionAngleDeg,
            CentreRaDeg = metadata.CentreRaDeg,
            CentreDecDeg = metadata.CentreDecDeg,
            Width = size,
            Height = size,
            NanFraction = nanFraction,
        };
        return new SimulatedImage(plan, header, LofarHeader.Axes(spec), pixels, metadata, truth, rows);
    }

    /// <summary>The image's astrometric shift in pixels: one Gaussian draw per axis, σ = the jitter over the pixel size (the
    /// pixels are square, so the shift is isotropic on the sky); none, and no draw, without jitter.</summary>
    private (double X, double Y) AstrometricShiftPx(int imageIndex)
    {
        if (_spec.AstrometricJitterArcsec == 0) return (0, 0);
        var rng = RandomStreams.For(_spec.Seed, StreamPurpose.AstrometricJitter, imageIndex);
        var sigmaPx = _spec.AstrometricJitterArcsec / (_spec.PixelSizeDeg * 3600.0);
        var x = sigmaPx * rng.NextGaussian();
        return (x, sigmaPx * rng.NextGaussian());
    }

    /// <summary>The source convolved with the image's beam, in pixels (intrinsic sizes use the central pixel scale).</summary>
    private GaussianShape ConvolvedShape(SimulatedSource source, GaussianShape beam)
    {
        if (!source.IsExtended) return beam;
        var pixel = _spec.PixelSizeDeg;
        var intrinsic = GaussianShape.FromSemiAxes(
            0.5 * source.IntrinsicMajorFwhmDeg / pixel,
            0.5 * source.IntrinsicMinorFwhmDeg / pixel,
            source.IntrinsicPositionAngleDeg * Math.PI / 180.0);
        return beam.Convolve(intrinsic);
    }

    private SourceTruth DescribeSource(ImagePlan plan, Pointing pointing, SimulatedSource source, GaussianShape beam, GaussianShape shape)
    {
        var spec = _spec;
        var size = spec.ImageSize;
        if (!pointing.Wcs.TrySkyToPixel(source.Position.RaDeg, source.Position.DecDeg, out var x, out var y))
        {
            throw new InvalidOperationException($"Source {source.Id} at {source.Position} cannot be projected into pointing {pointing.Name}.");
        }
        var factor = source.LightCurve.Factor(plan.MidSeconds, plan.Timestep);
        var flux = source.FluxJy(plan.FrequencyHz, spec.ReferenceFrequencyHz, plan.MidSeconds, plan.Timestep);
        // Convolution keeps the integrated flux: the peak drops by the ratio of the Gaussian areas.
        var peak = flux * Math.Sqrt(beam.Determinant / shape.Determinant);
        var axes = shape.ToSemiAxes();
        return new SourceTruth
        {
            File = plan.RelativePath,
            ImageIndex = plan.Index,
            Pointing = plan.PointingIndex,
            Band = plan.Band,
            Timestep = plan.Timestep,
            SourceId = source.Id,
            Kind = source.Kind.ToString(),
            OnEdge = source.OnEdge,
            RaDeg = source.Position.RaDeg,
            DecDeg = source.Position.DecDeg,
            X = x,
            Y = y,
            FluxJy = flux,
            PeakJyPerBeam = peak,
            LightCurveFactor = factor,
            SpectralIndex = source.SpectralIndex,
            IntrinsicMajorArcsec = source.IntrinsicMajorFwhmDeg * 3600.0,
            IntrinsicMinorArcsec = source.IntrinsicMinorFwhmDeg * 3600.0,
            IntrinsicPaDeg = source.IntrinsicPositionAngleDeg,
            ConvolvedSemiMajorPx = axes.SemiMajorPx,
            ConvolvedSemiMinorPx = axes.SemiMinorPx,
            ConvolvedThetaRad = axes.PositionAngleRad,
            InsideImage = x >= -0.5 && x < size - 0.5 && y >= -0.5 && y < size - 0.5,
            Snr = plan.NoiseRmsJy > 0 ? peak / plan.NoiseRmsJy : (peak > 0 ? double.PositiveInfinity : 0.0),
        };
    }

    /// <summary>A NaN rectangle covering 25-50% of the image, aspect ratio 0.5-2, at a random place.</summary>
    private PixelBlock BlankBlock(float[] pixels, int size, int imageIndex)
    {
        var rng = RandomStreams.For(_spec.Seed, StreamPurpose.ImageDefects, imageIndex, 1);
        var area = rng.NextDouble(0.25, 0.5) * size * size;
        var aspect = rng.NextDouble(0.5, 2.0);
        var width = Math.Clamp((int)Math.Round(Math.Sqrt(area * aspect)), 1, size);
        var height = Math.Clamp((int)Math.Round(area / width), 1, size);
        var block = new PixelBlock(rng.NextInt(size - width + 1), rng.NextInt(size - height + 1), width, height);
        for (var y = block.Y0; y < block.Y0 + height; y++)
        {
            pixels.AsSpan(y * size + block.X0, width).Fill(float.NaN);
        }
        return block;
    }

    private ImageMetadata Metadata(ImagePlan plan, Pointing pointing)
    {
        var size = _spec.ImageSize;
        // TraP's FITS centre: the WCS at array position (nx/2, ny/2) (docs/science.md §10.3).
        pointing.Wcs.TryPixelToSky(size / 2.0, size / 2.0, out var centreRa, out var centreDec);
        return new ImageMetadata
        {
            Url = plan.RelativePath,
            Telescope = "LOFAR",
            Accessor = "lofar",
            Width = size,
            Height = size,
            Wcs = pointing.Wcs,
            PixelSizeXDeg = _spec.PixelSizeDeg,
            PixelSizeYDeg = _spec.PixelSizeDeg,
            FrequencyHz = plan.FrequencyHz,
            BandwidthHz = plan.BandwidthHz,
            Beam = plan.Beam,
            StartUtc = plan.StartUtc,
            IntegrationSeconds = plan.IntegrationSeconds,
            CentreRaDeg = centreRa,
            CentreDecDeg = centreDec,
            Lofar = _spec.Lofar,
            Extra = new Dictionary<string, string> { ["ORIGIN"] = LofarHeader.Origin, ["OBJECT"] = pointing.Name },
        };
    }

    private readonly record struct PixelBlock(int X0, int Y0, int Width, int Height)
    {
        public bool Contains(double x, double y)
        {
            var ix = (int)Math.Round(x);
            var iy = (int)Math.Round(y);
            return ix >= X0 && ix < X0 + Width && iy >= Y0 && iy < Y0 + Height;
        }
    }
}
