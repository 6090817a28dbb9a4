-- Trap catalogue database, schema version 1.
-- One table per output table of a run (src/Trap.Pipeline/Output/DatasetTables.cs), named as in TraP
-- (tkp/db/model.py) where TraP has one:
--   Parquet table            database table        TraP table
--   dataset                  dataset               dataset
--   config                   config                config
--   images                   image                 image
--   rejections               rejection             rejection (+ rejectreason lookup)
--   frequency_bands          frequencyband         frequencyband
--   sky_regions              skyregion             skyregion
--   extracted_sources        extractedsource       extractedsource
--   running_catalogue        runningcatalog        runningcatalog
--   running_catalogue_flux   runningcatalog_flux   runningcatalog_flux
--   associations             assocxtrsource        assocxtrsource
--   new_sources              newsource             newsource
--   variability              varmetric             varmetric
--   monitor                  monitor               monitor
-- Columns are the Parquet columns (snake_case, units in the name) plus dataset_id. Ids are the run's
-- own ids, so every primary key starts with dataset_id. dataset_id has no foreign-key constraint: a
-- per-row check would halve the COPY rate, and rows are only written and deleted by Trap's loader, a
-- whole dataset at a time in one transaction (delete datasets with Trap, not by hand).
-- Spatial indexing as TraP (§6.2 of the facts): 1-degree declination zones, declination windows and
-- unit vectors (x, y, z) for the exact cone test.

-- RA half-width (deg) of the box holding a circle of radius theta (deg) at declination decl (deg);
-- TraP's alpha(): 180 (all RA) when the circle reaches within 0.1 deg of a pole.
CREATE FUNCTION trap_alpha(theta double precision, decl double precision) RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT CASE
        WHEN abs(decl) + theta > 89.9 THEN 180.0
        ELSE degrees(abs(atan(sin(radians(theta))
             / sqrt(abs(cos(radians(decl - theta)) * cos(radians(decl + theta)))))))
    END
$$;

CREATE TABLE dataset (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name              text NOT NULL UNIQUE,
    description       text NOT NULL,
    process_start_utc timestamptz NOT NULL,
    process_end_utc   timestamptz NOT NULL,
    n_images          integer NOT NULL,
    n_rejected        integer NOT NULL,
    engine            text NOT NULL,
    loaded_utc        timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE config (
    dataset_id bigint NOT NULL,
    section    text NOT NULL,
    key        text NOT NULL,
    value      text NOT NULL,
    type       text NOT NULL,
    PRIMARY KEY (dataset_id, section, key)
);

CREATE TABLE frequencyband (
    dataset_id      bigint NOT NULL,
    band_id         integer NOT NULL,
    freq_central_hz double precision NOT NULL,
    freq_low_hz     double precision NOT NULL,
    freq_high_hz    double precision NOT NULL,
    PRIMARY KEY (dataset_id, band_id)
);

CREATE TABLE skyregion (
    dataset_id     bigint NOT NULL,
    sky_region_id  bigint NOT NULL,
    centre_ra_deg  double precision NOT NULL,
    centre_dec_deg double precision NOT NULL,
    xtr_radius_deg double precision NOT NULL,
    x double precision GENERATED ALWAYS AS (cos(radians(centre_dec_deg)) * cos(radians(centre_ra_deg))) STORED,
    y double precision GENERATED ALWAYS AS (cos(radians(centre_dec_deg)) * sin(radians(centre_ra_deg))) STORED,
    z double precision GENERATED ALWAYS AS (sin(radians(centre_dec_deg))) STORED,
    PRIMARY KEY (dataset_id, sky_region_id)
);

CREATE TABLE image (
    dataset_id           bigint NOT NULL,
    image_id             bigint NOT NULL,
    url                  text NOT NULL,
    telescope            text NOT NULL,
    accessor             text NOT NULL,
    timestep             integer NOT NULL,
    band_id              integer NOT NULL,
    sky_region_id        bigint NOT NULL,
    start_utc            timestamptz NOT NULL,
    integration_s        double precision NOT NULL,
    freq_eff_hz          double precision NOT NULL,
    freq_bw_hz           double precision NOT NULL,
    stokes               text NOT NULL,
    centre_ra_deg        double precision NOT NULL,
    centre_dec_deg       double precision NOT NULL,
    xtr_radius_deg       double precision NOT NULL,
    rb_smaj_deg          double precision NOT NULL,
    rb_smin_deg          double precision NOT NULL,
    rb_pa_deg            double precision NOT NULL,
    deltax_deg           double precision NOT NULL,
    deltay_deg           double precision NOT NULL,
    width_px             integer NOT NULL,
    height_px            integer NOT NULL,
    rms_qc_jy            double precision NOT NULL,
    theoretical_noise_jy double precision NOT NULL,
    rms_min_jy           double precision NOT NULL,
    rms_max_jy           double precision NOT NULL,
    detection_thresh     double precision NOT NULL,
    analysis_thresh      double precision NOT NULL,
    accepted             boolean NOT NULL,
    n_sources            integer NOT NULL,
    PRIMARY KEY (dataset_id, image_id)
);
-- Image lists of the web UI: by band, in time order.
CREATE INDEX image_band_time ON image (dataset_id, band_id, start_utc);
CREATE INDEX image_time ON image (dataset_id, start_utc);

-- TraP's fixed QC reasons (facts §3.1); a run may add its own ids, stored when first loaded.
CREATE TABLE rejectreason (
    id          integer PRIMARY KEY,
    description text NOT NULL
);
INSERT INTO rejectreason (id, description) VALUES
    (0, 'RMS invalid'), (1, 'beam invalid'), (2, 'bright source near'),
    (3, 'tau_time invalid'), (4, 'contains NaN'), (5, 'data is flat');

CREATE TABLE rejection (
    dataset_id bigint NOT NULL,
    image_id   bigint NOT NULL,
    url        text NOT NULL,
    -- Checked at commit: the loader adds reason ids new to the database after copying the rows.
    reason_id  integer NOT NULL REFERENCES rejectreason (id) DEFERRABLE INITIALLY DEFERRED,
    reason     text NOT NULL,
    comment    text NOT NULL,
    PRIMARY KEY (dataset_id, image_id, reason_id)
);

CREATE TABLE extractedsource (
    dataset_id          bigint NOT NULL,
    source_id           bigint NOT NULL,
    image_id            bigint NOT NULL,
    extract_type        integer NOT NULL,
    fit_type            integer NOT NULL,
    ff_runcat_id        bigint,
    ff_monitor_id       bigint,
    ra_deg              double precision NOT NULL,
    dec_deg             double precision NOT NULL,
    ra_fit_err_deg      double precision NOT NULL,
    dec_fit_err_deg     double precision NOT NULL,
    ra_err_deg          double precision NOT NULL,
    dec_err_deg         double precision NOT NULL,
    uncertainty_ew_deg  double precision NOT NULL,
    uncertainty_ns_deg  double precision NOT NULL,
    error_radius_arcsec double precision NOT NULL,
    ew_sys_err_arcsec   double precision NOT NULL,
    ns_sys_err_arcsec   double precision NOT NULL,
    x_pix               double precision NOT NULL,
    y_pix               double precision NOT NULL,
    zone                integer NOT NULL,
    det_sigma           double precision NOT NULL,
    semimajor_arcsec    double precision NOT NULL,
    semiminor_arcsec    double precision NOT NULL,
    pa_deg              double precision NOT NULL,
    f_peak_jy           double precision NOT NULL,
    f_peak_err_jy       double precision NOT NULL,
    f_int_jy            double precision NOT NULL,
    f_int_err_jy        double precision NOT NULL,
    chisq               double precision NOT NULL,
    reduced_chisq       double precision NOT NULL,
    PRIMARY KEY (dataset_id, source_id)
);
-- Sources of an image (image page). The largest table gets no more indexes than the web needs, and
-- no unit vectors: positional searches go through the running catalogue, which has them.
CREATE INDEX extractedsource_image ON extractedsource (dataset_id, image_id);

CREATE TABLE runningcatalog (
    dataset_id            bigint NOT NULL,
    runcat_id             bigint NOT NULL,
    first_source_id       bigint NOT NULL,
    datapoints            integer NOT NULL,
    wm_ra_deg             double precision NOT NULL,
    wm_dec_deg            double precision NOT NULL,
    wm_uncertainty_ew_deg double precision NOT NULL,
    wm_uncertainty_ns_deg double precision NOT NULL,
    avg_ra_err_deg        double precision NOT NULL,
    avg_dec_err_deg       double precision NOT NULL,
    zone                  integer NOT NULL,
    x                     double precision NOT NULL,
    y                     double precision NOT NULL,
    z                     double precision NOT NULL,
    mon_src               boolean NOT NULL,
    forcedfits_count      integer NOT NULL,
    PRIMARY KEY (dataset_id, runcat_id)
);
-- Cone search: zone range, then declination window inside each zone (trap_cone_search).
CREATE INDEX runningcatalog_zone_dec ON runningcatalog (dataset_id, zone, wm_dec_deg);

CREATE TABLE runningcatalog_flux (
    dataset_id    bigint NOT NULL,
    runcat_id     bigint NOT NULL,
    band_id       integer NOT NULL,
    f_datapoints  integer NOT NULL,
    avg_f_peak_jy double precision NOT NULL,
    avg_f_int_jy  double precision NOT NULL,
    wavg_f_int_jy double precision NOT NULL,
    v_int         double precision NOT NULL,
    eta_int       double precision NOT NULL,
    v_peak        double precision NOT NULL,
    eta_peak      double precision NOT NULL,
    PRIMARY KEY (dataset_id, runcat_id, band_id)
);

-- The light-curve link: the primary key serves "light curve of a runcat".
CREATE TABLE assocxtrsource (
    dataset_id      bigint NOT NULL,
    runcat_id       bigint NOT NULL,
    source_id       bigint NOT NULL,
    image_id        bigint NOT NULL,
    band_id         integer NOT NULL,
    time_utc        timestamptz NOT NULL,
    type            integer NOT NULL,
    distance_arcsec double precision NOT NULL,
    r               double precision NOT NULL,
    f_datapoints    integer NOT NULL,
    v_int           double precision NOT NULL,
    eta_int         double precision NOT NULL,
    v_peak          double precision NOT NULL,
    eta_peak        double precision NOT NULL,
    f_int_jy        double precision NOT NULL,
    f_int_err_jy    double precision NOT NULL,
    f_peak_jy       double precision NOT NULL,
    f_peak_err_jy   double precision NOT NULL,
    PRIMARY KEY (dataset_id, runcat_id, source_id)
);
-- Catalogue sources linked to an extracted source (extracted-source page).
CREATE INDEX assocxtrsource_source ON assocxtrsource (dataset_id, source_id);

CREATE TABLE newsource (
    dataset_id               bigint NOT NULL,
    runcat_id                bigint NOT NULL,
    trigger_source_id        bigint NOT NULL,
    previous_limits_image_id bigint NOT NULL,
    newsource_type           integer NOT NULL,
    trigger_f_peak_jy        double precision NOT NULL,
    trigger_f_int_jy         double precision NOT NULL,
    sigma_rms_min            double precision NOT NULL,
    sigma_rms_max            double precision NOT NULL,
    PRIMARY KEY (dataset_id, runcat_id)
);

CREATE TABLE varmetric (
    dataset_id           bigint NOT NULL,
    runcat_id            bigint NOT NULL,
    band_id              integer NOT NULL,
    f_datapoints         integer NOT NULL,
    v_int                double precision NOT NULL,
    eta_int              double precision NOT NULL,
    v_peak               double precision NOT NULL,
    eta_peak             double precision NOT NULL,
    eta_int_significance double precision NOT NULL,
    lightcurve_max_jy    double precision NOT NULL,
    lightcurve_avg_jy    double precision NOT NULL,
    lightcurve_median_jy double precision NOT NULL,
    vs_int_max           double precision NOT NULL,
    m_int_max            double precision NOT NULL,
    vs_peak_max          double precision NOT NULL,
    m_peak_max           double precision NOT NULL,
    newsource_type       integer,
    sigma_rms_min        double precision,
    sigma_rms_max        double precision,
    PRIMARY KEY (dataset_id, runcat_id)
);
-- The web UI's varmetric filters (V range, eta range, sigma_rms ranges, new sources only).
CREATE INDEX varmetric_v_int ON varmetric (dataset_id, v_int);
CREATE INDEX varmetric_eta_int ON varmetric (dataset_id, eta_int);
CREATE INDEX varmetric_sigma_rms_max ON varmetric (dataset_id, sigma_rms_max);
CREATE INDEX varmetric_sigma_rms_min ON varmetric (dataset_id, sigma_rms_min);
CREATE INDEX varmetric_newsource ON varmetric (dataset_id) WHERE newsource_type IS NOT NULL;

CREATE TABLE monitor (
    dataset_id bigint NOT NULL,
    monitor_id bigint NOT NULL,
    ra_deg     double precision NOT NULL,
    dec_deg    double precision NOT NULL,
    name       text NOT NULL,
    runcat_id  bigint,
    PRIMARY KEY (dataset_id, monitor_id)
);

-- Catalogue sources of a dataset within radius_deg of (ra_deg, dec_deg), nearest first. TraP's
-- scheme: zone range and declination window (index), RA window widened by trap_alpha and wrapped
-- across RA 0/360 (whole circle near a pole), then the exact unit-vector test. The distance is
-- 2 asin(chord / 2), accurate at small angles where acos(dot) is not.
CREATE FUNCTION trap_cone_search(p_dataset_id bigint, p_ra_deg double precision,
                                 p_dec_deg double precision, p_radius_deg double precision)
RETURNS TABLE (runcat_id bigint, wm_ra_deg double precision, wm_dec_deg double precision,
               distance_deg double precision)
LANGUAGE sql STABLE STRICT PARALLEL SAFE AS $$
    WITH centre AS (
        SELECT ra, p_dec_deg AS dec, trap_alpha(p_radius_deg, p_dec_deg) AS alpha,
               cos(radians(p_dec_deg)) * cos(radians(ra)) AS cx,
               cos(radians(p_dec_deg)) * sin(radians(ra)) AS cy,
               sin(radians(p_dec_deg)) AS cz,
               -- A hair of slack so that only the exact test below decides at the boundary.
               p_radius_deg + 1e-9 AS pad
        FROM (SELECT p_ra_deg - 360.0 * floor(p_ra_deg / 360.0) AS ra) r
    ),
    candidates AS (
        SELECT rc.runcat_id, rc.wm_ra_deg, rc.wm_dec_deg,
               sqrt((rc.x - c.cx) ^ 2 + (rc.y - c.cy) ^ 2 + (rc.z - c.cz) ^ 2) AS chord
        FROM runningcatalog rc, centre c
        WHERE rc.dataset_id = p_dataset_id
          AND rc.zone BETWEEN floor(greatest(c.dec - c.pad, -90.0))::int
                          AND floor(least(c.dec + c.pad, 90.0))::int
          AND rc.wm_dec_deg BETWEEN c.dec - c.pad AND c.dec + c.pad
          AND (c.alpha >= 180.0
               OR rc.wm_ra_deg BETWEEN c.ra - c.alpha - 1e-9 AND c.ra + c.alpha + 1e-9
               OR rc.wm_ra_deg BETWEEN c.ra - c.alpha - 1e-9 + 360.0 AND c.ra + c.alpha + 1e-9 + 360.0
               OR rc.wm_ra_deg BETWEEN c.ra - c.alpha - 1e-9 - 360.0 AND c.ra + c.alpha + 1e-9 - 360.0)
          AND rc.x * c.cx + rc.y * c.cy + rc.z * c.cz >= cos(radians(p_radius_deg)) - 1e-12
    )
    SELECT runcat_id, wm_ra_deg, wm_dec_deg, degrees(2.0 * asin(least(1.0, chord / 2.0))) AS distance_deg
    FROM candidates
    WHERE degrees(2.0 * asin(least(1.0, chord / 2.0))) <= p_radius_deg
    ORDER BY distance_deg, runcat_id
$$;
