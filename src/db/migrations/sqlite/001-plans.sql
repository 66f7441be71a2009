-- Schema 1: reviews, their recommendations, responses, actions and updates.
-- Closed sets are stored as short codes with CHECK constraints; dates as ISO
-- text so the same comparisons work on SQLite and PostgreSQL.

CREATE TABLE agencies (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    short_name TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0
);

-- Other names an agency goes by in documents ("Police", "CSC"), stored in
-- lower case so a name matches whatever its capitals.
CREATE TABLE agency_aliases (
    alias TEXT PRIMARY KEY CHECK (alias = lower(alias) AND length(trim(alias)) > 0),
    agency_id INTEGER NOT NULL REFERENCES agencies(id) ON DELETE CASCADE
);

CREATE TABLE owners (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    agency_id INTEGER REFERENCES agencies(id) ON DELETE SET NULL
);

CREATE TABLE reviews (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('scr', 'lcspr', 'rr', 's11', 'audit')),
    reference TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    body TEXT NOT NULL DEFAULT '',
    year INTEGER,
    initiated TEXT,
    completed TEXT,
    published TEXT,
    publication_withheld INTEGER NOT NULL DEFAULT 0 CHECK (publication_withheld IN (0, 1)),
    withheld_reason TEXT NOT NULL DEFAULT '',
    summary TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE review_links (
    id INTEGER PRIMARY KEY,
    review_id INTEGER NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
    linked_review_id INTEGER REFERENCES reviews(id) ON DELETE SET NULL,
    linked_reference TEXT NOT NULL DEFAULT '',
    linked_title TEXT NOT NULL DEFAULT '',
    linked_year INTEGER,
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX review_links_review ON review_links(review_id);

CREATE TABLE plan_versions (
    id INTEGER PRIMARY KEY,
    review_id INTEGER NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
    version TEXT NOT NULL,
    date TEXT,
    comment TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX plan_versions_review ON plan_versions(review_id);

CREATE TABLE sections (
    id INTEGER PRIMARY KEY,
    review_id INTEGER NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
    number TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    success_measure TEXT NOT NULL DEFAULT '',
    response_decision TEXT NOT NULL DEFAULT ''
        CHECK (response_decision IN ('', 'do_nothing', 'do_thinking', 'do_something')),
    position INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sections_review ON sections(review_id);

CREATE TABLE themes (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0)
);

CREATE TABLE recommendations (
    id INTEGER PRIMARY KEY,
    review_id INTEGER NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
    parent_id INTEGER REFERENCES recommendations(id) ON DELETE CASCADE,
    section_id INTEGER REFERENCES sections(id) ON DELETE SET NULL,
    kind TEXT NOT NULL DEFAULT 'recommendation' CHECK (kind IN ('recommendation', 'finding')),
    number TEXT NOT NULL DEFAULT '',
    sort_key TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0,
    title TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL DEFAULT '',
    addressed_to TEXT NOT NULL DEFAULT '',
    decision TEXT NOT NULL DEFAULT '' CHECK (decision IN ('', 'agreed', 'partly_agreed', 'not_agreed')),
    decision_reason TEXT NOT NULL DEFAULT ''
        CHECK (decision_reason IN ('', 'commissioning', 'policy', 'operational', 'affordability')),
    decision_explanation TEXT NOT NULL DEFAULT '',
    success_measure TEXT NOT NULL DEFAULT '',
    response_decision TEXT NOT NULL DEFAULT ''
        CHECK (response_decision IN ('', 'do_nothing', 'do_thinking', 'do_something')),
    answered_by TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    CHECK (length(trim(text)) > 0 OR length(trim(title)) > 0)
);
CREATE INDEX recommendations_review ON recommendations(review_id, sort_key);
CREATE INDEX recommendations_parent ON recommendations(parent_id);

CREATE TABLE recommendation_themes (
    recommendation_id INTEGER NOT NULL REFERENCES recommendations(id) ON DELETE CASCADE,
    theme_id INTEGER NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
    PRIMARY KEY (recommendation_id, theme_id)
);
CREATE INDEX recommendation_themes_theme ON recommendation_themes(theme_id);

CREATE TABLE responses (
    id INTEGER PRIMARY KEY,
    review_id INTEGER NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
    number TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX responses_review ON responses(review_id);

CREATE TABLE response_recommendations (
    response_id INTEGER NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
    recommendation_id INTEGER NOT NULL REFERENCES recommendations(id) ON DELETE CASCADE,
    PRIMARY KEY (response_id, recommendation_id)
);
CREATE INDEX response_recommendations_rec ON response_recommendations(recommendation_id);

-- review_id repeats the recommendation's review so per-review figures need no
-- join over 300,000 actions; the repository keeps the two in step.
CREATE TABLE actions (
    id INTEGER PRIMARY KEY,
    review_id INTEGER NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
    recommendation_id INTEGER NOT NULL REFERENCES recommendations(id) ON DELETE CASCADE,
    number TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0,
    text TEXT NOT NULL CHECK (length(trim(text)) > 0),
    owner_text TEXT NOT NULL DEFAULT '',
    agency_id INTEGER REFERENCES agencies(id) ON DELETE SET NULL,
    target_text TEXT NOT NULL DEFAULT '',
    target_precision TEXT NOT NULL DEFAULT 'none'
        CHECK (target_precision IN ('none', 'day', 'month', 'year', 'ongoing')),
    target_due TEXT,
    revised_target_text TEXT NOT NULL DEFAULT '',
    revised_target_precision TEXT NOT NULL DEFAULT 'none'
        CHECK (revised_target_precision IN ('none', 'day', 'month', 'year', 'ongoing')),
    revised_target_due TEXT,
    status TEXT NOT NULL DEFAULT 'not_started'
        CHECK (status IN ('not_started', 'planned', 'in_progress', 'partial', 'complete', 'superseded')),
    status_text TEXT NOT NULL DEFAULT '',
    rag TEXT NOT NULL DEFAULT '' CHECK (rag IN ('', 'red', 'amber', 'green', 'blue')),
    success_measure TEXT NOT NULL DEFAULT '',
    evidence TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX actions_recommendation ON actions(recommendation_id);
CREATE INDEX actions_review ON actions(review_id);

CREATE TABLE action_owners (
    action_id INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
    owner_id INTEGER NOT NULL REFERENCES owners(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (action_id, owner_id)
);
CREATE INDEX action_owners_owner ON action_owners(owner_id);

CREATE TABLE action_links (
    action_id INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
    linked_action_id INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
    note TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (action_id, linked_action_id)
);

CREATE TABLE updates (
    id INTEGER PRIMARY KEY,
    action_id INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
    date TEXT,
    label TEXT NOT NULL DEFAULT '',
    author TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL CHECK (length(trim(text)) > 0),
    rag TEXT NOT NULL DEFAULT '' CHECK (rag IN ('', 'red', 'amber', 'green', 'blue')),
    position INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX updates_action ON updates(action_id, date);

-- The history of updates is the evidence the QiiP subgroup reads: an update is
-- added, never rewritten.
CREATE TRIGGER updates_never_overwritten BEFORE UPDATE ON updates
BEGIN
    SELECT RAISE(ABORT, 'progress updates are never overwritten; add a new update');
END;
