using System.Text;
using Microsoft.AspNetCore.Http;
using Trap.Web.Data;
using Trap.Web.Html;

namespace Trap.Web.Pages;

/// <summary>A dataset's images in time order with their QC verdicts and rejection reasons; filters: accepted/rejected, band.</summary>
public static class ImagesPage
{
    // Header values are NULL for images whose header could not be read (docs/outputs.md).
    private sealed record Row(long Id, DateTime? Start, int? Band, double? Freq, double? Bandwidth, double? Integration, double? Ra, double? Dec,
                              double? RmsQc, double? RmsMin, double? RmsMax, long Blind, long Forced, bool Accepted, string Reasons, string Url);

    private const string Filter = "i.dataset_id = $1 AND ($2::boolean IS NULL OR i.accepted = $2) AND ($3::integer IS NULL OR i.band_id = $3)";

    private const string Sql = """
        SELECT i.image_id, i.start_utc, i.band_id, i.freq_eff_hz, i.freq_bw_hz, i.integration_s, i.centre_ra_deg, i.centre_dec_deg,
               i.rms_qc_jy, i.rms_min_jy, i.rms_max_jy, i.accepted, i.url,
               coalesce(s.blind, 0) AS blind, coalesce(s.forced, 0) AS forced,
               coalesce((SELECT string_agg(r.reason || CASE WHEN r.comment = '' THEN '' ELSE ': ' || r.comment END, '; ' ORDER BY r.reason_id)
                         FROM rejection r WHERE r.dataset_id = i.dataset_id AND r.image_id = i.image_id), '') AS reasons
        FROM image i
        LEFT JOIN LATERAL (SELECT count(*) FILTER (WHERE e.extract_type = 0) AS blind, count(*) FILTER (WHERE e.extract_type <> 0) AS forced
                           FROM extractedsource e WHERE e.dataset_id = i.dataset_id AND e.image_id = i.image_id) s ON true
        WHERE
        """ + " " + Filter + """

        ORDER BY i.start_utc, i.band_id, i.image_id
        LIMIT $4::bigint OFFSET $5
        """;

    private static Column<Row>[] Columns(long dataset, BandList bands) =>
    [
        new("Id", r => Fmt.Int(r.Id), r => $"/datasets/{dataset}/images/{r.Id}", true),
        new("Start (UTC)", r => Fmt.Utc(r.Start)),
        new("Band", r => r.Band is { } band ? bands.Label(band) : ""),
        new("Freq (MHz)", r => Fmt.Mhz(r.Freq), Numeric: true),
        new("BW (MHz)", r => Fmt.Mhz(r.Bandwidth), Numeric: true),
        new("Int. (s)", r => Fmt.G(r.Integration), Numeric: true),
        new("RA (deg)", r => Fmt.Deg(r.Ra), Numeric: true),
        new("Dec (deg)", r => Fmt.Deg(r.Dec), Numeric: true),
        new("rms_qc (Jy)", r => Fmt.G(r.RmsQc), Numeric: true),
        new("rms_min (Jy)", r => Fmt.G(r.RmsMin), Numeric: true),
        new("rms_max (Jy)", r => Fmt.G(r.RmsMax), Numeric: true),
        new("Blind", r => Fmt.Int(r.Blind), Numeric: true, Title: "blind extractions"),
        new("Forced", r => Fmt.Int(r.Forced), Numeric: true, Title: "forced fits"),
        new("QC", r => r.Accepted ? "accepted" : "rejected"),
        new("Rejection reasons", r => r.Reasons),
        new("File", r => Path.GetFileName(r.Url)),
    ];

    public static async Task<IResult> RenderAsync(PageRequest request)
    {
        var id = request.RouteId("dataset", "dataset id");
        var status = request.Input.Choice("status", ["all", "accepted", "rejected"]) ?? "all";
        var band = request.Input.Integer("band", 0, int.MaxValue);
        var page = request.Input.Page();
        var csv = request.Input.WantsCsv();
        bool? accepted = status switch { "accepted" => true, "rejected" => false, _ => null };
        var (dataset, bands, rows, total) = await request.ReadAsync(async q =>
        {
            var d = await DatasetName.LoadAsync(q, id);
            var b = await BandList.LoadAsync(q, id);
            var list = await q.ListAsync(Sql, r => new Row(r.Long("image_id"), r.NullableUtc("start_utc"), r.NullableInt("band_id"),
                r.NullableDouble("freq_eff_hz"), r.NullableDouble("freq_bw_hz"), r.NullableDouble("integration_s"), r.NullableDouble("centre_ra_deg"),
                r.NullableDouble("centre_dec_deg"), r.NullableDouble("rms_qc_jy"), r.NullableDouble("rms_min_jy"), r.NullableDouble("rms_max_jy"), r.Long("blind"), r.Long("forced"), r.Bool("accepted"), r.Text("reasons"), r.Text("url")),
                id, accepted, band, csv ? null : (long)Pager.Size, csv ? 0 : Pager.Offset(page));
            var n = await q.CountAsync("SELECT count(*) FROM image i WHERE " + Filter, id, accepted, band);
            return (d, b, list, n);
        });
        var columns = Columns(id, bands);
        if (csv) return PageRequest.Csv($"dataset-{id}-images.csv", Table.Csv(columns, rows));

        var body = new StringBuilder();
        body.Append(FormFields.Open(dataset.Path + "/images"))
            .Append(FormFields.Select("status", "QC verdict", status, [("all", "all"), ("accepted", "accepted"), ("rejected", "rejected")]))
            .Append(FormFields.Select("band", "Band", band?.ToString(System.Globalization.CultureInfo.InvariantCulture), bands.Options("all bands")))
            .Append(FormFields.Close());
        body.Append(Pager.Render(request, page, rows.Count, total));
        body.Append(Table.Html(columns, rows, "images", r => r.Accepted ? null : "rejected"));
        return PageRequest.Html(PageLayout.Render("Images of " + dataset.Name, body.ToString(), id, "/images"));
    }
}
