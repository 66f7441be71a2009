#include "HistoryQueries.h"

#include "core/Vocabulary.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <utility>

namespace rt {

namespace {

// The first slice of the log a search reads, in rows of the history_at
// index, and the most it grows to. A slice of 20,000 rows is read in tens of
// milliseconds even when every row must be matched against free text.
constexpr int kFirstWindow = 20000;
constexpr int kMinWindow = 2000;
constexpr int kMaxWindow = 1 << 20;
constexpr qint64 kSliceMs = 50;
// Fewer rows of a kind than this are read through its index and sorted.
constexpr int kFewRows = 5000;

const char* const kColumns = "h.id, h.at, h.who, h.entity, h.entity_id, h.review_id, h.field, h.old_value, "
                             "h.new_value, h.parent_entity, h.parent_id";

// "at" as stored: UTC, ISO, to the second.
QString utcIso(const QDate& localDay)
{
    return QDateTime(localDay, QTime(0, 0), Qt::LocalTime)
        .toUTC()
        .toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss'Z'"));
}

QString likePattern(const QString& text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
        .replace(QLatin1Char('%'), QLatin1String("\\%"))
        .replace(QLatin1Char('_'), QLatin1String("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

QString placeholders(int n)
{
    QStringList marks;
    for (int i = 0; i < n; ++i)
        marks << QStringLiteral("?");
    return marks.join(QStringLiteral(", "));
}

QString idList(const QVector<qint64>& ids)
{
    QStringList parts;
    for (qint64 id : ids)
        parts << QString::number(id);
    return parts.join(QStringLiteral(", "));
}

// The filter as SQL conditions on "h". A common record kind is matched with
// a unary plus so SQLite walks the history_at index in order rather than
// sorting every row of the kind taken from history_entity (byKind: the kind
// is rare, and that index is the quick way to its rows).
void conditions(const HistoryFilter& f, bool byKind, QStringList* where, QVariantList* binds)
{
    where->append(
        QStringLiteral("h.field NOT IN (%1)").arg(placeholders(HistoryQueries::derivedFields().size())));
    for (const QString& field : HistoryQueries::derivedFields())
        binds->append(field);

    if (f.isRecordScope()) {
        // Ids are numbers from the program, written into the SQL so the
        // OR of the two indexes (history_entity, history_parent) is seen.
        const QString ids = f.recordIds.isEmpty() ? QStringLiteral("NULL") : idList(f.recordIds);
        where->append(QStringLiteral("((h.entity = ? AND h.entity_id IN (%1)) OR "
                                     "(h.parent_entity = ? AND h.parent_id IN (%1)))")
                          .arg(ids));
        binds->append(f.recordEntity);
        binds->append(f.recordEntity);
    }
    if (!f.who.isEmpty()) {
        where->append(QStringLiteral("h.who = ?"));
        binds->append(f.who);
    }
    if (!f.entities.isEmpty()) {
        where->append(QStringLiteral("%1h.entity IN (%2)")
                          .arg(byKind ? QString() : QStringLiteral("+"), placeholders(f.entities.size())));
        for (const QString& e : f.entities)
            binds->append(e);
    }
    if (!f.fields.isEmpty()) {
        where->append(QStringLiteral("h.field IN (%1)").arg(placeholders(f.fields.size())));
        for (const QString& field : f.fields)
            binds->append(field);
    }
    if (f.reviewId > 0) {
        where->append(QStringLiteral("h.review_id = ?"));
        binds->append(f.reviewId);
    }
    if (f.from.isValid()) {
        where->append(QStringLiteral("h.at >= ?"));
        binds->append(utcIso(f.from));
    }
    if (f.to.isValid()) {
        where->append(QStringLiteral("h.at < ?"));
        binds->append(utcIso(f.to.addDays(1)));
    }
    const QString text = f.text.trimmed();
    if (!text.isEmpty()) {
        // The values, the user, and — for rows that hold no text of their
        // record, such as a status change — the action's or
        // recommendation's number and text as they are now.
        const QString pattern = likePattern(text);
        const QString matches = QStringLiteral("LIKE ? ESCAPE '\\'");
        QStringList any{QStringLiteral("h.new_value %1").arg(matches),
                        QStringLiteral("h.old_value %1").arg(matches),
                        QStringLiteral("h.who %1").arg(matches)};
        *binds << pattern << pattern << pattern;
        const std::pair<const char*, const char*> refs[] = {{"h.entity", "h.entity_id"},
                                                            {"h.parent_entity", "h.parent_id"}};
        for (const auto& [kindColumn, idColumn] : refs) {
            const QString kind = QLatin1String(kindColumn);
            const QString id = QLatin1String(idColumn);
            any << QStringLiteral("(%1 = 'action' AND EXISTS (SELECT 1 FROM actions a WHERE a.id = %2 "
                                  "AND (a.number = ? OR a.text %3)))")
                       .arg(kind, id, matches);
            *binds << text << pattern;
            any << QStringLiteral("(%1 = 'recommendation' AND EXISTS (SELECT 1 FROM recommendations r "
                                  "WHERE r.id = %2 AND (r.number = ? OR r.title %3 OR r.text %3)))")
                       .arg(kind, id, matches);
            *binds << text << pattern << pattern;
        }
        // A status or RAG typed as it reads ("In progress") finds its code.
        ActionStatus status;
        Rag rating;
        QStringList codes;
        if (status::fromWritten(text, &status))
            codes << status::code(status);
        if (rag::fromWritten(text, &rating) && rating != Rag::None)
            codes << rag::code(rating);
        for (const QString& code : codes) {
            any << QStringLiteral("h.new_value = ?") << QStringLiteral("h.old_value = ?");
            *binds << code << code;
        }
        where->append(QLatin1Char('(') + any.join(QStringLiteral(" OR ")) + QLatin1Char(')'));
    }
}

HistoryEntry readEntry(const QSqlQuery& q)
{
    HistoryEntry e;
    e.id = q.value(0).toLongLong();
    e.at = QDateTime::fromString(q.value(1).toString(), Qt::ISODate);
    e.at.setTimeSpec(Qt::UTC);
    e.who = q.value(2).toString();
    e.entity = q.value(3).toString();
    e.entityId = q.value(4).toLongLong();
    e.reviewId = q.value(5).toLongLong();
    e.field = q.value(6).toString();
    e.oldValue = q.value(7).isNull() ? QVariant() : QVariant(q.value(7).toString());
    e.newValue = q.value(8).isNull() ? QVariant() : QVariant(q.value(8).toString());
    e.parentEntity = q.value(9).toString();
    e.parentId = q.value(10).toLongLong();
    return e;
}

// The label kept in a logged row: a record's number, name or title.
QString labelOf(const QJsonObject& row)
{
    for (const char* key : {"number", "name", "title", "alias", "version", "year"}) {
        const QJsonValue v = row.value(QLatin1String(key));
        const QString text = v.isDouble() ? QString::number(v.toInteger()) : v.toString().trimmed();
        if (!text.isEmpty())
            return text;
    }
    return QString();
}

// How to read each kind of record as it is now: its label and its review.
// Link tables have no id of their own: the log names them by rowid.
QString currentRecordSql(const QString& entity)
{
    static const QHash<QString, QString> sql = {
        {QStringLiteral("action"),
         QStringLiteral("SELECT a.number, a.review_id, r.number FROM actions a "
                        "LEFT JOIN recommendations r ON r.id = a.recommendation_id WHERE a.id = ?")},
        {QStringLiteral("recommendation"),
         QStringLiteral("SELECT number, review_id FROM recommendations WHERE id = ?")},
        {QStringLiteral("response"),
         QStringLiteral("SELECT CASE WHEN number <> '' THEN number ELSE title END, review_id FROM responses "
                        "WHERE id = ?")},
        {QStringLiteral("review"), QStringLiteral("SELECT title, id FROM reviews WHERE id = ?")},
        {QStringLiteral("section"),
         QStringLiteral("SELECT trim(number || ' ' || title), review_id FROM sections WHERE id = ?")},
        {QStringLiteral("plan_version"),
         QStringLiteral("SELECT version, review_id FROM plan_versions WHERE id = ?")},
        {QStringLiteral("review_link"),
         QStringLiteral("SELECT coalesce((SELECT title FROM reviews r WHERE r.id = l.linked_review_id), "
                        "l.linked_title), l.review_id FROM review_links l WHERE l.id = ?")},
        {QStringLiteral("update"),
         QStringLiteral("SELECT u.date, a.review_id FROM updates u JOIN actions a ON a.id = u.action_id "
                        "WHERE u.id = ?")},
        {QStringLiteral("owner"), QStringLiteral("SELECT name, NULL FROM owners WHERE id = ?")},
        {QStringLiteral("agency"), QStringLiteral("SELECT name, NULL FROM agencies WHERE id = ?")},
        {QStringLiteral("agency_alias"),
         QStringLiteral("SELECT alias, NULL FROM agency_aliases WHERE rowid = ?")},
        {QStringLiteral("theme"), QStringLiteral("SELECT name, NULL FROM themes WHERE id = ?")},
        {QStringLiteral("saved_filter"), QStringLiteral("SELECT name, NULL FROM saved_filters WHERE id = ?")},
        {QStringLiteral("s11_audit"), QStringLiteral("SELECT year, review_id FROM s11_audits WHERE id = ?")},
        {QStringLiteral("s11_standard"),
         QStringLiteral("SELECT s.number || '. ' || s.title, a.review_id FROM s11_standards s "
                        "JOIN s11_audits a ON a.id = s.audit_id WHERE s.id = ?")},
        {QStringLiteral("s11_theme"),
         QStringLiteral(
             "SELECT t.title, a.review_id FROM s11_themes t JOIN s11_audits a ON a.id = t.audit_id "
             "WHERE t.id = ?")},
        {QStringLiteral("s11_agency"),
         QStringLiteral(
             "SELECT g.name, a.review_id FROM s11_agencies x JOIN agencies g ON g.id = x.agency_id "
             "JOIN s11_audits a ON a.id = x.audit_id WHERE x.rowid = ?")},
        {QStringLiteral("s11_rating"),
         QStringLiteral("SELECT coalesce(nullif(g.short_name, ''), g.name) || ', standard ' || s.number, "
                        "a.review_id FROM s11_ratings r JOIN agencies g ON g.id = r.agency_id "
                        "JOIN s11_standards s ON s.id = r.standard_id JOIN s11_audits a ON a.id = r.audit_id "
                        "WHERE r.id = ?")},
        {QStringLiteral("action_owner"),
         QStringLiteral("SELECT o.name, a.review_id FROM action_owners x JOIN owners o ON o.id = x.owner_id "
                        "JOIN actions a ON a.id = x.action_id WHERE x.rowid = ?")},
        {QStringLiteral("action_link"),
         QStringLiteral("SELECT l.number, a.review_id FROM action_links x JOIN actions l ON l.id = "
                        "x.linked_action_id JOIN actions a ON a.id = x.action_id WHERE x.rowid = ?")},
        {QStringLiteral("recommendation_theme"),
         QStringLiteral("SELECT t.name, r.review_id FROM recommendation_themes x JOIN themes t ON t.id = "
                        "x.theme_id JOIN recommendations r ON r.id = x.recommendation_id WHERE x.rowid = ?")},
        {QStringLiteral("response_recommendation"),
         QStringLiteral("SELECT r.number, p.review_id FROM response_recommendations x JOIN recommendations r "
                        "ON r.id = x.recommendation_id JOIN responses p ON p.id = x.response_id "
                        "WHERE x.rowid = ?")},
    };
    return sql.value(entity);
}

} // namespace

bool HistoryFilter::operator==(const HistoryFilter& o) const
{
    return recordEntity == o.recordEntity && recordIds == o.recordIds && text == o.text && who == o.who &&
           entities == o.entities && fields == o.fields && reviewId == o.reviewId && from == o.from &&
           to == o.to;
}

HistoryQueries::HistoryQueries(QSqlDatabase db) : m_db(std::move(db)) {}

QStringList HistoryQueries::derivedFields()
{
    return {QStringLiteral("target_precision"),
            QStringLiteral("target_due"),
            QStringLiteral("revised_target_precision"),
            QStringLiteral("revised_target_due"),
            QStringLiteral("status_text"),
            QStringLiteral("sort_key")};
}

bool HistoryQueries::fail(const QSqlQuery& q)
{
    m_error = q.lastError().text();
    return false;
}

bool HistoryQueries::windowBoundary(const HistoryCursor& cursor, int window, QString* at, qint64* id,
                                    bool* found)
{
    // The row `window` places on from the cursor in the history_at index
    // (which holds at and id): the slice ends there.
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral("SELECT h.at, h.id FROM history h %1 ORDER BY h.at DESC, h.id DESC LIMIT 1 OFFSET ?")
            .arg(cursor.started ? QStringLiteral("WHERE h.at <= ? AND (h.at < ? OR h.id < ?)") : QString()));
    if (cursor.started) {
        q.addBindValue(cursor.at);
        q.addBindValue(cursor.at);
        q.addBindValue(cursor.id);
    }
    q.addBindValue(window);
    if (!q.exec())
        return fail(q);
    *found = q.next();
    if (*found) {
        *at = q.value(0).toString();
        *id = q.value(1).toLongLong();
    }
    return true;
}

bool HistoryQueries::fetch(const HistoryFilter& filter, HistoryCursor* cursor, int wanted, int budgetMs,
                           QVector<HistoryEntry>* out)
{
    if (cursor->done || wanted <= 0)
        return true;
    QElapsedTimer clock;
    clock.start();

    if (!cursor->planned) {
        cursor->planned = true;
        if (!filter.isRecordScope() && !filter.entities.isEmpty()) {
            // Counting up to kFewRows entries of history_entity is quick.
            QSqlQuery q(m_db);
            q.prepare(
                QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM history WHERE entity IN (%1) LIMIT %2)")
                    .arg(placeholders(filter.entities.size()))
                    .arg(kFewRows));
            for (const QString& e : filter.entities)
                q.addBindValue(e);
            if (!q.exec() || !q.next())
                return fail(q);
            cursor->byKind = q.value(0).toInt() < kFewRows;
        }
    }
    QStringList where;
    QVariantList binds;
    conditions(filter, cursor->byKind, &where, &binds);
    // The log is read in slices of the history_at index; a record's few
    // rows come from their own indexes, where "+" keeps at out of the plan.
    const bool slices = !filter.isRecordScope() && !cursor->byKind;
    const QString at = slices ? QStringLiteral("h.at") : QStringLiteral("+h.at");
    const QString from = filter.from.isValid() ? utcIso(filter.from) : QString();
    if (!cursor->started && slices && filter.to.isValid()) {
        cursor->started = true; // start at the end of the "to" day, not the newest row
        cursor->at = utcIso(filter.to.addDays(1));
        cursor->id = 0;
    }

    int appended = 0;
    while (appended < wanted) {
        QElapsedTimer slice;
        slice.start();
        bool bounded = false;
        QString endAt;
        qint64 endId = 0;
        if (slices) {
            if (cursor->window <= 0)
                cursor->window = kFirstWindow;
            if (!windowBoundary(*cursor, cursor->window, &endAt, &endId, &bounded))
                return false;
        }
        QStringList terms = where;
        QVariantList values = binds;
        if (cursor->started) {
            terms << QStringLiteral("%1 <= ? AND (%1 < ? OR h.id < ?)").arg(at);
            values << cursor->at << cursor->at << cursor->id;
        }
        if (bounded) {
            terms << QStringLiteral("h.at >= ? AND (h.at > ? OR h.id >= ?)");
            values << endAt << endAt << endId;
        }
        const int need = wanted - appended;
        const QString sql =
            QStringLiteral("SELECT %1 FROM history h WHERE %2 ORDER BY h.at DESC, h.id DESC LIMIT %3")
                .arg(QLatin1String(kColumns), terms.join(QStringLiteral(" AND ")))
                .arg(need);
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        if (!q.prepare(sql))
            return fail(q);
        for (const QVariant& v : values)
            q.addBindValue(v);
        if (!q.exec())
            return fail(q);
        int got = 0;
        while (q.next()) {
            const HistoryEntry e = readEntry(q);
            cursor->started = true;
            cursor->at = q.value(1).toString();
            cursor->id = e.id;
            out->append(e);
            ++got;
        }
        appended += got;
        if (got == need)
            return true; // the page is full; more may follow
        if (!bounded) {
            cursor->done = true;
            return true;
        }
        // The slice is read to its end: go on below it.
        cursor->started = true;
        cursor->at = endAt;
        cursor->id = endId;
        if (!from.isEmpty() && endAt < from) {
            cursor->done = true;
            return true;
        }
        // The next slice sized to take about kSliceMs at the pace of this
        // one: a filter the index answers reads far, free text a little.
        const qint64 took = qMax<qint64>(1, slice.elapsed());
        const qint64 sized = qint64(cursor->window) * kSliceMs / took;
        cursor->window = int(qBound<qint64>(qMax(kMinWindow, cursor->window / 2), sized,
                                            qMin<qint64>(kMaxWindow, qint64(cursor->window) * 2)));
        if (budgetMs > 0 && clock.elapsed() >= budgetMs)
            return true;
    }
    return true;
}

qint64 HistoryQueries::lastId()
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT coalesce(max(id), 0) FROM history")) || !q.next()) {
        fail(q);
        return -1;
    }
    return q.value(0).toLongLong();
}

QStringList HistoryQueries::users()
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    // With an index on who, one step per user instead of reading every row.
    bool indexed = false;
    if (q.exec(QStringLiteral("SELECT 1 FROM pragma_index_list('history') l, pragma_index_info(l.name) i "
                              "WHERE i.seqno = 0 AND i.name = 'who'")))
        indexed = q.next();
    q.finish();
    const QString sql =
        indexed ? QStringLiteral("WITH RECURSIVE w(who) AS (SELECT min(who) FROM history UNION ALL "
                                 "SELECT (SELECT min(who) FROM history WHERE who > w.who) FROM w "
                                 "WHERE w.who IS NOT NULL) SELECT who FROM w WHERE who IS NOT NULL")
                : QStringLiteral("SELECT DISTINCT who FROM history");
    QStringList users;
    if (!q.exec(sql)) {
        fail(q);
        return users;
    }
    while (q.next())
        users << q.value(0).toString();
    std::sort(users.begin(), users.end(),
              [](const QString& a, const QString& b) { return a.compare(b, Qt::CaseInsensitive) < 0; });
    return users;
}

QVector<QPair<qint64, QString>> HistoryQueries::reviews()
{
    QVector<QPair<qint64, QString>> rows;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(
            QStringLiteral("SELECT id, reference, title FROM reviews ORDER BY title COLLATE NOCASE, id"))) {
        fail(q);
        return rows;
    }
    while (q.next()) {
        const QString reference = q.value(1).toString();
        const QString title = q.value(2).toString();
        rows.append({q.value(0).toLongLong(),
                     reference.isEmpty() ? title : QStringLiteral("%1 (%2)").arg(title, reference)});
    }
    return rows;
}

QVector<qint64> HistoryQueries::s11RatingIds(qint64 auditId, qint64 agencyId, qint64 standardId)
{
    // A cleared cell rated again is a new row: the cell's history is that of
    // every row that has stood in it. json_valid first: old values of other
    // kinds may be plain text.
    QVector<qint64> ids;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT id FROM s11_ratings WHERE audit_id = ? AND agency_id = ? AND standard_id = ? "
        "UNION SELECT entity_id FROM (SELECT entity_id, coalesce(new_value, old_value) AS v FROM history "
        "  WHERE parent_entity = 's11_audit' AND parent_id = ? AND entity = 's11_rating' "
        "  AND field IN ('created', 'deleted')) "
        "WHERE CASE WHEN json_valid(v) THEN json_extract(v, '$.agency_id') = ? "
        "  AND json_extract(v, '$.standard_id') = ? ELSE 0 END"));
    // Qt counts "?1" twice as two values: plain marks, each bound.
    for (qint64 v : {auditId, agencyId, standardId, auditId, agencyId, standardId})
        q.addBindValue(v);
    if (!q.exec()) {
        fail(q);
        return ids;
    }
    while (q.next())
        ids << q.value(0).toLongLong();
    return ids;
}

HistoryRecord HistoryQueries::record(const QString& entity, qint64 id)
{
    const QString key = entity + QLatin1Char('/') + QString::number(id);
    auto it = m_records.constFind(key);
    if (it != m_records.constEnd())
        return *it;
    const HistoryRecord r = readRecord(entity, id);
    m_records.insert(key, r);
    return r;
}

HistoryRecord HistoryQueries::readRecord(const QString& entity, qint64 id)
{
    HistoryRecord r;
    r.entity = entity;
    r.id = id;
    const QString sql = currentRecordSql(entity);
    if (!sql.isEmpty()) {
        QSqlQuery& q = statement(entity, sql);
        q.addBindValue(id);
        const bool found = q.exec() && q.next();
        if (found) {
            r.exists = true;
            r.label = q.value(0).toString().trimmed();
            r.reviewId = q.value(1).toLongLong();
            r.recommendationLabel = q.value(2).toString();
        }
        q.finish(); // no read left open on the file
        if (found)
            return r;
    }
    // Gone: the label it had when it was deleted (or created).
    QSqlQuery& q = statement(
        QStringLiteral("logged"),
        QStringLiteral("SELECT coalesce(old_value, new_value), review_id FROM history WHERE entity = ? "
                       "AND entity_id = ? AND field IN ('deleted', 'created') ORDER BY id DESC LIMIT 1"));
    q.addBindValue(entity);
    q.addBindValue(id);
    if (!q.exec() || !q.next()) {
        q.finish();
        return r;
    }
    r.reviewId = q.value(1).toLongLong();
    const QJsonObject row = QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
    q.finish(); // before the lookups below use it again
    r.label = labelOf(row);
    if (entity == QLatin1String("action") && row.contains(QLatin1String("recommendation_id")))
        r.recommendationLabel = record(QStringLiteral("recommendation"),
                                       row.value(QLatin1String("recommendation_id")).toInteger())
                                    .label;
    if (entity == QLatin1String("s11_rating") && !row.isEmpty()) {
        const HistoryRecord agency =
            record(QStringLiteral("agency"), row.value(QLatin1String("agency_id")).toInteger());
        const HistoryRecord standard =
            record(QStringLiteral("s11_standard"), row.value(QLatin1String("standard_id")).toInteger());
        r.label = QStringLiteral("%1, standard %2")
                      .arg(agency.label, standard.label.section(QLatin1Char('.'), 0, 0));
    }
    return r;
}

QString HistoryQueries::reviewLabel(qint64 reviewId)
{
    if (reviewId <= 0)
        return QString();
    auto it = m_reviews.constFind(reviewId);
    if (it != m_reviews.constEnd())
        return *it;
    const QString label = record(QStringLiteral("review"), reviewId).label;
    m_reviews.insert(reviewId, label);
    return label;
}

QSqlQuery& HistoryQueries::statement(const QString& key, const QString& sql)
{
    // Each lookup is prepared once: a page of rows makes hundreds of them.
    auto it = m_statements.find(key);
    if (it == m_statements.end()) {
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        q.prepare(sql);
        it = m_statements.insert(key, q);
    }
    return *it;
}

void HistoryQueries::clearCache()
{
    m_records.clear();
    m_reviews.clear();
}

} // namespace rt
