namespace Trap.Simulation;

/// <summary>What is wrong with a simulated image, if anything (recorded in the truth).</summary>
public enum QualityKind
{
    Good,
    /// <summary>Noise RMS × <see cref="SurveySpec.HighNoiseFactor"/>: far above the LOFAR theoretical noise.</summary>
    HighNoise,
    /// <summary>Beam FWHM below one pixel (TraP: 2·smaj ≤ 1 or 2·smin ≤ 1).</summary>
    BeamUndersampled,
    /// <summary>Beam semi-major axis above 30 pixels.</summary>
    BeamOversampled,
    /// <summary>Beam axis ratio 3 (TraP rejects above 2).</summary>
    BeamElliptical,
    /// <summary>A rectangle of NaN covering 25-50% of the image.</summary>
    NanBlock,
    /// <summary>The FITS file is cut off in the middle of its data.</summary>
    Truncated,
    /// <summary>No BMAJ/BMIN/BPA in the header (the pixels use the nominal beam).</summary>
    MissingBeam,
    /// <summary>No DATE-OBS in the header.</summary>
    MissingDate,
}
