-- Trap catalogue database, schema version 2: transient candidates.
--   Parquet table            database table        TraP table
--   candidates               candidate             (none in HEAD; r1.x had "transient")
-- One row per candidate of a dataset (a catalogue source in its chosen band), as the candidates table
-- of the Parquet dataset: selection, light-curve features, class, score and VOEvent IVORN.

CREATE TABLE candidate (
    dataset_id                      bigint NOT NULL,
    runcat_id                       bigint NOT NULL,
    band_id                         integer NOT NULL,
    ra_deg                          double precision NOT NULL,
    dec_deg                         double precision NOT NULL,
    error_radius_deg                double precision NOT NULL,
    class                           text NOT NULL,
    score                           double precision NOT NULL,
    class_rule                      text NOT NULL,
    selected_by                     text NOT NULL,
    trigger_utc                     timestamp with time zone NOT NULL,
    f_datapoints                    integer NOT NULL,
    v_int                           double precision NOT NULL,
    eta_int                         double precision NOT NULL,
    eta_int_significance            double precision NOT NULL,
    eta_sigmas                      double precision NOT NULL,
    v_sigmas                        double precision NOT NULL,
    newsource_type                  integer,
    sigma_rms_min                   double precision,
    sigma_rms_max                   double precision,
    n_points                        integer NOT NULL,
    forced_fraction                 double precision NOT NULL,
    first_detection_utc             timestamp with time zone NOT NULL,
    peak_utc                        timestamp with time zone NOT NULL,
    peak_f_int_jy                   double precision NOT NULL,
    peak_f_int_err_jy               double precision NOT NULL,
    first_to_peak                   double precision NOT NULL,
    last_to_peak                    double precision NOT NULL,
    time_trend                      double precision NOT NULL,
    edge_distance_beams             double precision NOT NULL,
    centre_distance_fraction        double precision NOT NULL,
    bright_neighbour_runcat_id      bigint,
    bright_neighbour_distance_beams double precision NOT NULL,
    bright_neighbour_flux_ratio     double precision NOT NULL,
    median_reduced_chisq            double precision NOT NULL,
    ivorn                           text NOT NULL,
    PRIMARY KEY (dataset_id, runcat_id)
);
-- The web UI's candidate list: by class, best first.
CREATE INDEX candidate_class_score ON candidate (dataset_id, class, score DESC);
