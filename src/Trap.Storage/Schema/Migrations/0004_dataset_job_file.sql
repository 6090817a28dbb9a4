-- Trap catalogue database, schema version 4: the job a dataset was loaded from.
-- A dataset is named by its job ([job] name, or the job folder's name); job_file (the absolute path of
-- the job's job.cfg) tells two jobs of one name apart, so a load never silently replaces a dataset of
-- another job (docs/database.md). Datasets loaded before this version have NULL: the next load of
-- their name needs --replace once.
ALTER TABLE dataset ADD COLUMN job_file text;
