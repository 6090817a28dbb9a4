namespace Trap.Simulation;

/// <summary>Checks a <see cref="SurveySpec"/> and says which field is wrong and what would work.</summary>
internal static class SurveySpecValidator
{
    public static void Validate(SurveySpec spec)
    {
        Require(spec.Pointings >= 1, nameof(spec.Pointings), $"is {spec.Pointings}; use 1 or more");
        if (spec.PointingCentres is { } centres)
        {
            Require(centres.Count == spec.Pointings, nameof(spec.PointingCentres),
                $"has {centres.Count} centres but Pointings is {spec.Pointings}; give one centre per pointing");
            Require(centres.All(c => c.DecDeg is > -90 and < 90 && c.RaDeg is >= 0 and < 360), nameof(spec.PointingCentres),
                "needs RA in [0, 360) and Dec strictly between -90 and +90 degrees");
        }
        Require(spec.BandFrequenciesHz.Count >= 1 && spec.BandFrequenciesHz.All(f => f > 0), nameof(spec.BandFrequenciesHz),
            "needs at least one positive frequency in Hz");
        Require(spec.ReferenceFrequencyHz > 0, nameof(spec.ReferenceFrequencyHz), "must be a positive frequency in Hz");
        Require(spec.Timesteps >= 1, nameof(spec.Timesteps), $"is {spec.Timesteps}; use 1 or more");
        Require(spec.StartUtc.Kind == DateTimeKind.Utc, nameof(spec.StartUtc), "must be a UTC DateTime (DateTimeKind.Utc)");
        Require(spec.CadenceSeconds > 0, nameof(spec.CadenceSeconds), "must be positive");
        Require(spec.IntegrationSeconds > 0 && spec.IntegrationSeconds <= spec.CadenceSeconds, nameof(spec.IntegrationSeconds),
            $"is {spec.IntegrationSeconds} s; it must be positive and at most the cadence ({spec.CadenceSeconds} s)");
        Require(spec.ImageSize is >= 32 and <= 16384, nameof(spec.ImageSize), $"is {spec.ImageSize}; use 32 to 16384 pixels");
        Require(spec.PixelSizeDeg is > 0 and < 1, nameof(spec.PixelSizeDeg), "must be between 0 and 1 degree");
        Require(spec.ImageSize * spec.PixelSizeDeg < 60, nameof(spec.ImageSize),
            "times PixelSizeDeg makes a field over 60 degrees wide; the SIN projection cannot show it");
        Require(spec.Beam.MinorFwhmDeg > 0 && spec.Beam.MajorFwhmDeg >= spec.Beam.MinorFwhmDeg, nameof(spec.Beam),
            "needs 0 < minor FWHM ≤ major FWHM (degrees)");
        Require(spec.NoiseRmsJy >= 0, nameof(spec.NoiseRmsJy), "must be 0 (no noise) or positive");
        Require(spec.NoiseRmsScatter is >= 0 and < 1, nameof(spec.NoiseRmsScatter), "must be in [0, 1)");
        Require(spec.CorrelatedNoiseFraction is >= 0 and <= 1, nameof(spec.CorrelatedNoiseFraction), "must be in [0, 1]");
        Require(spec.AstrometricJitterArcsec >= 0 && double.IsFinite(spec.AstrometricJitterArcsec), nameof(spec.AstrometricJitterArcsec),
            "must be 0 (no shift) or a positive σ in arcsec");
        Require(spec.SourcesPerPointing >= 0 && spec.EdgeSourcesPerPointing >= 0, nameof(spec.SourcesPerPointing),
            "source counts cannot be negative");
        Require(spec.FluxPowerLawIndex > 0, nameof(spec.FluxPowerLawIndex), "must be positive (1.5 is Euclidean)");
        Require(spec.MinFluxJy > 0 && spec.MaxFluxJy > spec.MinFluxJy, nameof(spec.MinFluxJy), "needs 0 < MinFluxJy < MaxFluxJy");
        Require(spec.SpectralIndexSd >= 0, nameof(spec.SpectralIndexSd), "cannot be negative");
        Require(spec.ExtendedFraction is >= 0 and <= 1, nameof(spec.ExtendedFraction), "must be in [0, 1]");
        Require(spec.MaxIntrinsicSizeBeams >= 0, nameof(spec.MaxIntrinsicSizeBeams), "cannot be negative");
        Require(spec.MinSeparationBeams >= 0, nameof(spec.MinSeparationBeams), "cannot be negative");
        var t = spec.Transients;
        Require(t.Flares >= 0 && t.Fading >= 0 && t.NewSources >= 0 && t.Variables >= 0, nameof(spec.Transients), "counts cannot be negative");
        Require(t.NewSources == 0 || spec.Timesteps >= 2, nameof(spec.Transients),
            "asks for new sources, which need at least 2 timesteps (absent, then present)");
        var marginPx = 3.0 * spec.Beam.MajorFwhmDeg / spec.PixelSizeDeg;
        Require(t.Total == 0 || spec.ImageSize > 2 * marginPx + 1, nameof(spec.Transients),
            "need room 3 beams from every edge; make the image larger or the beam smaller");
        Require(spec.BrightMinFluxJy > 0 && spec.BrightMaxFluxJy >= spec.BrightMinFluxJy, nameof(spec.BrightMinFluxJy),
            "needs 0 < BrightMinFluxJy ≤ BrightMaxFluxJy");
        Require(spec.VariableModulationIndex >= 0, nameof(spec.VariableModulationIndex), "cannot be negative");
        Require(spec.FlareRiseSeconds > 0 && spec.FlareDecaySeconds > 0, nameof(spec.FlareRiseSeconds), "flare times must be positive");
        Require(spec.FadingMinDrop > 1 && spec.FadingMaxDrop >= spec.FadingMinDrop, nameof(spec.FadingMinDrop),
            "needs 1 < FadingMinDrop ≤ FadingMaxDrop");
        Require(spec.DetectionSigma > 0, nameof(spec.DetectionSigma), "must be positive");
        Require(spec.HighNoiseFactor > 0, nameof(spec.HighNoiseFactor), "must be positive");
        var fractions = spec.BadImages.ByKind().ToList();
        Require(fractions.All(f => f.Fraction is >= 0 and <= 1), nameof(spec.BadImages), "fractions must be in [0, 1]");
        var badCount = fractions.Sum(f => BadImageCount(f.Fraction, spec.ImageCount));
        Require(badCount <= spec.ImageCount, nameof(spec.BadImages),
            $"need {badCount} bad images but the survey has only {spec.ImageCount}; lower the fractions or use BadImageFractions.None");
        var lofar = spec.Lofar;
        Require(lofar.Subbands > 0 && lofar.SubbandWidthHz > 0, nameof(spec.Lofar), "needs positive Subbands and SubbandWidthHz");
        Require(lofar.CoreStations >= 0 && lofar.RemoteStations >= 0 && lofar.InternationalStations >= 0 &&
                lofar.CoreStations + lofar.RemoteStations + lofar.InternationalStations >= 2,
            nameof(spec.Lofar), "needs non-negative station counts and at least 2 stations");
    }

    /// <summary>How many images a bad-image fraction asks for: at least one when the fraction is non-zero.</summary>
    public static int BadImageCount(double fraction, int images) =>
        fraction <= 0 ? 0 : Math.Max(1, (int)Math.Round(fraction * images, MidpointRounding.AwayFromZero));

    private static void Require(bool condition, string field, string problem)
    {
        if (!condition) throw new ArgumentException($"SurveySpec.{field} {problem}.");
    }
}
