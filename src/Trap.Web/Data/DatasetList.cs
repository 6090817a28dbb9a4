namespace Trap.Web.Data;

/// <summary>A dataset as the front page lists it: counts, processing times and the time span of its images (null without images).</summary>
public sealed record DatasetListRow(DatasetName Dataset, string Description, int Images, int Rejected, DateTime Start, DateTime End,
                                    string Engine, DateTime? FirstImage, DateTime? LastImage);

/// <summary>Every dataset of the catalogue, newest first.</summary>
public static class DatasetList
{
    private const string Sql = """
        SELECT d.id, d.name, d.description, d.n_images, d.n_rejected, d.process_start_utc, d.process_end_utc, d.engine,
               t.first_utc, t.last_utc
        FROM dataset d
        LEFT JOIN LATERAL (SELECT min(start_utc) AS first_utc, max(start_utc) AS last_utc FROM image i WHERE i.dataset_id = d.id) t ON true
        ORDER BY d.id DESC
        """;

    public static Task<List<DatasetListRow>> LoadAsync(CatalogueQuery q) =>
        q.ListAsync(Sql, r => new DatasetListRow(new DatasetName(r.Long("id"), r.Text("name")), r.Text("description"), r.Int("n_images"),
            r.Int("n_rejected"), r.Utc("process_start_utc"), r.Utc("process_end_utc"), r.Text("engine"), r.NullableUtc("first_utc"), r.NullableUtc("last_utc")));
}
