using System.Text.Json.Serialization;
using Trap.Images;
using Trap.Simulation.Sky;

namespace Trap.Simulation;

/// <summary>
/// Everything that defines a synthetic survey. The defaults make a small LOFAR HBA demo survey
/// (2 pointings × 3 bands × 10 timesteps of 256² pixels) in a few seconds; change fields with
/// <c>with</c>. The survey is a pure function of this record: the same record gives the same bytes.
/// </summary>
/// <remarks>
/// Noise level. With the default LOFAR fields (HBA_DUAL_INNER, 24 core + 14 remote stations,
/// 10 subbands of 195.3125 kHz = 1.953 MHz, 60 s integration) the theoretical image noise of
/// docs/science.md §3.4 is 4.46 mJy at 130 MHz, 4.09 mJy at 150 MHz and 4.34 mJy at 170 MHz (computed
/// with the formula by a script), so the default 15 mJy/beam is 3.4×, 3.7× and 3.5× theoretical:
/// inside TraP's accepted range of 1× to 80×. High-noise images (×100) are far above it.
/// </remarks>
public sealed record SurveySpec
{
    /// <summary>Seed of every random draw (sky, noise, bad-image choice).</summary>
    public long Seed { get; init; } = 1;

    // ----- Pointings -----

    /// <summary>Number of pointings (separate fields, observed simultaneously like LOFAR beams).</summary>
    public int Pointings { get; init; } = 2;

    /// <summary>Explicit pointing centres; when set, its length must equal <see cref="Pointings"/> and the layout options are ignored.</summary>
    public IReadOnlyList<SkyPosition>? PointingCentres { get; init; }

    /// <summary>Make pointing 0 straddle RA 0/360 (centre RA 359.8°, Dec +30°).</summary>
    public bool IncludeRaWrapPointing { get; init; } = true;

    /// <summary>Make the next pointing near the north pole (centre RA 120°, Dec +89.7°: a 256² image contains the pole).</summary>
    public bool IncludeHighDecPointing { get; init; } = true;

    // ----- Frequency and time -----

    /// <summary>Centre frequency of each band in Hz. Default: 3 LOFAR HBA bands, 130/150/170 MHz.</summary>
    public IReadOnlyList<double> BandFrequenciesHz { get; init; } = HbaBands(3);

    /// <summary>Frequency at which source fluxes and the beam are specified (Hz).</summary>
    public double ReferenceFrequencyHz { get; init; } = 150e6;

    public int Timesteps { get; init; } = 10;

    /// <summary>Start of the first integration, UTC. Chosen with the Sun near RA 180° and Jupiter near Tau A.</summary>
    public DateTime StartUtc { get; init; } = new(2024, 9, 22, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Time between the starts of consecutive timesteps (s).</summary>
    public double CadenceSeconds { get; init; } = 60;

    /// <summary>Integration time of each image (s), at most the cadence; written as TAU_TIME.</summary>
    public double IntegrationSeconds { get; init; } = 60;

    // ----- Image geometry -----

    /// <summary>Image side in pixels (square images). 256 for tests; 1024 or 2048 for benchmarks.</summary>
    public int ImageSize { get; init; } = 256;

    /// <summary>Pixel size in degrees (15 arcsec).</summary>
    public double PixelSizeDeg { get; init; } = 15.0 / 3600.0;

    /// <summary>Restoring beam at the reference frequency: 60″ × 45″ FWHM, PA 30° (4 × 3 pixels FWHM).</summary>
    public RestoringBeam Beam { get; init; } = new(60.0 / 3600.0, 45.0 / 3600.0, 30.0);

    /// <summary>Scale the beam FWHM as ν_ref/ν per band, as a fixed array does.</summary>
    public bool BeamScalesWithFrequency { get; init; } = true;

    // ----- Noise -----

    /// <summary>Noise RMS in Jy/beam of a good image (see the remarks for the theoretical noise).</summary>
    public double NoiseRmsJy { get; init; } = 0.015;

    /// <summary>Each image's RMS is NoiseRmsJy × (1 + u), u uniform in ±this: real images differ a little.</summary>
    public double NoiseRmsScatter { get; init; } = 0.05;

    /// <summary>Fraction of the noise variance that is correlated at the beam scale (the rest is white).</summary>
    public double CorrelatedNoiseFraction { get; init; } = 0.5;

    /// <summary>σ per axis, arcsec, of each image's astrometric offset: all its sources are rendered shifted by one Gaussian
    /// draw (an ionospheric shift common to the field); the truth keeps the true positions. 0 = none, no draws, and not
    /// written to survey.json, so surveys without it are the same bytes as before it existed.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public double AstrometricJitterArcsec { get; init; }

    // ----- Steady sky -----

    /// <summary>Steady field sources per pointing, placed uniformly over the image.</summary>
    public int SourcesPerPointing { get; init; } = 50;

    /// <summary>α of the integral counts N(&gt;S) ∝ S^−α (1.5 = Euclidean).</summary>
    public double FluxPowerLawIndex { get; init; } = 1.0;

    /// <summary>Flux limits (Jy at the reference frequency) of the steady sources.</summary>
    public double MinFluxJy { get; init; } = 0.05;

    public double MaxFluxJy { get; init; } = 5.0;

    /// <summary>Spectral indices are normal with this mean and standard deviation.</summary>
    public double SpectralIndexMean { get; init; } = -0.7;

    public double SpectralIndexSd { get; init; } = 0.2;

    /// <summary>Fraction of steady sources that are slightly extended (elliptical Gaussians).</summary>
    public double ExtendedFraction { get; init; } = 0.2;

    /// <summary>Largest intrinsic FWHM of an extended source, in units of the reference beam's major FWHM
    /// (majors are uniform in 0.3-1 of this, axis ratios in 0.5-1, PAs in 0-180°).</summary>
    public double MaxIntrinsicSizeBeams { get; init; } = 1.0;

    /// <summary>Extra steady point sources per pointing placed within one beam FWHM of an edge (some just outside).</summary>
    public int EdgeSourcesPerPointing { get; init; } = 4;

    /// <summary>Sources are kept at least this many reference-beam major FWHMs apart (best effort, 100 tries each).</summary>
    public double MinSeparationBeams { get; init; } = 3.0;

    // ----- Transients and variables -----

    /// <summary>Time-variable point sources per pointing, placed at least 3 beams from the edges.</summary>
    public TransientCounts Transients { get; init; } = new(Flares: 1, Fading: 1, NewSources: 1, Variables: 2);

    /// <summary>Nominal fluxes (Jy at the reference frequency) of time-variable and edge sources are
    /// log-uniform between these: 10 to 40 times the default noise, so they are clearly detectable.</summary>
    public double BrightMinFluxJy { get; init; } = 0.15;

    public double BrightMaxFluxJy { get; init; } = 0.6;

    /// <summary>Modulation index σ/μ of variable sources.</summary>
    public double VariableModulationIndex { get; init; } = 0.3;

    /// <summary>Flares rise linearly over this time to their peak (s) ...</summary>
    public double FlareRiseSeconds { get; init; } = 30.0;

    /// <summary>... then decay exponentially with this e-folding time (s).</summary>
    public double FlareDecaySeconds { get; init; } = 180.0;

    /// <summary>Fading sources lose a factor log-uniform in [3, 20] over the survey.</summary>
    public double FadingMinDrop { get; init; } = 3.0;

    public double FadingMaxDrop { get; init; } = 20.0;

    // ----- Truth and quality -----

    /// <summary>A source counts as detectable when its peak is at least this many times the image RMS.</summary>
    public double DetectionSigma { get; init; } = 5.0;

    public BadImageFractions BadImages { get; init; } = BadImageFractions.Default;

    /// <summary>Noise multiplier of <see cref="QualityKind.HighNoise"/> images.</summary>
    public double HighNoiseFactor { get; init; } = 100.0;

    /// <summary>LOFAR header fields (tkp-inject style); the bandwidth is Subbands × SubbandWidthHz.</summary>
    public LofarFields Lofar { get; init; } = new("HBA_DUAL_INNER", 24, 14, 0, 10, 195312.5, null);

    public double BandwidthHz => Lofar.Subbands * Lofar.SubbandWidthHz;

    public int ImageCount => Pointings * BandFrequenciesHz.Count * Timesteps;

    /// <summary>Band centres spread evenly over LOFAR HBA's 120-180 MHz: n bands of 60/n MHz each.</summary>
    public static IReadOnlyList<double> HbaBands(int count)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, "need at least one band");
        return Enumerable.Range(0, count).Select(i => 120e6 + 60e6 * (i + 0.5) / count).ToArray();
    }

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first field that cannot work.</summary>
    public void Validate() => SurveySpecValidator.Validate(this);
}
