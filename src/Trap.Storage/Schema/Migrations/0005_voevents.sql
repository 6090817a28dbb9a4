-- Trap catalogue database, schema version 5: the VOEvent packets a run wrote (voevents/LOCALID.xml of its
-- output folder), so a site over the database serves them as a site over the folder does. local_id is the
-- file's name without .xml: the part of the candidate's IVORN after '#' (docs/database.md).
CREATE TABLE voevent (
    dataset_id bigint NOT NULL,
    local_id   text   NOT NULL,
    xml        text   NOT NULL,
    PRIMARY KEY (dataset_id, local_id)
);
