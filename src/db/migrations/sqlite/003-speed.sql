-- Schema 3: what the status views need at national scale (300,000 actions):
-- covering indexes for the overdue and per-agency / per-review figures, and a
-- full-text index over action text and owner for the filter box.

CREATE INDEX actions_due ON actions(target_due, status);
CREATE INDEX actions_review_status ON actions(review_id, status, target_due);
CREATE INDEX actions_agency_status ON actions(agency_id, status, rag, target_due);

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
