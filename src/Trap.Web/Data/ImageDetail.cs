using System.Data.Common;

namespace Trap.Web.Data;

/// <summary>One image's stored columns; what an image does not have (its header unreadable, it was rejected) is null (docs/outputs.md).</summary>
public sealed record StoredImage(string Url, string? Telescope, string? Accessor, DateTime? Start, double? Integration, int? Timestep, int? Band,
                                 double? FreqEff, double? FreqBw, string? Stokes, long? SkyRegion, double? CentreRa, double? CentreDec, double? XtrRadius,
                                 double? BeamSmaj, double? BeamSmin, double? BeamPa, double? DeltaX, double? DeltaY, int? Width, int? Height,
                                 double? RmsQc, double? TheoreticalNoise, double? RmsMin, double? RmsMax, double DetectionThreshold,
                                 double AnalysisThreshold, int? Sources);

public sealed record RejectionRecord(int ReasonId, string Reason, string Comment);

/// <summary>A source extracted from (or fitted in) an image, with the catalogue source it belongs to.</summary>
public sealed record ExtractedSourceRecord(long Id, int ExtractType, double Ra, double Dec, double X, double Y, double DetSigma, double FPeak,
                                           double FPeakErr, double FInt, double FIntErr, double Smaj, double Smin, double Pa, double ReducedChisq, long? Runcat);

/// <summary>One image: its row, its rejections and every source measured in it.</summary>
public sealed record ImageDetail(StoredImage Image, IReadOnlyList<RejectionRecord> Rejections, IReadOnlyList<ExtractedSourceRecord> Sources)
{
    public static async Task<ImageDetail> LoadAsync(CatalogueQuery q, long dataset, long imageId)
    {
        var image = await q.SingleAsync("SELECT * FROM image WHERE dataset_id = $1 AND image_id = $2", ReadImage,
            $"This dataset has no image {imageId}.", dataset, imageId);
        var rejections = await q.ListAsync("SELECT reason_id, reason, comment FROM rejection WHERE dataset_id = $1 AND image_id = $2 ORDER BY reason_id",
            r => new RejectionRecord(r.Int("reason_id"), r.Text("reason"), r.Text("comment")), dataset, imageId);
        var sources = await q.ListAsync("""
            SELECT e.source_id, e.extract_type, e.ra_deg, e.dec_deg, e.x_pix, e.y_pix, e.det_sigma, e.f_peak_jy, e.f_peak_err_jy,
                   e.f_int_jy, e.f_int_err_jy, e.semimajor_arcsec, e.semiminor_arcsec, e.pa_deg, e.reduced_chisq,
                   (SELECT min(a.runcat_id) FROM assocxtrsource a WHERE a.dataset_id = e.dataset_id AND a.source_id = e.source_id) AS runcat_id
            FROM extractedsource e WHERE e.dataset_id = $1 AND e.image_id = $2 ORDER BY e.source_id
            """, r => new ExtractedSourceRecord(r.Long("source_id"), r.Int("extract_type"), r.Double("ra_deg"), r.Double("dec_deg"), r.Double("x_pix"),
            r.Double("y_pix"), r.Double("det_sigma"), r.Double("f_peak_jy"), r.Double("f_peak_err_jy"), r.Double("f_int_jy"),
            r.Double("f_int_err_jy"), r.Double("semimajor_arcsec"), r.Double("semiminor_arcsec"), r.Double("pa_deg"), r.Double("reduced_chisq"),
            r.NullableLong("runcat_id")), dataset, imageId);
        return new ImageDetail(image, rejections, sources);
    }

    /// <summary>The path of an image's file (where its pixels are read from).</summary>
    public static Task<string> UrlAsync(CatalogueQuery q, long dataset, long imageId) =>
        q.SingleAsync("SELECT url FROM image WHERE dataset_id = $1 AND image_id = $2", r => r.Text("url"), $"This dataset has no image {imageId}.", dataset, imageId);

    private static StoredImage ReadImage(DbDataReader r) => new(
        r.Text("url"), r.NullableText("telescope"), r.NullableText("accessor"), r.NullableUtc("start_utc"), r.NullableDouble("integration_s"),
        r.NullableInt("timestep"), r.NullableInt("band_id"), r.NullableDouble("freq_eff_hz"), r.NullableDouble("freq_bw_hz"), r.NullableText("stokes"),
        r.NullableLong("sky_region_id"), r.NullableDouble("centre_ra_deg"), r.NullableDouble("centre_dec_deg"), r.NullableDouble("xtr_radius_deg"),
        r.NullableDouble("rb_smaj_deg"), r.NullableDouble("rb_smin_deg"), r.NullableDouble("rb_pa_deg"), r.NullableDouble("deltax_deg"),
        r.NullableDouble("deltay_deg"), r.NullableInt("width_px"), r.NullableInt("height_px"), r.NullableDouble("rms_qc_jy"),
        r.NullableDouble("theoretical_noise_jy"), r.NullableDouble("rms_min_jy"), r.NullableDouble("rms_max_jy"), r.Double("detection_thresh"),
        r.Double("analysis_thresh"), r.NullableInt("n_sources"));
}
