namespace Trap.Dataset;

/// <summary>
/// Why an image was rejected: part of the dataset contract. Ids 0–5 are TraP's fixed rejectreason rows
/// (docs/science.md §3.1) and keep their numbers; 6 and up are Trap's additions. Ids are stable: they
/// are written to Parquet and the catalogue database.
/// </summary>
public sealed record RejectReason(int Id, string Name, string Description)
{
    public static readonly RejectReason RmsInvalid = new(0, "rms_invalid", "RMS invalid");
    public static readonly RejectReason BeamInvalid = new(1, "beam_invalid", "beam invalid");
    public static readonly RejectReason BrightSourceNear = new(2, "bright_source_near", "bright source near");
    public static readonly RejectReason TauTimeInvalid = new(3, "tau_time_invalid", "tau_time invalid");
    public static readonly RejectReason ContainsNan = new(4, "contains_nan", "contains NaN");
    public static readonly RejectReason DataFlat = new(5, "data_flat", "data is flat");
    public static readonly RejectReason Unreadable = new(6, "unreadable", "image could not be read");
    public static readonly RejectReason MissingBeam = new(7, "missing_beam", "restoring beam missing or invalid");
    public static readonly RejectReason MissingTime = new(8, "missing_time", "observation start time missing");
    public static readonly RejectReason NanDominated = new(9, "nan_dominated", "image is mostly NaN (blank)");
    public static readonly RejectReason ExtractionFailed = new(10, "extraction_failed", "source extraction failed");
    public static readonly RejectReason NotRegularFile = new(11, "not_regular_file", "not a regular file (FIFO, socket or device)");
    public static readonly RejectReason TooLarge = new(12, "too_large", "image larger than the memory budget (max_image_mb)");
    public static readonly RejectReason Duplicate = new(13, "duplicate", "same file content as an earlier image");
    public static readonly RejectReason ImplausibleHeader = new(14, "implausible_header", "header value missing, not finite or out of range");
    public static readonly RejectReason AbsurdPixels = new(15, "absurd_pixels", "pixel values beyond any plausible flux");
    public static readonly RejectReason StreamBacklog = new(16, "stream_backlog", "dropped by trap stream: processing fell behind (--max-backlog)");

    /// <summary>Every reason, by id, for writing the reasons table.</summary>
    public static IReadOnlyList<RejectReason> All { get; } =
    [
        RmsInvalid, BeamInvalid, BrightSourceNear, TauTimeInvalid, ContainsNan, DataFlat,
        Unreadable, MissingBeam, MissingTime, NanDominated, ExtractionFailed,
        NotRegularFile, TooLarge, Duplicate, ImplausibleHeader, AbsurdPixels, StreamBacklog,
    ];
}
