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

    private static Column<CatalogueRow>[] Columns(DatasetName dataset, BandList bands, bool cone)
    {
        var columns = new List<Column<CatalogueRow>>
        {
            new("Id", r => Fmt.Int(r.Id), r => $"{dataset.Path}/sources/{r.Id}", true, Sort: "id"),
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
        var dataset = request.Dataset;
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
        var filter = new CatalogueFilter(ra, dec, radius, vMin, vMax, etaMin, etaMax, minPoints, newOnly);
        // Sortable columns are the same whatever the bands; the cone's distance only with a cone.
        var sort = SortOrder.From(input, Columns(dataset, new BandList([]), radius is not null));
        var (bands, (rows, total)) = await request.ReadAsync(async q => (await BandList.LoadAsync(q, dataset.Id),
            await CatalogueSearch.LoadAsync(q, dataset.Id, filter, sort.Key, sort.Descending, csv ? null : Pager.Size, csv ? 0 : Pager.Offset(page))));
        var columns = Columns(dataset, bands, radius is not null);
        if (csv) return PageRequest.Csv($"dataset-{dataset.Id}-sources.csv", Table.Csv(columns, rows));

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
        return PageRequest.Html(PageLayout.Render("Catalogue of " + dataset.Name, body.ToString(), dataset, "/sources"));
    }
}
