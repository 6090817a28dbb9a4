using Trap.Formats.Wcs;

namespace Trap.Images;

/// <summary>
/// Everything Trap knows about an image except its pixels (docs/science.md §10.1). Read from headers
/// alone, so planning a job never loads pixel data. Angles in degrees, frequencies in Hz, times UTC.
/// </summary>
public sealed record ImageMetadata
{
    /// <summary>Where the image came from (file path or CASA image folder).</summary>
    public required string Url { get; init; }

    /// <summary>TELESCOP as written (e.g. "LOFAR", "AMI-LA", "KAT-7", "AARTFAAC", "MeerKAT"), or "" when absent.</summary>
    public required string Telescope { get; init; }

    /// <summary>Which accessor parsed the header (generic, lofar, aartfaac, ami-la, kat7, meerkat).</summary>
    public required string Accessor { get; init; }

    /// <summary>NAXIS1: pixels along x.</summary>
    public required int Width { get; init; }

    /// <summary>NAXIS2: pixels along y.</summary>
    public required int Height { get; init; }

    public required CelestialWcs Wcs { get; init; }

    /// <summary>Pixel sizes |CDELT1|, |CDELT2| in degrees (from the CD matrix when there is no CDELT).</summary>
    public required double PixelSizeXDeg { get; init; }

    public required double PixelSizeYDeg { get; init; }

    /// <summary>Effective (centre) frequency of the image in Hz.</summary>
    public required double FrequencyHz { get; init; }

    /// <summary>Bandwidth in Hz.</summary>
    public required double BandwidthHz { get; init; }

    public required RestoringBeam Beam { get; init; }

    /// <summary>Beam semi-axes in pixels and PA in radians (TraP's accessor beam).</summary>
    public BeamInPixels BeamPixels => Beam.ToPixels(PixelSizeXDeg, PixelSizeYDeg);

    /// <summary>Start of the observation, UTC.</summary>
    public required DateTime StartUtc { get; init; }

    /// <summary>Integration time in seconds; 0 when the header does not say.</summary>
    public required double IntegrationSeconds { get; init; }

    /// <summary>Sky position of the image centre (FITS: WCS at (nx/2, ny/2); CASA: the pointing centre).</summary>
    public required double CentreRaDeg { get; init; }

    public required double CentreDecDeg { get; init; }

    /// <summary>Stokes parameter of the plane read ("I", "Q", ...); "I" when there is no Stokes axis.</summary>
    public string Stokes { get; init; } = "I";

    /// <summary>LOFAR fields when the header carries them (LOFAR accessor), else null.</summary>
    public LofarFields? Lofar { get; init; }

    /// <summary>Other telescope-specific fields worth keeping (writer, object name...), by name.</summary>
    public IReadOnlyDictionary<string, string> Extra { get; init; } = new Dictionary<string, string>();

    /// <summary>Warnings raised while reading (e.g. a cube of which only plane 0 was used).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = Array.Empty<string>();
}
