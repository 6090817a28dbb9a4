namespace Trap.Web.Data;

/// <summary>A source on the η–V plane of one band: its indices, datapoints, new-source type and candidate class (when selected in that band).</summary>
public sealed record EtaVPoint(long Runcat, int Datapoints, double V, double Eta, int? NewType, string? Class);

/// <summary>Every catalogue source's integrated-flux η and V in one band.</summary>
public static class EtaVPoints
{
    public static Task<List<EtaVPoint>> LoadAsync(CatalogueQuery q, long dataset, int band) =>
        q.ListAsync("""
            SELECT f.runcat_id, f.f_datapoints, f.v_int, f.eta_int, n.newsource_type, c.class
            FROM runningcatalog_flux f
            LEFT JOIN newsource n ON n.dataset_id = f.dataset_id AND n.runcat_id = f.runcat_id
            LEFT JOIN candidate c ON c.dataset_id = f.dataset_id AND c.runcat_id = f.runcat_id AND c.band_id = f.band_id
            WHERE f.dataset_id = $1 AND f.band_id = $2
            ORDER BY f.runcat_id
            """, r => new EtaVPoint(r.Long("runcat_id"), r.Int("f_datapoints"), r.Double("v_int"), r.Double("eta_int"), r.NullableInt("newsource_type"),
            r.NullableText("class")), dataset, band);
}
