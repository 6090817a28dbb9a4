namespace Trap.Web.Data;

/// <summary>The image of each candidate's peak flux (its band's measurement at peak_utc), for the candidates list's stamps.</summary>
public static class PeakImages
{
    public static async Task<IReadOnlyDictionary<long, (long ImageId, string Url)>> LoadAsync(CatalogueQuery q, long dataset)
    {
        var rows = await q.ListAsync("""
            SELECT c.runcat_id, min(a.image_id) AS image_id
            FROM candidate c
            JOIN assocxtrsource a ON a.dataset_id = c.dataset_id AND a.runcat_id = c.runcat_id AND a.band_id = c.band_id AND a.time_utc = c.peak_utc
            WHERE c.dataset_id = $1
            GROUP BY c.runcat_id
            """, r => (Runcat: r.Long("runcat_id"), Image: r.Long("image_id")), dataset);
        var urls = (await q.ListAsync("""
            SELECT i.image_id, i.url FROM image i
            WHERE i.dataset_id = $1 AND i.image_id IN (
                SELECT a.image_id FROM candidate c
                JOIN assocxtrsource a ON a.dataset_id = c.dataset_id AND a.runcat_id = c.runcat_id AND a.band_id = c.band_id AND a.time_utc = c.peak_utc
                WHERE c.dataset_id = $1)
            """, r => (Image: r.Long("image_id"), Url: r.Text("url")), dataset)).ToDictionary(u => u.Image, u => u.Url);
        return rows.Where(r => urls.ContainsKey(r.Image)).ToDictionary(r => r.Runcat, r => (r.Image, urls[r.Image]));
    }
}
