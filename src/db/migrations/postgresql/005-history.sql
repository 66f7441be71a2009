-- Schema 5 for PostgreSQL (as sqlite/005-history.sql): the change history
-- covers every record. One trigger function logs every table; the triggers
-- themselves are created by HistoryTriggers from its list of tables, with the
-- entity's name, its parent and where its review is found as arguments.
ALTER TABLE history ADD COLUMN parent_entity TEXT;
ALTER TABLE history ADD COLUMN parent_id BIGINT;
CREATE INDEX history_parent ON history(parent_entity, parent_id);
CREATE INDEX history_review_at ON history(review_id, at);
CREATE INDEX history_who_at ON history(who, at);

CREATE TRIGGER history_never_removed BEFORE DELETE ON history
    FOR EACH ROW EXECUTE FUNCTION rt_history_never_rewritten();

-- Arguments: the entity ('action'), the parent entity and the column naming
-- it ('' when none), and where the review is: 'id' (a review itself),
-- 'review_id' (its own column), 'table.column' (the review_id of the row of
-- table that column names) or '' (none).
-- Who is the server login (session_user), when is the transaction's start in
-- UTC, as SQLite's rt_now() gives it. A session of the tables' owner may set
-- rt.clock (tests) and rt.history = 'off' (a restore or copy that brings its
-- own history); an editor's session may not, so an editor cannot change a
-- record unlogged or log a false time. The function runs as its owner
-- (SECURITY DEFINER), so editors need no right to write the log themselves.
-- version and last_update are bookkeeping, never logged (as
-- HistoryTriggers::isBookkeeping says for SQLite).
CREATE FUNCTION rt_log() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    entity TEXT := TG_ARGV[0];
    parent_entity TEXT := nullif(TG_ARGV[1], '');
    parent_column TEXT := nullif(TG_ARGV[2], '');
    review_source TEXT := TG_ARGV[3];
    r JSONB;
    before JSONB;
    entity_id BIGINT;
    review BIGINT;
    parent BIGINT;
    stamp TEXT := to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"');
    k TEXT;
BEGIN
    IF coalesce(current_setting('rt.history', true), '') = 'off'
            OR coalesce(current_setting('rt.clock', true), '') <> '' THEN
        IF pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'MEMBER') THEN
            IF coalesce(current_setting('rt.history', true), '') = 'off' THEN
                RETURN NULL;
            END IF;
            stamp := coalesce(nullif(current_setting('rt.clock', true), ''), stamp);
        END IF;
    END IF;
    IF TG_OP = 'DELETE' THEN
        r := to_jsonb(OLD);
    ELSE
        r := to_jsonb(NEW);
    END IF;
    entity_id := (r ->> CASE WHEN r ? 'id' THEN 'id' ELSE 'rowid' END)::BIGINT;
    IF parent_column IS NOT NULL THEN
        parent := (r ->> parent_column)::BIGINT;
    END IF;
    IF review_source = 'id' THEN
        review := entity_id;
    ELSIF review_source = 'review_id' THEN
        review := (r ->> 'review_id')::BIGINT;
    ELSIF review_source <> '' THEN
        EXECUTE format('SELECT review_id FROM %I WHERE id = $1', split_part(review_source, '.', 1))
            INTO review USING (r ->> split_part(review_source, '.', 2))::BIGINT;
    END IF;
    IF TG_OP = 'INSERT' THEN
        INSERT INTO history(at, who, entity, entity_id, review_id, field, old_value, new_value,
                            parent_entity, parent_id)
        VALUES (stamp, session_user, entity, entity_id, review, 'created', NULL, row_to_json(NEW)::TEXT,
                parent_entity, parent);
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO history(at, who, entity, entity_id, review_id, field, old_value, new_value,
                            parent_entity, parent_id)
        VALUES (stamp, session_user, entity, entity_id, review, 'deleted', row_to_json(OLD)::TEXT, NULL,
                parent_entity, parent);
    ELSE
        before := to_jsonb(OLD);
        -- json (not jsonb) keeps the columns in table order, as SQLite logs them.
        FOR k IN SELECT json_object_keys(row_to_json(NEW)) LOOP
            CONTINUE WHEN k IN ('version', 'last_update');
            IF before -> k IS DISTINCT FROM r -> k THEN
                INSERT INTO history(at, who, entity, entity_id, review_id, field, old_value, new_value,
                                    parent_entity, parent_id)
                VALUES (stamp, session_user, entity, entity_id, review, k, before ->> k, r ->> k,
                        parent_entity, parent);
            END IF;
        END LOOP;
    END IF;
    RETURN NULL;
END;
$$ SECURITY DEFINER SET search_path = public, pg_temp;

-- Every other client hears of a committed change within a moment (LISTEN
-- review_tracker): one notice per transaction that logged anything.
CREATE FUNCTION rt_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('review_tracker', '');
    RETURN NULL;
END;
$$;
CREATE TRIGGER history_notify AFTER INSERT ON history
    FOR EACH STATEMENT EXECUTE FUNCTION rt_notify_change();
