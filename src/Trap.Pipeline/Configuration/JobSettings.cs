using Trap.Images;
using Trap.Images.Accessors;

namespace Trap.Pipeline.Configuration;

/// <summary>The [job] section: which images, where the output goes, what the run is called.</summary>
public sealed record JobSettings
{
    /// <summary>Images to process: a path or glob (*, ?, ** for any folders) relative to the job folder,
    /// or absolute. Several patterns may be given separated by commas. FITS files, .fits.gz and CASA
    /// image folders are read.</summary>
    public string Images { get; init; } = "images/**/*.fits";

    /// <summary>Output folder of the Parquet dataset, relative to the job folder or absolute.</summary>
    public string Output { get; init; } = "output";

    /// <summary>Name of the dataset: in the catalogue database, the VOEvent IVORNs and the web interface. Empty = the
    /// job folder's name. The database refuses to replace a dataset of this name loaded from another job (docs/database.md).</summary>
    public string Name { get; init; } = "";

    /// <summary>Dataset description (TraP's persistence.description).</summary>
    public string Description { get; init; } = "TRAP dataset";

    /// <summary>Optional CSV file of positions to monitor (columns ra_deg, dec_deg[, name]); empty for none.</summary>
    public string MonitorList { get; init; } = "";

    /// <summary>Restoring beam that replaces every image's (FWHM major axis, degrees); empty = use the headers.
    /// All three beam keys are given together (TraP's accessor beam override).</summary>
    public double? BeamMajorDeg { get; init; }

    /// <summary>FWHM minor axis of the beam override, degrees.</summary>
    public double? BeamMinorDeg { get; init; }

    /// <summary>Position angle of the beam override, degrees east of north.</summary>
    public double? BeamPaDeg { get; init; }

    /// <summary>Memory budget of one image in MB: the largest plane (NAXIS1 × NAXIS2 × 4 bytes, read as float32)
    /// Trap loads; larger images are rejected from their header (reason too_large) and the run goes on.</summary>
    public int MaxImageMb { get; init; } = ImageReadOptions.DefaultMaxImageMb;

    /// <summary>How images are read: within the memory budget, with the beam override when one is configured.</summary>
    public ImageReadOptions ReadOptions => new()
    {
        BeamOverride = BeamMajorDeg is { } major && BeamMinorDeg is { } minor ? new RestoringBeam(major, minor, BeamPaDeg ?? 0) : null,
        MaxImageBytes = MaxImageMb * 1024L * 1024L,
    };
}
