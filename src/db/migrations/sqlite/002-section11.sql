-- Schema 2: Section 11 audits — standards, agencies, the panel's rating per
-- agency × standard, and the partnership-level judgements.

CREATE TABLE s11_audits (
    id INTEGER PRIMARY KEY,
    review_id INTEGER NOT NULL UNIQUE REFERENCES reviews(id) ON DELETE CASCADE,
    year INTEGER NOT NULL,
    panel TEXT NOT NULL DEFAULT ''
);

CREATE TABLE s11_standards (
    id INTEGER PRIMARY KEY,
    audit_id INTEGER NOT NULL REFERENCES s11_audits(id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    partnership_rag TEXT NOT NULL DEFAULT '' CHECK (partnership_rag IN ('', 'red', 'amber', 'green', 'blue')),
    comment TEXT NOT NULL DEFAULT '',
    UNIQUE (audit_id, number)
);

CREATE TABLE s11_themes (
    id INTEGER PRIMARY KEY,
    audit_id INTEGER NOT NULL REFERENCES s11_audits(id) ON DELETE CASCADE,
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    rag TEXT NOT NULL DEFAULT '' CHECK (rag IN ('', 'red', 'amber', 'green', 'blue')),
    comment TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE s11_agencies (
    audit_id INTEGER NOT NULL REFERENCES s11_audits(id) ON DELETE CASCADE,
    agency_id INTEGER NOT NULL REFERENCES agencies(id) ON DELETE RESTRICT,
    note TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (audit_id, agency_id)
);

CREATE TABLE s11_ratings (
    id INTEGER PRIMARY KEY,
    audit_id INTEGER NOT NULL REFERENCES s11_audits(id) ON DELETE CASCADE,
    agency_id INTEGER NOT NULL REFERENCES agencies(id) ON DELETE RESTRICT,
    standard_id INTEGER NOT NULL REFERENCES s11_standards(id) ON DELETE CASCADE,
    rating TEXT NOT NULL
        CHECK (rating IN ('good', 'good_aif', 'requires_improvement', 'inadequate', 'unable')),
    rating_text TEXT NOT NULL DEFAULT '',
    comments TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (audit_id, agency_id, standard_id)
);
CREATE INDEX s11_ratings_standard ON s11_ratings(standard_id);
