namespace Trap.Web.Data;

/// <summary>A catalogue source's position (weighted mean, with its uncertainties in degrees) and counts.</summary>
public sealed record CatalogueSource(double Ra, double Dec, double ErrEw, double ErrNs, int Datapoints, int ForcedFits, bool Monitored, long FirstSource);

/// <summary>A source's flux averages and variability indices in one band.</summary>
public sealed record BandFlux(int Band, int Points, double AvgPeak, double AvgInt, double WavgInt, double VInt, double EtaInt, double VPeak, double EtaPeak);

/// <summary>One association of the source with a measurement (its light-curve point).</summary>
public sealed record Association(DateTime Time, int Band, long ImageId, long SourceId, int Type, int ExtractType, double Distance, double R,
                                 double FInt, double FIntErr, double FPeak, double FPeakErr, double V, double Eta, int Points);

/// <summary>The source's variability row (in the band varmetric chose).</summary>
public sealed record VariabilityRecord(int Band, double EtaSignificance, double Max, double Avg, double Median, double? VsMax, double? MMax,
                                       int? NewType, double? SigmaMin, double? SigmaMax);

/// <summary>The source's transient-candidate row.</summary>
public sealed record CandidateRecord(string Class, double Score, string Rule, string SelectedBy, int Band, DateTime Trigger, double? EtaSigmas,
                                     double? VSigmas, int Points, double ForcedFraction, double PeakFlux, DateTime PeakTime, string Ivorn);

/// <summary>Everything a source's page shows: position, per-band fluxes, association history, variability, candidate verdict and its images.</summary>
public sealed record SourceDetail(CatalogueSource Source, IReadOnlyList<BandFlux> Fluxes, IReadOnlyList<Association> History,
                                  VariabilityRecord? Variability, CandidateRecord? Candidate, IReadOnlyList<SourceImage> Images)
{
    public static async Task<SourceDetail> LoadAsync(CatalogueQuery q, long dataset, long runcat)
    {
        var source = await q.SingleAsync("""
            SELECT wm_ra_deg, wm_dec_deg, wm_uncertainty_ew_deg, wm_uncertainty_ns_deg, datapoints, forcedfits_count, mon_src, first_source_id
            FROM runningcatalog WHERE dataset_id = $1 AND runcat_id = $2
            """, r => new CatalogueSource(r.Double("wm_ra_deg"), r.Double("wm_dec_deg"), r.Double("wm_uncertainty_ew_deg"), r.Double("wm_uncertainty_ns_deg"),
            r.Int("datapoints"), r.Int("forcedfits_count"), r.Bool("mon_src"), r.Long("first_source_id")),
            $"This dataset has no catalogue source {runcat}.", dataset, runcat);
        var fluxes = await q.ListAsync("SELECT * FROM runningcatalog_flux WHERE dataset_id = $1 AND runcat_id = $2 ORDER BY band_id",
            r => new BandFlux(r.Int("band_id"), r.Int("f_datapoints"), r.Double("avg_f_peak_jy"), r.Double("avg_f_int_jy"), r.Double("wavg_f_int_jy"),
                r.Double("v_int"), r.Double("eta_int"), r.Double("v_peak"), r.Double("eta_peak")), dataset, runcat);
        var history = await q.ListAsync("""
            SELECT a.time_utc, a.band_id, a.image_id, a.source_id, a.type, e.extract_type, a.distance_arcsec, a.r, a.f_int_jy, a.f_int_err_jy,
                   a.f_peak_jy, a.f_peak_err_jy, a.v_int, a.eta_int, a.f_datapoints
            FROM assocxtrsource a
            JOIN extractedsource e ON e.dataset_id = a.dataset_id AND e.source_id = a.source_id
            WHERE a.dataset_id = $1 AND a.runcat_id = $2
            ORDER BY a.time_utc, a.band_id, a.source_id
            """, r => new Association(r.Utc("time_utc"), r.Int("band_id"), r.Long("image_id"), r.Long("source_id"), r.Int("type"), r.Int("extract_type"),
            r.Double("distance_arcsec"), r.Double("r"), r.Double("f_int_jy"), r.Double("f_int_err_jy"), r.Double("f_peak_jy"), r.Double("f_peak_err_jy"),
            r.Double("v_int"), r.Double("eta_int"), r.Int("f_datapoints")), dataset, runcat);
        var variability = await q.ListAsync("""
            SELECT band_id, eta_int_significance, lightcurve_max_jy, lightcurve_avg_jy, lightcurve_median_jy, vs_int_max, m_int_max,
                   newsource_type, sigma_rms_min, sigma_rms_max
            FROM varmetric WHERE dataset_id = $1 AND runcat_id = $2
            """, r => new VariabilityRecord(r.Int("band_id"), r.Double("eta_int_significance"), r.Double("lightcurve_max_jy"), r.Double("lightcurve_avg_jy"),
            r.Double("lightcurve_median_jy"), r.NullableDouble("vs_int_max"), r.NullableDouble("m_int_max"), r.NullableInt("newsource_type"),
            r.NullableDouble("sigma_rms_min"), r.NullableDouble("sigma_rms_max")), dataset, runcat);
        var candidate = await q.ListAsync("""
            SELECT class, score, class_rule, selected_by, band_id, trigger_utc, eta_sigmas, v_sigmas, n_points, forced_fraction,
                   peak_f_int_jy, peak_utc, ivorn
            FROM candidate WHERE dataset_id = $1 AND runcat_id = $2
            """, r => new CandidateRecord(r.Text("class"), r.Double("score"), r.Text("class_rule"), r.Text("selected_by"), r.Int("band_id"),
            r.Utc("trigger_utc"), r.NullableDouble("eta_sigmas"), r.NullableDouble("v_sigmas"), r.Int("n_points"), r.Double("forced_fraction"),
            r.Double("peak_f_int_jy"), r.Utc("peak_utc"), r.Text("ivorn")), dataset, runcat);
        var images = await SourceImages.LoadAsync(q, dataset, runcat, source.Ra, source.Dec);
        return new SourceDetail(source, fluxes, history, variability.FirstOrDefault(), candidate.FirstOrDefault(), images);
    }
}
