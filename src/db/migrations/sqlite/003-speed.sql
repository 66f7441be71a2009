-- Schema 3: what the status views need at national scale (300,000 actions):
-- covering indexes for the overdue and per-agency / per-review figures, and a
-- full-text index over action text and owner for the filter box.

-- Partial indexes over open actions only (not Complete, not Superseded): every
-- status figure — overdue, Red / Amber, open — is about open actions, and in a
-- mature tracker most actions are closed. Queries repeat the same WHERE so the
-- planner can use them (SQLite and PostgreSQL both support partial indexes).
CREATE INDEX actions_open_due ON actions(target_due)
    WHERE status NOT IN ('complete', 'superseded');
CREATE INDEX actions_open_by_agency ON actions(agency_id, rag, target_due)
    WHERE status NOT IN ('complete', 'superseded');
CREATE INDEX actions_open_by_review ON actions(review_id, target_due)
    WHERE status NOT IN ('complete', 'superseded');

CREATE VIRTUAL TABLE actions_fts USING fts5(
    text, owner_text, content='actions', content_rowid='id', tokenize='unicode61 remove_diacritics 2',
    prefix='2 3'
);
INSERT INTO actions_fts(rowid, text, owner_text) SELECT id, text, owner_text FROM actions;

CREATE TRIGGER actions_fts_insert AFTER INSERT ON actions
BEGIN
    INSERT INTO actions_fts(rowid, text, owner_text) VALUES (new.id, new.text, new.owner_text);
END;

CREATE TRIGGER actions_fts_delete AFTER DELETE ON actions
BEGIN
    INSERT INTO actions_fts(actions_fts, rowid, text, owner_text) VALUES ('delete', old.id, old.text, old.owner_text);
END;

CREATE TRIGGER actions_fts_update AFTER UPDATE OF text, owner_text ON actions
BEGIN
    INSERT INTO actions_fts(actions_fts, rowid, text, owner_text) VALUES ('delete', old.id, old.text, old.owner_text);
    INSERT INTO actions_fts(rowid, text, owner_text) VALUES (new.id, new.text, new.owner_text);
END;
