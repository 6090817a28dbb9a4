using System.Text.Json.Serialization;
using Parquet.Serialization.Attributes;
using Trap.Simulation.Sky;

namespace Trap.Simulation.Truth;

/// <summary>
/// One row of <c>truth_sources.parquet</c>: one source in one image (every source of the image's
/// pointing, including those off the image or switched off at that time).
/// </summary>
public sealed class SourceTruth
{
    [JsonPropertyName("file")] public string File { get; set; } = "";

    [JsonPropertyName("image_index")] public int ImageIndex { get; set; }

    [JsonPropertyName("pointing")] public int Pointing { get; set; }

    [JsonPropertyName("band")] public int Band { get; set; }

    [JsonPropertyName("timestep")] public int Timestep { get; set; }

    [JsonPropertyName("source_id")] public int SourceId { get; set; }

    /// <summary>A <see cref="SourceKind"/> name: "Steady", "Flare", "Fading", "NewSource", "Variable".</summary>
    [JsonPropertyName("kind")] public string Kind { get; set; } = nameof(Sky.SourceKind.Steady);

    [JsonPropertyName("on_edge")] public bool OnEdge { get; set; }

    [JsonPropertyName("ra_deg")] public double RaDeg { get; set; }

    [JsonPropertyName("dec_deg")] public double DecDeg { get; set; }

    /// <summary>0-based pixel position (x along NAXIS1) from the image's WCS.</summary>
    [JsonPropertyName("x_pix")] public double X { get; set; }

    [JsonPropertyName("y_pix")] public double Y { get; set; }

    /// <summary>True integrated flux density in this image (Jy): spectrum and light curve applied.</summary>
    [JsonPropertyName("flux_jy")] public double FluxJy { get; set; }

    /// <summary>True peak brightness after convolution with the beam (Jy/beam); equals flux_jy for a point source.</summary>
    [JsonPropertyName("peak_jy_beam")] public double PeakJyPerBeam { get; set; }

    /// <summary>The light-curve factor at this image's mid-integration time.</summary>
    [JsonPropertyName("light_curve_factor")] public double LightCurveFactor { get; set; }

    [JsonPropertyName("spectral_index")] public double SpectralIndex { get; set; }

    /// <summary>Intrinsic (deconvolved) FWHM axes in arcsec and PA in degrees; zero for point sources.</summary>
    [JsonPropertyName("intrinsic_major_arcsec")] public double IntrinsicMajorArcsec { get; set; }

    [JsonPropertyName("intrinsic_minor_arcsec")] public double IntrinsicMinorArcsec { get; set; }

    [JsonPropertyName("intrinsic_pa_deg")] public double IntrinsicPaDeg { get; set; }

    /// <summary>The rendered (convolved) shape in TraP's terms: semi-axes in pixels, θ in radians.</summary>
    [JsonPropertyName("convolved_smaj_pix")] public double ConvolvedSemiMajorPx { get; set; }

    [JsonPropertyName("convolved_smin_pix")] public double ConvolvedSemiMinorPx { get; set; }

    [JsonPropertyName("convolved_theta_rad")] public double ConvolvedThetaRad { get; set; }

    /// <summary>The centre falls on a pixel of the image (−0.5 ≤ x &lt; width − 0.5, same for y).</summary>
    [JsonPropertyName("inside_image")] public bool InsideImage { get; set; }

    /// <summary>The centre falls in a NaN block.</summary>
    [JsonPropertyName("in_nan_block")] public bool InNanBlock { get; set; }

    /// <summary>Peak divided by the image's noise RMS (infinite on a noise-free image with flux).</summary>
    [JsonPropertyName("snr")] public double Snr { get; set; }

    /// <summary>Inside the image, not blanked, and peak ≥ DetectionSigma × noise RMS.</summary>
    [JsonPropertyName("detectable")] public bool Detectable { get; set; }

    [ParquetIgnore, JsonIgnore] public SourceKind SourceKind => Enum.Parse<SourceKind>(Kind);
}
