using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Trap.Web.Data;
using Trap.Web.Html;
using Trap.Web.Input;

namespace Trap.Web.Pages;

/// <summary>
/// The running catalogue with its variability metrics (one row per source, in the band varmetric
/// chose), filtered by V, η, datapoints and new sources, optionally inside a cone (trap_cone_search).
/// </summary>
public static class CataloguePage
{
    /// <summary>Largest cone radius accepted (deg): beyond any single field of view.</summary>
    public const double MaxRadiusDeg = 10.0;

    private sealed record Row(long Id, double Ra, double Dec, int Datapoints, int? Band, double? V, double? Eta, double? Significance,
                              double? Max, double? Avg, int? NewType, double? SigmaMin, double? SigmaMax, double? Distance, string? Class);

    private const string Filter = """
        rc.dataset_id = $1
          AND ($2::float8 IS NULL OR rc.runcat_id IN (SELECT c.runcat_id FROM cone c))
          AND ($5::float8 IS NULL OR vm.v_int >= $5) AND ($6::float8 IS NULL OR vm.v_int <= $6)
          AND ($7::float8 IS NULL OR vm.eta_int >= $7) AND ($8::float8 IS NULL OR vm.eta_int <= $8)
          AND ($9::integer IS NULL OR rc.datapoints >= $9)
          AND (NOT $10::boolean OR vm.newsource_type IS NOT NULL)
        """;

    private const string From = """
        WITH cone AS (SELECT * FROM trap_cone_search($1, $2::float8, $3::float8, $4::float8))
        SELECT {0}
        FROM runningcatalog rc
        LEFT JOIN varmetric vm ON vm.dataset_id = rc.dataset_id AND vm.runcat_id = rc.runcat_id
        LEFT JOIN cone cn ON cn.runcat_id = rc.runcat_id
        LEFT JOIN candidate cd ON cd.dataset_id = rc.dataset_id AND cd.runcat_id = rc.runcat_id
        WHERE
        """;

    private const string Fields = """
        rc.runcat_id, rc.wm_ra_deg, rc.wm_dec_deg, rc.datapoints, vm.band_id, vm.v_int, vm.eta_int, vm.eta_int_significance,
        vm.lightcurve_max_jy, vm.lightcurve_avg_jy, vm.newsource_type, vm.sigma_rms_min, vm.sigma_rms_max, cn.distance_deg, cd.class
        """;

    /// <summary>The SQL each sortable column's key stands for (keys come from <see cref="Columns"/>, never from the request).</summary>
    private static readonly Dictionary<string, string> SortSql = new()
    {
        ["id"] = "rc.runcat_id", ["ra"] = "rc.wm_ra_deg", ["dec"] = "rc.wm_dec_deg", ["distance"] = "cn.distance_deg", ["datapoints"] = "rc.datapoints",
        ["v"] = "vm.v_int", ["eta"] = "vm.eta_int", ["significance"] = "vm.eta_int_significance", ["max"] = "vm.lightcurve_max_jy",
        ["avg"] = "vm.lightcurve_avg_jy", ["sigmamin"] = "vm.sigma_rms_min", ["sigmamax"] = "vm.sigma_rms_max",
    };

    private static Column<Row>[] Columns(long dataset, BandList bands, bool cone)
    {
        var columns = new List<Column<Row>>
        {
            new("Id", r => Fmt.Int(r.Id), r => $"/datasets/{dataset}/sources/{r.Id}", true, Sort: "id"),
            new("RA (deg)", r => Fmt.Deg(r.Ra), Numeric: true, Sort: "ra"),
            new("Dec (deg)", r => Fmt.Deg(r.Dec), Numeric: true, Sort: "dec"),
            new("Datapoints", r => Fmt.Int(r.Datapoints), Numeric: true, Sort: "datapoints"),
            new("Band", r => r.Band is { } b ? bands.Label(b) : ""),
            new("V_int", r => Fmt.G(r.V), Numeric: true, Sort: "v"),
            new("η_int", r => Fmt.G(r.Eta), Numeric: true, Sort: "eta"),
            new("η significance", r => Fmt.G(r.Significance), Numeric: true, Title: "1 − Q_χ²(η(N−1); N−1)", Sort: "significance"),
            new("Max f_int (Jy)", r => Fmt.G(r.Max), Numeric: true, Sort: "max"),
            new("Avg f_int (Jy)", r => Fmt.G(r.Avg), Numeric: true, Sort: "avg"),
            new("New source type", r => r.NewType switch { 0 => "0 possible", 1 => "1 likely", { } t => Fmt.Int(t), _ => "" }),
            new("σ_rms_min", r => Fmt.G(r.SigmaMin), Numeric: true, Sort: "sigmamin"),
            new("σ_rms_max", r => Fmt.G(r.SigmaMax), Numeric: true, Sort: "sigmamax"),
            new("Candidate", r => r.Class ?? ""),
        };
        if (cone) columns.Insert(3, new("Distance (deg)", r => Fmt.G(r.Distance, 5), Numeric: true, Sort: "distance"));
        return columns.ToArray();
    }

    public static async Task<IResult> RenderAsync(PageRequest request)
    {
        var id = request.RouteId("dataset", "dataset id");
        var input = request.Input;
        var ra = input.RightAscension("ra");
        var dec = input.Declination("dec");
        var radius = input.Number("radius", 1e-6, MaxRadiusDeg);
        var coneGiven = new[] { ra, dec, radius }.Count(v => v is not null);
        if (coneGiven is 1 or 2) throw new BadInputException("A cone search needs all of ra, dec and radius (degrees).");
        var vMin = input.Number("vmin", 0, 1e6);
        var vMax = input.Number("vmax", 0, 1e6);
        var etaMin = input.Number("etamin", 0, 1e12);
        var etaMax = input.Number("etamax", 0, 1e12);
        var minPoints = input.Integer("mindatapoints", 0, 1_000_000);
        var newOnly = input.Flag("new");
        var page = input.Page();
        var csv = input.WantsCsv();
        object?[] filter = [id, ra, dec, radius, vMin, vMax, etaMin, etaMax, minPoints, newOnly];
        // Sortable columns are the same whatever the bands; the cone's distance only with a cone.
        var sort = SortOrder.From(input, Columns(id, new BandList([]), radius is not null));
        var order = sort.Key is { } key ? $"{SortSql[key]} {(sort.Descending ? "DESC" : "ASC")} NULLS LAST, rc.runcat_id" : "cn.distance_deg NULLS LAST, rc.runcat_id";

        var (dataset, bands, rows, total) = await request.ReadAsync(async q =>
        {
            var d = await DatasetName.LoadAsync(q, id);
            var b = await BandList.LoadAsync(q, id);
            var sql = string.Format(CultureInfo.InvariantCulture, From, Fields) + " " + Filter +
                      "\nORDER BY " + order + " LIMIT $11::bigint OFFSET $12";
            var list = await q.ListAsync(sql, r => new Row(r.Long("runcat_id"), r.Double("wm_ra_deg"), r.Double("wm_dec_deg"), r.Int("datapoints"),
                r.NullableInt("band_id"), r.NullableDouble("v_int"), r.NullableDouble("eta_int"), r.NullableDouble("eta_int_significance"),
                r.NullableDouble("lightcurve_max_jy"), r.NullableDouble("lightcurve_avg_jy"), r.NullableInt("newsource_type"),
                r.NullableDouble("sigma_rms_min"), r.NullableDouble("sigma_rms_max"), r.NullableDouble("distance_deg"), r.NullableText("class")),
                [.. filter, csv ? null : (long)Pager.Size, csv ? 0 : Pager.Offset(page)]);
            var n = await q.CountAsync(string.Format(CultureInfo.InvariantCulture, From, "count(*)") + " " + Filter, filter);
            return (d, b, list, n);
        });
        var columns = Columns(id, bands, radius is not null);
        if (csv) return PageRequest.Csv($"dataset-{id}-sources.csv", Table.Csv(columns, rows));

        var body = new StringBuilder();
        body.Append(FormFields.Open(dataset.Path + "/sources"))
            .Append("<fieldset><legend>Cone search (degrees or h:m:s, d:m:s)</legend>")
            .Append(FormFields.Text("ra", "RA", input.Text("ra"), "187.25 or 12:29:06.7"))
            .Append(FormFields.Text("dec", "Dec", input.Text("dec"), "2.05 or +02:03:08"))
            .Append(FormFields.Text("radius", "Radius (deg)", input.Text("radius"), "e.g. 0.1"))
            .Append("</fieldset><fieldset><legend>Variability</legend>")
            .Append(FormFields.Text("vmin", "V ≥", input.Text("vmin")))
            .Append(FormFields.Text("vmax", "V ≤", input.Text("vmax")))
            .Append(FormFields.Text("etamin", "η ≥", input.Text("etamin")))
            .Append(FormFields.Text("etamax", "η ≤", input.Text("etamax")))
            .Append(FormFields.Text("mindatapoints", "Datapoints ≥", input.Text("mindatapoints")))
            .Append(FormFields.Check("new", "new sources only", newOnly))
            .Append("</fieldset>")
            .Append(FormFields.Close("Search"));
        body.Append("<p class=\"note\">V and η are the integrated-flux metrics of each source's band chosen by the varmetric rule " +
                    "(latest observed band with the largest flux); every band's values are on the source page.</p>");
        body.Append(Pager.Render(request, page, rows.Count, total));
        body.Append(Table.Html(columns, rows, "catalogue", sorting: (request, sort)));
        return PageRequest.Html(PageLayout.Render("Catalogue of " + dataset.Name, body.ToString(), id, "/sources"));
    }
}
