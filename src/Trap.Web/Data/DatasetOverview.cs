namespace Trap.Web.Data;

/// <summary>A dataset's overview: its dataset row, row counts, bands and sky regions with their image counts, and its stored job configuration.</summary>
public sealed record DatasetOverview(string Description, DateTime Start, DateTime End, DateTime Loaded, string Engine,
                                     long Images, long Rejected, long Catalogue, long Blind, long Forced, long NewSources, long Candidates,
                                     IReadOnlyList<DatasetOverview.Band> Bands, IReadOnlyList<DatasetOverview.Region> Regions,
                                     IReadOnlyList<DatasetOverview.Setting> Config)
{
    public sealed record Band(int Id, double Central, double Low, double High, long Images);

    public sealed record Region(long Id, double Ra, double Dec, double Radius, long Images);

    public sealed record Setting(string Section, string Key, string Value, string Type);

    private const string CountsSql = """
        SELECT d.description, d.process_start_utc, d.process_end_utc, d.loaded_utc, d.engine,
               (SELECT count(*) FROM image WHERE dataset_id = d.id) AS images,
               (SELECT count(*) FROM image WHERE dataset_id = d.id AND NOT accepted) AS rejected,
               (SELECT count(*) FROM runningcatalog WHERE dataset_id = d.id) AS catalogue,
               (SELECT count(*) FROM extractedsource WHERE dataset_id = d.id AND extract_type = 0) AS blind,
               (SELECT count(*) FROM extractedsource WHERE dataset_id = d.id AND extract_type <> 0) AS forced,
               (SELECT count(*) FROM newsource WHERE dataset_id = d.id) AS new_sources,
               (SELECT count(*) FROM candidate WHERE dataset_id = d.id) AS candidates
        FROM dataset d WHERE d.id = $1
        """;

    public static async Task<DatasetOverview> LoadAsync(CatalogueQuery q, long dataset)
    {
        var bands = await q.ListAsync("""
            SELECT f.band_id, f.freq_central_hz, f.freq_low_hz, f.freq_high_hz,
                   (SELECT count(*) FROM image i WHERE i.dataset_id = f.dataset_id AND i.band_id = f.band_id) AS images
            FROM frequencyband f WHERE f.dataset_id = $1 ORDER BY f.band_id
            """, r => new Band(r.Int("band_id"), r.Double("freq_central_hz"), r.Double("freq_low_hz"), r.Double("freq_high_hz"), r.Long("images")), dataset);
        var regions = await q.ListAsync("""
            SELECT s.sky_region_id, s.centre_ra_deg, s.centre_dec_deg, s.xtr_radius_deg,
                   (SELECT count(*) FROM image i WHERE i.dataset_id = s.dataset_id AND i.sky_region_id = s.sky_region_id) AS images
            FROM skyregion s WHERE s.dataset_id = $1 ORDER BY s.sky_region_id
            """, r => new Region(r.Long("sky_region_id"), r.Double("centre_ra_deg"), r.Double("centre_dec_deg"), r.Double("xtr_radius_deg"), r.Long("images")), dataset);
        var config = await q.ListAsync("SELECT section, key, value, type FROM config WHERE dataset_id = $1 ORDER BY section, key",
            r => new Setting(r.Text("section"), r.Text("key"), r.Text("value"), r.Text("type")), dataset);
        return await q.SingleAsync(CountsSql, r => new DatasetOverview(r.Text("description"), r.Utc("process_start_utc"), r.Utc("process_end_utc"),
            r.Utc("loaded_utc"), r.Text("engine"), r.Long("images"), r.Long("rejected"), r.Long("catalogue"), r.Long("blind"), r.Long("forced"),
            r.Long("new_sources"), r.Long("candidates"), bands, regions, config), $"There is no dataset {dataset} in this catalogue.", dataset);
    }
}
