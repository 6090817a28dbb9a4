-- Trap catalogue database, schema version 7: the Parquet part files each dataset's rows were loaded from,
-- so the next load of the dataset (after a batch of `trap stream`) copies only the parts that are new
-- (docs/database.md, Incremental loads). A part is known by its table folder and file name, and its
-- length and last write time (.NET ticks, 100 ns, UTC): a committed part file is never changed in place,
-- a rewritten one is a new file. row_count (from the part's Parquet footer) checks that the rows of
-- parts merged into a new one were all replaced. Written in the load's own transaction; a dataset
-- without rows here is loaded whole.
CREATE TABLE loaded_part (
    dataset_id    bigint NOT NULL,
    table_name    text   NOT NULL,
    part          text   NOT NULL,
    length        bigint NOT NULL,
    written_ticks bigint NOT NULL,
    row_count     bigint NOT NULL,
    PRIMARY KEY (dataset_id, table_name, part)
);
