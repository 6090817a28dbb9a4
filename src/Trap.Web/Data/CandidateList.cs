namespace Trap.Web.Data;

/// <summary>A transient candidate as the candidates list shows it.</summary>
public sealed record CandidateListRow(long Runcat, int Band, double Ra, double Dec, string Class, double Score, string Rule, string SelectedBy,
                                  DateTime Trigger, int Points, double V, double Eta, double Significance, int? NewType, double PeakFlux);

/// <summary>A dataset's transient candidates, best score first, and the classes it has.</summary>
public static class CandidateList
{
    public static Task<List<string>> ClassesAsync(CatalogueQuery q, long dataset) =>
        q.ListAsync("SELECT DISTINCT class FROM candidate WHERE dataset_id = $1 ORDER BY class", r => r.Text("class"), dataset);

    /// <summary>The candidates of class <paramref name="chosenClass"/> (null: all).</summary>
    public static Task<List<CandidateListRow>> LoadAsync(CatalogueQuery q, long dataset, string? chosenClass) =>
        q.ListAsync("""
            SELECT runcat_id, band_id, ra_deg, dec_deg, class, score, class_rule, selected_by, trigger_utc, n_points, v_int, eta_int,
                   eta_int_significance, newsource_type, peak_f_int_jy
            FROM candidate WHERE dataset_id = $1 AND ($2::text IS NULL OR class = $2)
            ORDER BY score DESC, runcat_id
            """, r => new CandidateListRow(r.Long("runcat_id"), r.Int("band_id"), r.Double("ra_deg"), r.Double("dec_deg"), r.Text("class"), r.Double("score"),
            r.Text("class_rule"), r.Text("selected_by"), r.Utc("trigger_utc"), r.Int("n_points"), r.Double("v_int"), r.Double("eta_int"),
            r.Double("eta_int_significance"), r.NullableInt("newsource_type"), r.Double("peak_f_int_jy")), dataset, chosenClass);
}
