-- Progress of the jobs drivers run on a cluster, read by `trap cluster status`. One row per job;
-- the driver updates it as tasks finish (throttled) and marks it finished or failed at the end.
CREATE TABLE IF NOT EXISTS trap_cluster_jobs
(
    job_id       uuid        NOT NULL PRIMARY KEY,
    cluster_id   text        NOT NULL,
    job_name     text        NOT NULL,
    driver_host  text        NOT NULL,
    state        text        NOT NULL,                 -- running | finished | failed
    stage        text        NOT NULL,                 -- the stage running now
    tasks_done   integer     NOT NULL,                 -- of the current stage
    tasks_total  integer     NOT NULL,
    retries      integer     NOT NULL DEFAULT 0,       -- tasks re-run after a worker failed
    started_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS trap_cluster_jobs_cluster ON trap_cluster_jobs (cluster_id, updated_at);
-- Added with the stage-by-stage job: how long each finished stage took ("stage=seconds; ..."), and
-- why calls failed (the last few reasons, newest last).
ALTER TABLE trap_cluster_jobs ADD COLUMN IF NOT EXISTS stage_timings text NOT NULL DEFAULT '';
ALTER TABLE trap_cluster_jobs ADD COLUMN IF NOT EXISTS failures text NOT NULL DEFAULT '';
