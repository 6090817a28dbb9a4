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

    /// <summary>Dataset description (TraP's persistence.description).</summary>
    public string Description { get; init; } = "TRAP dataset";

    /// <summary>Optional CSV file of positions to monitor (columns ra_deg, dec_deg[, name]); empty for none.</summary>
    public string MonitorList { get; init; } = "";
}
