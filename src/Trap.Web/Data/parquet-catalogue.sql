-- The catalogue database's functions (src/Trap.Storage/Schema/Migrations/0001_catalogue.sql) as DuckDB
-- macros, so the web pages' SQL runs unchanged on one run's Parquet folder (`trap web OUTPUT_FOLDER`).
-- The same algorithm: zone range and declination window, RA window widened by trap_alpha and wrapped
-- across RA 0/360, then the exact unit-vector test; distance 2 asin(chord / 2).

CREATE MACRO trap_alpha(theta, decl) AS
    CASE
        WHEN abs(decl) + theta > 89.9 THEN 180.0
        ELSE degrees(abs(atan(sin(radians(theta))
             / sqrt(abs(cos(radians(decl - theta)) * cos(radians(decl + theta)))))))
    END;

CREATE MACRO trap_cone_search(p_dataset_id, p_ra_deg, p_dec_deg, p_radius_deg) AS TABLE
    WITH centre AS (
        SELECT ra, p_dec_deg AS dec, trap_alpha(p_radius_deg, p_dec_deg) AS alpha,
               cos(radians(p_dec_deg)) * cos(radians(ra)) AS cx,
               cos(radians(p_dec_deg)) * sin(radians(ra)) AS cy,
               sin(radians(p_dec_deg)) AS cz,
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
    ORDER BY distance_deg, runcat_id;
