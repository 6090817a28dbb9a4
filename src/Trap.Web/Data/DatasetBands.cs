namespace Trap.Web.Data;

/// <summary>A dataset's frequency bands (id, central frequency in Hz), in band order.</summary>
public static class DatasetBands
{
    public static Task<List<(int Id, double CentralHz)>> LoadAsync(CatalogueQuery q, long dataset) =>
        q.ListAsync("SELECT band_id, freq_central_hz FROM frequencyband WHERE dataset_id = $1 ORDER BY band_id",
            r => (r.Int("band_id"), r.Double("freq_central_hz")), dataset);
}
