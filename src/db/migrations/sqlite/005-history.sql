-- Schema 5: the change history covers every record. Triggers (generated from
-- the tables' columns by HistoryTriggers after every migration) log each
-- insert, update and delete with who, when, the field and both values; a row
-- that is a detail of another record (a progress update, an owner of an
-- action) names that record too, so its History tab can show it.
ALTER TABLE history ADD COLUMN parent_entity TEXT;
ALTER TABLE history ADD COLUMN parent_id INTEGER;
CREATE INDEX history_parent ON history(parent_entity, parent_id);
-- The change log's filters by review and by person, newest first.
CREATE INDEX history_review_at ON history(review_id, at);
CREATE INDEX history_who_at ON history(who, at);

-- History is evidence: neither rewritten (schema 4) nor removed.
CREATE TRIGGER history_never_removed BEFORE DELETE ON history
BEGIN
    SELECT RAISE(ABORT, 'the change history cannot be edited');
END;
