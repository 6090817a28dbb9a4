using System.Globalization;

namespace Trap.Web.Data;

/// <summary>A catalogue source with its variability metrics (the band varmetric chose), its distance from a cone's centre and its candidate class.</summary>
public sealed record CatalogueRow(long Id, double Ra, double Dec, int Datapoints, int? Band, double? V, double? Eta, double? Significance,
                                  double? Max, double? Avg, int? NewType, double? SigmaMin, double? SigmaMax, double? Distance, string? Class);

/// <summary>What the catalogue list is filtered by; a null bound is no bound, a null cone no cone (all three of ra, dec, radius or none).</summary>
public sealed record CatalogueFilter(double? Ra, double? Dec, double? Radius, double? VMin, double? VMax, double? EtaMin, double? EtaMax,
                                     int? MinDatapoints, bool NewOnly);

/// <summary>
/// The running catalogue filtered by V, η, datapoints and new sources, optionally inside a cone
/// (trap_cone_search), nearest first or by a sortable column (<see cref="SortColumns"/>).
/// </summary>
public static class CatalogueSearch
{
    /// <summary>The SQL each sort key stands for; keys are checked against this list, never put in SQL from the request.</summary>
    public static readonly IReadOnlyDictionary<string, string> SortColumns = new Dictionary<string, string>
    {
        ["id"] = "rc.runcat_id", ["ra"] = "rc.wm_ra_deg", ["dec"] = "rc.wm_dec_deg", ["distance"] = "cn.distance_deg", ["datapoints"] = "rc.datapoints",
        ["v"] = "vm.v_int", ["eta"] = "vm.eta_int", ["significance"] = "vm.eta_int_significance", ["max"] = "vm.lightcurve_max_jy",
        ["avg"] = "vm.lightcurve_avg_jy", ["sigmamin"] = "vm.sigma_rms_min", ["sigmamax"] = "vm.sigma_rms_max",
    };

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

    /// <summary>The sources passing <paramref name="filter"/> (<paramref name="limit"/> from <paramref name="offset"/>; all when limit is null) and how many pass.</summary>
    public static async Task<(List<CatalogueRow> Rows, long Total)> LoadAsync(CatalogueQuery q, long dataset, CatalogueFilter filter,
                                                                             string? sortKey, bool descending, long? limit, long offset)
    {
        object?[] values = [dataset, filter.Ra, filter.Dec, filter.Radius, filter.VMin, filter.VMax, filter.EtaMin, filter.EtaMax, filter.MinDatapoints, filter.NewOnly];
        var order = sortKey is null
            ? "cn.distance_deg NULLS LAST, rc.runcat_id"
            : $"{SortColumns[sortKey]} {(descending ? "DESC" : "ASC")} NULLS LAST, rc.runcat_id";
        var sql = string.Format(CultureInfo.InvariantCulture, From, Fields) + " " + Filter + "\nORDER BY " + order + " LIMIT $11::bigint OFFSET $12";
        var rows = await q.ListAsync(sql, r => new CatalogueRow(r.Long("runcat_id"), r.Double("wm_ra_deg"), r.Double("wm_dec_deg"), r.Int("datapoints"),
            r.NullableInt("band_id"), r.NullableDouble("v_int"), r.NullableDouble("eta_int"), r.NullableDouble("eta_int_significance"),
            r.NullableDouble("lightcurve_max_jy"), r.NullableDouble("lightcurve_avg_jy"), r.NullableInt("newsource_type"),
            r.NullableDouble("sigma_rms_min"), r.NullableDouble("sigma_rms_max"), r.NullableDouble("distance_deg"), r.NullableText("class")),
            [.. values, limit, offset]);
        var total = await q.CountAsync(string.Format(CultureInfo.InvariantCulture, From, "count(*)") + " " + Filter, values);
        return (rows, total);
    }
}
