namespace Trap.Web.Data;

/// <summary>An image in the images list; header values are null for an image whose header could not be read (docs/outputs.md).</summary>
public sealed record ImageListRow(long Id, DateTime? Start, int? Band, double? Freq, double? Bandwidth, double? Integration, double? Ra, double? Dec,
                                  double? RmsQc, double? RmsMin, double? RmsMax, long Blind, long Forced, bool Accepted, string Reasons, string Url);

/// <summary>
/// A dataset's images with their QC verdicts and rejection reasons, filtered by verdict and band, in
/// time order or by a sortable column (<see cref="SortColumns"/>), one page or all.
/// </summary>
public static class ImageList
{
    /// <summary>The SQL each sort key stands for; keys are checked against this list, never put in SQL from the request.</summary>
    public static readonly IReadOnlyDictionary<string, string> SortColumns = new Dictionary<string, string>
    {
        ["id"] = "i.image_id", ["start"] = "i.start_utc", ["band"] = "i.band_id", ["freq"] = "i.freq_eff_hz", ["bw"] = "i.freq_bw_hz",
        ["integration"] = "i.integration_s", ["ra"] = "i.centre_ra_deg", ["dec"] = "i.centre_dec_deg", ["rmsqc"] = "i.rms_qc_jy",
        ["rmsmin"] = "i.rms_min_jy", ["rmsmax"] = "i.rms_max_jy", ["blind"] = "blind", ["forced"] = "forced", ["qc"] = "i.accepted",
    };

    private const string Filter = "i.dataset_id = $1 AND ($2::boolean IS NULL OR i.accepted = $2) AND ($3::integer IS NULL OR i.band_id = $3)";

    private const string Select = """
        SELECT i.image_id, i.start_utc, i.band_id, i.freq_eff_hz, i.freq_bw_hz, i.integration_s, i.centre_ra_deg, i.centre_dec_deg,
               i.rms_qc_jy, i.rms_min_jy, i.rms_max_jy, i.accepted, i.url,
               coalesce(s.blind, 0) AS blind, coalesce(s.forced, 0) AS forced,
               coalesce((SELECT string_agg(r.reason || CASE WHEN r.comment = '' THEN '' ELSE ': ' || r.comment END, '; ' ORDER BY r.reason_id)
                         FROM rejection r WHERE r.dataset_id = i.dataset_id AND r.image_id = i.image_id), '') AS reasons
        FROM image i
        LEFT JOIN LATERAL (SELECT count(*) FILTER (WHERE e.extract_type = 0) AS blind, count(*) FILTER (WHERE e.extract_type <> 0) AS forced
                           FROM extractedsource e WHERE e.dataset_id = i.dataset_id AND e.image_id = i.image_id) s ON true
        WHERE
        """;

    /// <summary>
    /// The images passing the filter (<paramref name="accepted"/>, <paramref name="band"/>: null for all) ordered by
    /// <paramref name="sortKey"/> (null: time order) — <paramref name="limit"/> rows from <paramref name="offset"/>, all when limit is null —
    /// and how many pass the filter.
    /// </summary>
    public static async Task<(List<ImageListRow> Rows, long Total)> LoadAsync(CatalogueQuery q, long dataset, bool? accepted, int? band,
                                                                              string? sortKey, bool descending, long? limit, long offset)
    {
        var order = sortKey is null
            ? "i.start_utc, i.band_id, i.image_id"
            : $"{SortColumns[sortKey]} {(descending ? "DESC" : "ASC")} NULLS LAST, i.start_utc, i.band_id, i.image_id";
        var rows = await q.ListAsync(Select + " " + Filter + "\nORDER BY " + order + " LIMIT $4::bigint OFFSET $5",
            r => new ImageListRow(r.Long("image_id"), r.NullableUtc("start_utc"), r.NullableInt("band_id"), r.NullableDouble("freq_eff_hz"),
                r.NullableDouble("freq_bw_hz"), r.NullableDouble("integration_s"), r.NullableDouble("centre_ra_deg"), r.NullableDouble("centre_dec_deg"),
                r.NullableDouble("rms_qc_jy"), r.NullableDouble("rms_min_jy"), r.NullableDouble("rms_max_jy"), r.Long("blind"), r.Long("forced"),
                r.Bool("accepted"), r.Text("reasons"), r.Text("url")),
            dataset, accepted, band, limit, offset);
        var total = await q.CountAsync("SELECT count(*) FROM image i WHERE " + Filter, dataset, accepted, band);
        return (rows, total);
    }
}
