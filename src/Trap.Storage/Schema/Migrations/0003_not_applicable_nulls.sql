-- Trap catalogue database, schema version 3: NULL where a value does not apply.
-- The Parquet dataset writes NULL instead of placeholders (docs/outputs.md): an image whose header
-- could not be read has no start, frequency, position or beam; an unreadable or duplicate image has
-- no timestep, band or sky region; a rejected image has no RMS range or source count; a pair metric,
-- a neighbour or a light-curve feature that does not exist is NULL. Rows loaded before this version
-- keep their placeholders until their dataset is loaded again.

ALTER TABLE image
    ALTER COLUMN telescope DROP NOT NULL,
    ALTER COLUMN accessor DROP NOT NULL,
    ALTER COLUMN timestep DROP NOT NULL,
    ALTER COLUMN band_id DROP NOT NULL,
    ALTER COLUMN sky_region_id DROP NOT NULL,
    ALTER COLUMN start_utc DROP NOT NULL,
    ALTER COLUMN integration_s DROP NOT NULL,
    ALTER COLUMN freq_eff_hz DROP NOT NULL,
    ALTER COLUMN freq_bw_hz DROP NOT NULL,
    ALTER COLUMN stokes DROP NOT NULL,
    ALTER COLUMN centre_ra_deg DROP NOT NULL,
    ALTER COLUMN centre_dec_deg DROP NOT NULL,
    ALTER COLUMN xtr_radius_deg DROP NOT NULL,
    ALTER COLUMN rb_smaj_deg DROP NOT NULL,
    ALTER COLUMN rb_smin_deg DROP NOT NULL,
    ALTER COLUMN rb_pa_deg DROP NOT NULL,
    ALTER COLUMN deltax_deg DROP NOT NULL,
    ALTER COLUMN deltay_deg DROP NOT NULL,
    ALTER COLUMN width_px DROP NOT NULL,
    ALTER COLUMN height_px DROP NOT NULL,
    ALTER COLUMN rms_qc_jy DROP NOT NULL,
    ALTER COLUMN theoretical_noise_jy DROP NOT NULL,
    ALTER COLUMN rms_min_jy DROP NOT NULL,
    ALTER COLUMN rms_max_jy DROP NOT NULL,
    ALTER COLUMN n_sources DROP NOT NULL;

ALTER TABLE varmetric
    ALTER COLUMN vs_int_max DROP NOT NULL,
    ALTER COLUMN m_int_max DROP NOT NULL,
    ALTER COLUMN vs_peak_max DROP NOT NULL,
    ALTER COLUMN m_peak_max DROP NOT NULL;

ALTER TABLE candidate
    ALTER COLUMN eta_sigmas DROP NOT NULL,
    ALTER COLUMN v_sigmas DROP NOT NULL,
    ALTER COLUMN first_to_peak DROP NOT NULL,
    ALTER COLUMN last_to_peak DROP NOT NULL,
    ALTER COLUMN time_trend DROP NOT NULL,
    ALTER COLUMN edge_distance_beams DROP NOT NULL,
    ALTER COLUMN centre_distance_fraction DROP NOT NULL,
    ALTER COLUMN bright_neighbour_distance_beams DROP NOT NULL,
    ALTER COLUMN bright_neighbour_flux_ratio DROP NOT NULL,
    ALTER COLUMN median_reduced_chisq DROP NOT NULL;
