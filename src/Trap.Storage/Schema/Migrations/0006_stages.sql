-- Trap catalogue database, schema version 6: what each stage of a run took in, gave out and how long
-- it ran (the Parquet dataset's stages table; docs/outputs.md).
--   Parquet table            database table        TraP table
--   stages                   stage                 (none)

CREATE TABLE stage (
    dataset_id      bigint NOT NULL,
    position        integer NOT NULL,
    stage           text NOT NULL,
    rows_in         bigint NOT NULL,
    rows_in_kind    text NOT NULL,
    rows_out        bigint NOT NULL,
    rows_out_kind   text NOT NULL,
    wall_s          double precision NOT NULL,
    driver_cpu_s    double precision NOT NULL,
    PRIMARY KEY (dataset_id, position)
);
