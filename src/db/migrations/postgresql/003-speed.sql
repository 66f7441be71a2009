-- Schema 3 for PostgreSQL (as sqlite/003-speed.sql): partial indexes over
-- open actions for the status figures. SQLite's first full-text index
-- (actions_fts) was replaced in schema 4; here the search index of schema 4
-- is the only one.
CREATE INDEX actions_open_due ON actions(target_due)
    WHERE status NOT IN ('complete', 'superseded');
CREATE INDEX actions_open_by_agency ON actions(agency_id, rag, target_due)
    WHERE status NOT IN ('complete', 'superseded');
CREATE INDEX actions_open_by_review ON actions(review_id, target_due)
    WHERE status NOT IN ('complete', 'superseded');
