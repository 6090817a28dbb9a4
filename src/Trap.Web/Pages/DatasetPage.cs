using System.Text;
using Microsoft.AspNetCore.Http;
using Trap.Web.Data;
using Trap.Web.Html;

namespace Trap.Web.Pages;

/// <summary>A dataset's overview: counts, processing times, frequency bands, sky regions and the stored job configuration.</summary>
public static class DatasetPage
{
    private sealed record Overview(string Name, string Description, DateTime Start, DateTime End, DateTime Loaded, string Engine,
                                   long Images, long Rejected, long Catalogue, long Blind, long Forced, long NewSources, long Candidates);

    private sealed record Band(int Id, double Central, double Low, double High, long Images);

    private sealed record Region(long Id, double Ra, double Dec, double Radius, long Images);

    private sealed record Setting(string Section, string Key, string Value, string Type);

    private const string OverviewSql = """
        SELECT d.name, d.description, d.process_start_utc, d.process_end_utc, d.loaded_utc, d.engine,
               (SELECT count(*) FROM image WHERE dataset_id = d.id) AS images,
               (SELECT count(*) FROM image WHERE dataset_id = d.id AND NOT accepted) AS rejected,
               (SELECT count(*) FROM runningcatalog WHERE dataset_id = d.id) AS catalogue,
               (SELECT count(*) FROM extractedsource WHERE dataset_id = d.id AND extract_type = 0) AS blind,
               (SELECT count(*) FROM extractedsource WHERE dataset_id = d.id AND extract_type <> 0) AS forced,
               (SELECT count(*) FROM newsource WHERE dataset_id = d.id) AS new_sources,
               (SELECT count(*) FROM candidate WHERE dataset_id = d.id) AS candidates
        FROM dataset d WHERE d.id = $1
        """;

    private static readonly Column<Band>[] BandColumns =
    [
        new("Band", b => Fmt.Int(b.Id), Numeric: true),
        new("Central (MHz)", b => Fmt.Mhz(b.Central), Numeric: true),
        new("Low (MHz)", b => Fmt.Mhz(b.Low), Numeric: true),
        new("High (MHz)", b => Fmt.Mhz(b.High), Numeric: true),
        new("Images", b => Fmt.Int(b.Images), Numeric: true),
    ];

    private static readonly Column<Region>[] RegionColumns =
    [
        new("Sky region", g => Fmt.Int(g.Id), Numeric: true),
        new("Centre RA (deg)", g => Fmt.Deg(g.Ra), Numeric: true),
        new("Centre Dec (deg)", g => Fmt.Deg(g.Dec), Numeric: true),
        new("Extraction radius (deg)", g => Fmt.G(g.Radius), Numeric: true),
        new("Images", g => Fmt.Int(g.Images), Numeric: true),
    ];

    private static readonly Column<Setting>[] ConfigColumns =
    [
        new("Section", s => s.Section), new("Key", s => s.Key), new("Value", s => s.Value), new("Type", s => s.Type),
    ];

    public static async Task<IResult> RenderAsync(PageRequest request)
    {
        var id = request.RouteId("dataset", "dataset id");
        var (overview, bands, regions, config) = await request.ReadAsync(async q =>
        {
            var o = await q.SingleAsync(OverviewSql, r => new Overview(r.Text("name"), r.Text("description"), r.Utc("process_start_utc"),
                r.Utc("process_end_utc"), r.Utc("loaded_utc"), r.Text("engine"), r.Long("images"), r.Long("rejected"), r.Long("catalogue"),
                r.Long("blind"), r.Long("forced"), r.Long("new_sources"), r.Long("candidates")), $"There is no dataset {id} in this catalogue database.", id);
            var b = await q.ListAsync("""
                SELECT f.band_id, f.freq_central_hz, f.freq_low_hz, f.freq_high_hz,
                       (SELECT count(*) FROM image i WHERE i.dataset_id = f.dataset_id AND i.band_id = f.band_id) AS images
                FROM frequencyband f WHERE f.dataset_id = $1 ORDER BY f.band_id
                """, r => new Band(r.Int("band_id"), r.Double("freq_central_hz"), r.Double("freq_low_hz"), r.Double("freq_high_hz"), r.Long("images")), id);
            var g = await q.ListAsync("""
                SELECT s.sky_region_id, s.centre_ra_deg, s.centre_dec_deg, s.xtr_radius_deg,
                       (SELECT count(*) FROM image i WHERE i.dataset_id = s.dataset_id AND i.sky_region_id = s.sky_region_id) AS images
                FROM skyregion s WHERE s.dataset_id = $1 ORDER BY s.sky_region_id
                """, r => new Region(r.Long("sky_region_id"), r.Double("centre_ra_deg"), r.Double("centre_dec_deg"), r.Double("xtr_radius_deg"), r.Long("images")), id);
            var c = await q.ListAsync("SELECT section, key, value, type FROM config WHERE dataset_id = $1 ORDER BY section, key",
                r => new Setting(r.Text("section"), r.Text("key"), r.Text("value"), r.Text("type")), id);
            return (o, b, g, c);
        });

        var path = "/datasets/" + id;
        var body = new StringBuilder();
        body.Append("<p class=\"note\">").Append(HtmlText.Encode(overview.Description)).Append("</p>");
        body.Append("<div class=\"cards\">")
            .Append(Card("Images", overview.Images, path + "/images"))
            .Append(Card("Rejected images", overview.Rejected, path + "/images?status=rejected"))
            .Append(Card("Catalogue sources", overview.Catalogue, path + "/sources"))
            .Append(Card("Blind extractions", overview.Blind, null))
            .Append(Card("Forced fits", overview.Forced, null))
            .Append(Card("New sources", overview.NewSources, path + "/sources?new=1"))
            .Append(Card("Candidates", overview.Candidates, path + "/candidates"))
            .Append("</div>");
        body.Append(HtmlText.Facts([
            ("Dataset id", Fmt.Int(id)), ("Processing started (UTC)", Fmt.Utc(overview.Start)), ("Processing ended (UTC)", Fmt.Utc(overview.End)),
            ("Run time", Fmt.Seconds(overview.End - overview.Start)), ("Engine", overview.Engine), ("Loaded into the database (UTC)", Fmt.Utc(overview.Loaded)),
        ]));
        body.Append("<h2>Frequency bands</h2>").Append(Table.Html(BandColumns, bands, "bands"));
        body.Append("<h2>Sky regions</h2>").Append(Table.Html(RegionColumns, regions, "skyregions"));
        body.Append("<h2>Job configuration</h2>").Append(Table.Html(ConfigColumns, config, "config"));
        return PageRequest.Html(PageLayout.Render(overview.Name, body.ToString(), id, ""));
    }

    private static string Card(string label, long value, string? link)
    {
        var number = "<div class=\"value\">" + HtmlText.Encode(Fmt.Int(value)) + "</div><div class=\"label\">" + HtmlText.Encode(label) + "</div>";
        return "<div class=\"card\">" + (link is null ? number : "<a href=\"" + HtmlText.Encode(link) + "\">" + number + "</a>") + "</div>";
    }
}
