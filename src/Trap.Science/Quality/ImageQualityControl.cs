using Trap.Dataset;
using Trap.Images;

namespace Trap.Science.Quality;

/// <summary>
/// The per-image quality-control task (docs/science.md §3.3), a pure function of the image and the
/// configuration, so it can run in any map worker. Checks run in TraP's order and the first failure
/// wins; Trap's extra checks (metadata, NaN-dominated) run before TraP's. The historical RMS check
/// needs the images before this one and is applied afterwards, in order, by <see cref="RmsHistory"/>.
/// </summary>
public sealed class ImageQualityControl
{
    private readonly QualityConfig _config;

    public ImageQualityControl(QualityConfig config)
    {
        config.Validate();
        _config = config;
    }

    public QualityConfig Config => _config;

    /// <summary>
    /// The verdict of an image the accessor could not read: rejected with the accessor's message, as
    /// unreadable or, when the accessor said so, for a missing beam or start time.
    /// </summary>
    public static QualityVerdict Unreadable(string url, RejectReason reason, string error) => new()
    {
        Url = url,
        ChecksRun = [QualityCheck.Readable],
        Rejection = new QualityRejection(reason, error),
    };

    public QualityVerdict Run(SkyImage image)
    {
        var m = image.Metadata;
        var checks = new List<QualityCheck> { QualityCheck.Readable };
        var census = PixelCensus.Of(image.Pixels, image.Width, image.Height);
        var rms = CentralRms.Compute(image.Pixels, image.Width, image.Height, _config.RmsEstSigma, _config.RmsEstFraction);
        var expectedNoise = double.NaN;
        var isLofar = m.Lofar is not null;

        // Records that a check ran, then runs it.
        QualityRejection? Check(QualityCheck check, Func<QualityRejection?> test)
        {
            checks.Add(check);
            return test();
        }

        var rejection =
            Check(QualityCheck.Metadata, () => MetadataCheck.Check(m))
            ?? Check(QualityCheck.Flat, () => FlatDataCheck.Check(census))
            ?? Check(QualityCheck.Nan, () => NanCheck.Check(census, IsAartfaac(m), _config.MaxNanFraction))
            ?? Check(QualityCheck.PixelRange, () => PixelRangeCheck.Check(census));
        if (rejection is null && isLofar)
        {
            rejection = Check(QualityCheck.TauTime, () => TauTimeCheck.Check(m.IntegrationSeconds));
        }
        if (rejection is null && (isLofar || _config.ExpectedNoiseJy is not null))
        {
            rejection = Check(QualityCheck.NoiseRatio, () =>
            {
                (var result, expectedNoise) = NoiseRatioCheck.Check(m, rms, _config);
                return result;
            });
        }
        if (rejection is null && isLofar)
        {
            rejection = Check(QualityCheck.Beam, () => BeamCheck.Check(m.BeamPixels, _config.OversampledX, _config.EllipticalX))
                ?? Check(QualityCheck.BrightSource, () => BrightSourceCheck.Check(m.CentreRaDeg, m.CentreDecDeg, m.StartUtc, _config.MinSeparation));
        }
        rejection ??= Check(QualityCheck.RmsBounds, () => RmsBoundsCheck.Check(rms, _config.RmsEstMin, _config.RmsEstMax))
            ?? Check(QualityCheck.BeamLimits, () => BeamCheck.Check(m.BeamPixels, _config.OversampledX, _config.EllipticalX));
        return new QualityVerdict
        {
            Url = m.Url,
            Rejection = rejection,
            ChecksRun = checks.ToArray(),
            Metadata = m,
            RmsQc = rms,
            ExpectedNoiseJy = expectedNoise,
            NanFraction = census.FieldNanFraction,
        };
    }

    /// <summary>TraP's any-NaN rule is for AARTFAAC images (its CASA accessor); Trap applies it to every AARTFAAC image.</summary>
    private static bool IsAartfaac(ImageMetadata m) =>
        string.Equals(m.Telescope, "AARTFAAC", StringComparison.OrdinalIgnoreCase)
        || string.Equals(m.Accessor, "aartfaac", StringComparison.OrdinalIgnoreCase);
}
