-- Schema 4: what the status review needs — the date of each action's latest
-- progress update (for "stale"), a change log of the fields QiiP reads
-- (status, RAG, targets), saved filters, and one full-text index over every
-- text an action is found by.

-- Latest dated update per action, kept by triggers: "stale" over 300,000
-- actions must not aggregate the updates table each time the as-of date moves.
-- Updates are never rewritten (schema 1), so insert and delete are enough.
-- Documents date updates by month ("Feb 2024"); such a date counts as the
-- last day of its month (or year), so last_update is always a full ISO day
-- and an update is never judged older than it may be.
ALTER TABLE actions ADD COLUMN last_update TEXT;
UPDATE actions SET last_update = (SELECT max(CASE length(u.date) WHEN 10 THEN u.date
                     WHEN 7 THEN date(u.date || '-01', '+1 month', '-1 day')
                     WHEN 4 THEN u.date || '-12-31' END)
                     FROM updates u WHERE u.action_id = actions.id);
CREATE INDEX actions_open_last_update ON actions(last_update)
    WHERE status NOT IN ('complete', 'superseded');

-- Completion per review (a recommendation is complete when all its actions
-- are) reads every action; this index answers it without touching the table.
CREATE INDEX actions_completion ON actions(recommendation_id, review_id, status);

-- The filter bar's agency and RAG choices over all actions (not only open
-- ones): without them a filter that matches few actions, such as "no agency",
-- read all 300,000 to find its first screen (67 ms; 1 ms with them).
CREATE INDEX actions_agency ON actions(agency_id);
CREATE INDEX actions_rag ON actions(rag);

CREATE TRIGGER updates_last_update_insert AFTER INSERT ON updates
BEGIN
    UPDATE actions SET last_update = (SELECT max(CASE length(u.date) WHEN 10 THEN u.date
                     WHEN 7 THEN date(u.date || '-01', '+1 month', '-1 day')
                     WHEN 4 THEN u.date || '-12-31' END)
                     FROM updates u WHERE u.action_id = new.action_id)
    WHERE id = new.action_id;
END;

CREATE TRIGGER updates_last_update_delete AFTER DELETE ON updates
BEGIN
    UPDATE actions SET last_update = (SELECT max(CASE length(u.date) WHEN 10 THEN u.date
                     WHEN 7 THEN date(u.date || '-01', '+1 month', '-1 day')
                     WHEN 4 THEN u.date || '-12-31' END)
                     FROM updates u WHERE u.action_id = old.action_id)
    WHERE id = old.action_id;
END;

-- Who changed what, when, from what: written by the repositories in the same
-- transaction as the change. A row outlives its record (no foreign key), so
-- the log still answers for deleted actions. review_id lets a meeting view ask
-- "what changed in this review since the last meeting" without joins.
CREATE TABLE history (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    who TEXT NOT NULL DEFAULT '',
    entity TEXT NOT NULL,
    entity_id INTEGER NOT NULL,
    review_id INTEGER,
    field TEXT NOT NULL,
    old_value TEXT,
    new_value TEXT
);
CREATE INDEX history_entity ON history(entity, entity_id);
CREATE INDEX history_at ON history(at);

CREATE TRIGGER history_never_rewritten BEFORE UPDATE ON history
BEGIN
    SELECT RAISE(ABORT, 'the change history cannot be edited');
END;

-- Filters saved by name ("QiiP monthly: Red and overdue"), shared by everyone
-- who opens the database. spec is the filter as JSON (ActionFilter::toJson).
CREATE TABLE saved_filters (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    view TEXT NOT NULL DEFAULT 'actions',
    spec TEXT NOT NULL
);

-- One full-text row per action over every text it can be found by: its own
-- fields, its recommendation, its review, and its progress updates. The row is
-- rebuilt by triggers whenever one of those changes; rowid is the action id.
DROP TRIGGER actions_fts_insert;
DROP TRIGGER actions_fts_delete;
DROP TRIGGER actions_fts_update;
DROP TABLE actions_fts;

CREATE VIRTUAL TABLE action_search USING fts5(
    action, owner, detail, recommendation, review, updates,
    tokenize='unicode61 remove_diacritics 2', prefix='2 3'
);

CREATE VIEW action_search_source AS
SELECT a.id AS id,
       a.text AS action,
       a.owner_text AS owner,
       a.number || ' ' || a.status_text || ' ' || a.target_text || ' ' || a.revised_target_text || ' '
           || a.success_measure || ' ' || a.evidence AS detail,
       c.number || ' ' || c.title || ' ' || c.text || ' ' || c.addressed_to || ' ' || c.success_measure
           || ' ' || c.decision_explanation AS recommendation,
       r.reference || ' ' || r.title AS review,
       coalesce((SELECT group_concat(u.author || ' ' || u.label || ' ' || u.text, ' ')
                 FROM updates u WHERE u.action_id = a.id), '') AS updates
FROM actions a
JOIN recommendations c ON c.id = a.recommendation_id
JOIN reviews r ON r.id = a.review_id;

INSERT INTO action_search(rowid, action, owner, detail, recommendation, review, updates)
SELECT id, action, owner, detail, recommendation, review, updates FROM action_search_source;

CREATE TRIGGER action_search_insert AFTER INSERT ON actions
BEGIN
    INSERT INTO action_search(rowid, action, owner, detail, recommendation, review, updates)
    SELECT id, action, owner, detail, recommendation, review, updates FROM action_search_source
    WHERE id = new.id;
END;

CREATE TRIGGER action_search_delete AFTER DELETE ON actions
BEGIN
    DELETE FROM action_search WHERE rowid = old.id;
END;

-- Not on last_update or version: those change with every update or edit and
-- carry no text.
CREATE TRIGGER action_search_update
AFTER UPDATE OF text, owner_text, number, status_text, target_text, revised_target_text, success_measure,
    evidence, recommendation_id, review_id ON actions
BEGIN
    DELETE FROM action_search WHERE rowid = old.id;
    INSERT INTO action_search(rowid, action, owner, detail, recommendation, review, updates)
    SELECT id, action, owner, detail, recommendation, review, updates FROM action_search_source
    WHERE id = new.id;
END;

CREATE TRIGGER action_search_recommendation
AFTER UPDATE OF number, title, text, addressed_to, success_measure, decision_explanation ON recommendations
BEGIN
    DELETE FROM action_search WHERE rowid IN (SELECT id FROM actions WHERE recommendation_id = new.id);
    INSERT INTO action_search(rowid, action, owner, detail, recommendation, review, updates)
    SELECT id, action, owner, detail, recommendation, review, updates FROM action_search_source
    WHERE id IN (SELECT id FROM actions WHERE recommendation_id = new.id);
END;

CREATE TRIGGER action_search_review AFTER UPDATE OF reference, title ON reviews
BEGIN
    DELETE FROM action_search WHERE rowid IN (SELECT id FROM actions WHERE review_id = new.id);
    INSERT INTO action_search(rowid, action, owner, detail, recommendation, review, updates)
    SELECT id, action, owner, detail, recommendation, review, updates FROM action_search_source
    WHERE id IN (SELECT id FROM actions WHERE review_id = new.id);
END;

CREATE TRIGGER action_search_update_insert AFTER INSERT ON updates
BEGIN
    DELETE FROM action_search WHERE rowid = new.action_id;
    INSERT INTO action_search(rowid, action, owner, detail, recommendation, review, updates)
    SELECT id, action, owner, detail, recommendation, review, updates FROM action_search_source
    WHERE id = new.action_id;
END;

CREATE TRIGGER action_search_update_delete AFTER DELETE ON updates
BEGIN
    DELETE FROM action_search WHERE rowid = old.action_id;
    INSERT INTO action_search(rowid, action, owner, detail, recommendation, review, updates)
    SELECT id, action, owner, detail, recommendation, review, updates FROM action_search_source
    WHERE id = old.action_id;
END;
