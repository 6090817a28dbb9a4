using Trap.Formats.Wcs;

namespace Trap.Web.Data;

/// <summary>An image a source's stamps and limits are drawn from; <see cref="Before"/>: observed before the source's first detection in its band.</summary>
public sealed record SourceImage(long ImageId, int Band, DateTime Start, string Url, double? RmsQc, bool Before);

/// <summary>
/// The images behind a catalogue source's light curve: every image it has a measurement in, and the
/// accepted images of its bands taken before its first measurement in that band whose extraction
/// radius covers its position (where it could have been seen and was not).
/// </summary>
public static class SourceImages
{
    public static async Task<IReadOnlyList<SourceImage>> LoadAsync(CatalogueQuery q, long dataset, long runcat, double raDeg, double decDeg)
    {
        var measured = await q.ListAsync("""
            SELECT i.image_id, i.band_id, i.start_utc, i.url, i.rms_qc_jy
            FROM image i
            WHERE i.dataset_id = $1 AND i.image_id IN (SELECT a.image_id FROM assocxtrsource a WHERE a.dataset_id = $1 AND a.runcat_id = $2)
            """, r => new SourceImage(r.Long("image_id"), r.Int("band_id"), r.Utc("start_utc"), r.Text("url"), Finite(r.NullableDouble("rms_qc_jy")), false),
            dataset, runcat);
        var earlier = await q.ListAsync("""
            SELECT i.image_id, i.band_id, i.start_utc, i.url, i.rms_qc_jy, i.centre_ra_deg, i.centre_dec_deg, i.xtr_radius_deg
            FROM image i
            JOIN (SELECT band_id, min(time_utc) AS first_utc FROM assocxtrsource WHERE dataset_id = $1 AND runcat_id = $2 GROUP BY band_id) f
              ON f.band_id = i.band_id
            WHERE i.dataset_id = $1 AND i.accepted AND i.start_utc < f.first_utc
            """, r => (Image: new SourceImage(r.Long("image_id"), r.Int("band_id"), r.Utc("start_utc"), r.Text("url"), Finite(r.NullableDouble("rms_qc_jy")), true),
                Covers: SkyGeometry.SeparationDeg(r.Double("centre_ra_deg"), r.Double("centre_dec_deg"), raDeg, decDeg) <= r.Double("xtr_radius_deg")),
            dataset, runcat);
        return [.. measured.Concat(earlier.Where(e => e.Covers).Select(e => e.Image)).OrderBy(i => i.Start).ThenBy(i => i.Band)];
    }

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) && v > 0 ? v : null;
}
