#include "TrackerImporter.h"

#include "db/HistoryDeferral.h"
#include "db/PlanWriter.h"
#include "db/Repository.h"
#include "db/SqlDialect.h"
#include "db/Transaction.h"
#include "db/TriggerSetAside.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <map>
#include <memory>

namespace rt {

namespace {

// Raises the connection's page cache to 64 MB while it lives.
class CacheSizeForImport
{
public:
    explicit CacheSizeForImport(QSqlDatabase db) : m_db(std::move(db))
    {
        QSqlQuery q(m_db);
        if (q.exec(QStringLiteral("PRAGMA cache_size")) && q.next())
            m_previous = q.value(0).toInt();
        QSqlQuery(m_db).exec(QStringLiteral("PRAGMA cache_size = -65536"));
    }
    ~CacheSizeForImport() { QSqlQuery(m_db).exec(QStringLiteral("PRAGMA cache_size = %1").arg(m_previous)); }

private:
    QSqlDatabase m_db;
    int m_previous = -2000;
};

QString tr(const char* text)
{
    return QCoreApplication::translate("rt::TrackerImporter", text);
}

QString matchKey(const QString& text)
{
    return text.simplified().toCaseFolded();
}

QString updateKey(const QString& date, const QString& text)
{
    return date + QLatin1Char('\n') + matchKey(text);
}

int recordsOf(const ReviewRecord& review)
{
    int n = 1;
    for (const RecommendationRecord& rec : review.recommendations) {
        ++n;
        for (const ActionRecord& a : rec.actions)
            n += 1 + int(a.updates.size());
    }
    return n;
}

// Adds to a review already in the database what it does not have (the rule
// is in TrackerImporter.h). PlanWriter writes whole reviews only, so the rows
// added here are written with statements of their own, in the caller's
// transaction; owners, agencies and themes still go through PlanWriter so
// they are found and created the same way.
class ReviewMerger
{
public:
    ReviewMerger(QSqlDatabase& db, PlanWriter& writer) : m_db(db), m_writer(writer) {}

    bool merge(qint64 reviewId, ReviewRecord& review, TrackerImporter::Counts* added,
               const std::function<bool(int)>& step);
    QString errorString() const { return m_error; }
    // Actions the review had that were given updates: their search rows need rebuilding.
    const QVector<qint64>& updatedActions() const { return m_updatedActions; }

private:
    QSqlQuery& prepared(const QString& sql);
    bool run(QSqlQuery& q, const char* what);
    qint64 insertRecommendation(qint64 reviewId, const RecommendationRecord& rec, int position);
    qint64 insertAction(qint64 reviewId, qint64 recId, const ActionRecord& a, int position);
    bool insertUpdate(qint64 actionId, const ProgressUpdate& u, int position);
    int nextPosition(const QString& sql, qint64 parentId);

    QSqlDatabase& m_db;
    PlanWriter& m_writer;
    std::map<QString, std::unique_ptr<QSqlQuery>> m_queries;
    QString m_error;
    QVector<qint64> m_updatedActions;
};

QSqlQuery& ReviewMerger::prepared(const QString& sql)
{
    std::unique_ptr<QSqlQuery>& q = m_queries[sql];
    if (!q) {
        q = std::make_unique<QSqlQuery>(m_db);
        q->prepare(sql);
    }
    return *q;
}

bool ReviewMerger::run(QSqlQuery& q, const char* what)
{
    if (q.exec())
        return true;
    m_error = QStringLiteral("%1: %2").arg(QLatin1String(what), q.lastError().text());
    return false;
}

int ReviewMerger::nextPosition(const QString& sql, qint64 parentId)
{
    QSqlQuery& q = prepared(sql);
    q.addBindValue(parentId);
    if (!run(q, "position") || !q.next())
        return 1;
    const int position = q.value(0).toInt() + 1;
    q.finish();
    return position;
}

qint64 ReviewMerger::insertRecommendation(qint64 reviewId, const RecommendationRecord& rec, int position)
{
    QSqlQuery& q =
        prepared(QStringLiteral("INSERT INTO recommendations(review_id, kind, number, sort_key, "
                                "position, title, text, decision) VALUES (?,?,?,?,?,?,?,?) RETURNING id"));
    q.addBindValue(reviewId);
    q.addBindValue(recommendationkind::code(rec.kind));
    q.addBindValue(sqlText(rec.number));
    q.addBindValue(PlanWriter::sortKey(rec.number));
    q.addBindValue(position);
    q.addBindValue(sqlText(rec.title));
    q.addBindValue(sqlText(rec.text));
    q.addBindValue(sqlText(decision::code(rec.decision)));
    if (!run(q, "recommendation"))
        return 0;
    const qint64 id = SqlDialect::insertedId(q);
    for (const QString& theme : rec.themes) {
        const qint64 themeId = m_writer.themeId(theme);
        QSqlQuery& tq =
            prepared(QStringLiteral("INSERT INTO recommendation_themes(recommendation_id, theme_id) "
                                    "VALUES (?,?) ON CONFLICT DO NOTHING"));
        tq.addBindValue(id);
        tq.addBindValue(themeId);
        if (themeId == 0 || !run(tq, "theme")) {
            if (themeId == 0)
                m_error = m_writer.errorString();
            return 0;
        }
    }
    return id;
}

qint64 ReviewMerger::insertAction(qint64 reviewId, qint64 recId, const ActionRecord& a, int position)
{
    ActionRecord action = a;
    action.updates.clear(); // added one by one by the merge, each checked against those there
    if (!m_writer.insertAction(reviewId, recId, action, position)) {
        m_error = m_writer.errorString();
        return 0;
    }
    return action.id;
}

bool ReviewMerger::insertUpdate(qint64 actionId, const ProgressUpdate& u, int position)
{
    if (m_writer.insertUpdate(actionId, u, position))
        return true;
    m_error = m_writer.errorString();
    return false;
}

bool ReviewMerger::merge(qint64 reviewId, ReviewRecord& review, TrackerImporter::Counts* added,
                         const std::function<bool(int)>& step)
{
    // What the review has: recommendations by number and by text, responses by text.
    QHash<QString, qint64> byNumber, byText, responses;
    {
        QSqlQuery& q =
            prepared(QStringLiteral("SELECT id, number, text FROM recommendations WHERE review_id = ?"));
        q.addBindValue(reviewId);
        if (!run(q, "recommendations"))
            return false;
        while (q.next()) {
            if (!q.value(1).toString().trimmed().isEmpty())
                byNumber.insert(matchKey(q.value(1).toString()), q.value(0).toLongLong());
            byText.insert(matchKey(q.value(2).toString()), q.value(0).toLongLong());
        }
        QSqlQuery& r = prepared(QStringLiteral("SELECT id, text FROM responses WHERE review_id = ?"));
        r.addBindValue(reviewId);
        if (!run(r, "responses"))
            return false;
        while (r.next())
            responses.insert(matchKey(r.value(1).toString()), r.value(0).toLongLong());
    }
    QHash<QString, QString> responseOf; // recommendation number → response text
    for (const ResponseRecord& resp : std::as_const(review.responses)) {
        for (const QString& number : resp.recommendationNumbers)
            responseOf.insert(number, resp.text);
    }

    int recPosition = nextPosition(QStringLiteral("SELECT coalesce(max(position), 0) FROM recommendations "
                                                  "WHERE review_id = ? AND parent_id IS NULL"),
                                   reviewId);
    for (RecommendationRecord& rec : review.recommendations) {
        qint64 recId =
            rec.number.isEmpty() ? byText.value(matchKey(rec.text)) : byNumber.value(matchKey(rec.number));
        const bool newRec = recId == 0;
        if (newRec) {
            recId = insertRecommendation(reviewId, rec, recPosition++);
            if (recId == 0)
                return false;
            ++added->recommendations;
            const QString response = responseOf.value(rec.number);
            if (!response.isEmpty()) {
                qint64 responseId = responses.value(matchKey(response));
                if (responseId == 0) {
                    QSqlQuery& rq = prepared(QStringLiteral(
                        "INSERT INTO responses(review_id, text, position) VALUES (?, ?, (SELECT "
                        "coalesce(max(position), 0) + 1 FROM responses WHERE review_id = ?)) RETURNING id"));
                    rq.addBindValue(reviewId);
                    rq.addBindValue(response);
                    rq.addBindValue(reviewId);
                    if (!run(rq, "response"))
                        return false;
                    responseId = SqlDialect::insertedId(rq);
                    responses.insert(matchKey(response), responseId);
                }
                QSqlQuery& link =
                    prepared(QStringLiteral("INSERT INTO response_recommendations(response_id, "
                                            "recommendation_id) VALUES (?,?) ON CONFLICT DO NOTHING"));
                link.addBindValue(responseId);
                link.addBindValue(recId);
                if (!run(link, "response link"))
                    return false;
            }
        }
        if (!step(1))
            return false;

        QHash<QString, qint64> actions;
        if (!newRec) {
            QSqlQuery& q =
                prepared(QStringLiteral("SELECT id, text FROM actions WHERE recommendation_id = ?"));
            q.addBindValue(recId);
            if (!run(q, "actions"))
                return false;
            while (q.next())
                actions.insert(matchKey(q.value(1).toString()), q.value(0).toLongLong());
        }
        int actionPosition = newRec ? 1
                                    : nextPosition(QStringLiteral("SELECT coalesce(max(position), 0) FROM "
                                                                  "actions WHERE recommendation_id = ?"),
                                                   recId);
        for (const ActionRecord& a : std::as_const(rec.actions)) {
            qint64 actionId = actions.value(matchKey(a.text));
            QSet<QString> has;
            int updatePosition = 1;
            const bool existingAction = actionId != 0;
            if (actionId == 0) {
                actionId = insertAction(reviewId, recId, a, actionPosition++);
                if (actionId == 0)
                    return false;
                actions.insert(matchKey(a.text), actionId);
                ++added->actions;
            } else {
                QSqlQuery& q = prepared(QStringLiteral(
                    "SELECT coalesce(date, ''), text, position FROM updates WHERE action_id = ?"));
                q.addBindValue(actionId);
                if (!run(q, "updates"))
                    return false;
                while (q.next()) {
                    has.insert(updateKey(q.value(0).toString(), q.value(1).toString()));
                    updatePosition = qMax(updatePosition, q.value(2).toInt() + 1);
                }
            }
            for (const ProgressUpdate& u : a.updates) {
                const QString key = updateKey(u.date, u.text);
                if (has.contains(key))
                    continue;
                has.insert(key);
                if (!insertUpdate(actionId, u, updatePosition++))
                    return false;
                ++added->updates;
                if (existingAction && (m_updatedActions.isEmpty() || m_updatedActions.last() != actionId))
                    m_updatedActions << actionId;
            }
            if (!step(1 + int(a.updates.size())))
                return false;
        }
    }
    return true;
}

// FTS5 writes its pending index out at every statement savepoint, so a load
// through the triggers that keep action_search writes one index segment per
// action and per update: about a third of a large import. For the load those
// triggers are set aside and the index is filled once at the end from
// action_search_source, the view the triggers themselves read. The triggers
// come back from their own text in the schema, exactly as they were, and all
// of it happens inside the import's transaction: a rollback undoes it too.
class SearchIndexDeferral
{
public:
    explicit SearchIndexDeferral(QSqlDatabase& db) : m_db(db), m_triggers(db) {}

    bool begin()
    {
        QSqlQuery q(m_db);
        if (!q.exec(
                QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'action_search_source'")) ||
            !q.next() || q.value(0).toInt() == 0)
            return true; // a schema without the index: nothing to defer
        if (!q.exec(QStringLiteral("SELECT coalesce(max(id), 0) FROM actions")) || !q.next())
            return fail(q.lastError().text());
        m_lastActionBefore = q.value(0).toLongLong();
        if (!m_triggers.setAside(QStringLiteral(
                "tbl_name IN ('actions', 'updates') AND sql LIKE '%AFTER INSERT ON%' AND (sql LIKE "
                "'%action_search%' OR name = 'updates_last_update_insert')")))
            return fail(m_triggers.errorString());
        return true;
    }

    bool finish(const QVector<qint64>& updatedActions)
    {
        if (m_triggers.isEmpty())
            return true;
        const QString columns = QStringLiteral("action, owner, detail, recommendation, review, updates");
        QSqlQuery q(m_db);
        q.prepare(
            QStringLiteral("INSERT INTO action_search(rowid, %1) SELECT id, %1 FROM action_search_source "
                           "WHERE id > ?")
                .arg(columns));
        q.addBindValue(m_lastActionBefore);
        if (!q.exec())
            return fail(q.lastError().text());
        QSqlQuery remove(m_db), add(m_db);
        remove.prepare(QStringLiteral("DELETE FROM action_search WHERE rowid = ?"));
        add.prepare(
            QStringLiteral("INSERT INTO action_search(rowid, %1) SELECT id, %1 FROM action_search_source "
                           "WHERE id = ?")
                .arg(columns));
        for (qint64 id : updatedActions) {
            remove.addBindValue(id);
            add.addBindValue(id);
            if (!remove.exec())
                return fail(remove.lastError().text());
            if (!add.exec())
                return fail(add.lastError().text());
        }
        // The latest update of each action written, once, as the trigger
        // updates_last_update_insert (migration 004) would have row by row: a
        // month-dated update counts as the month's last day, a year as 31
        // December. New actions all at once, merged ones one by one.
        const QString lastUpdate = QStringLiteral(
            "UPDATE actions SET last_update = (SELECT max(CASE length(u.date) WHEN 10 THEN u.date "
            "WHEN 7 THEN date(u.date || '-01', '+1 month', '-1 day') WHEN 4 THEN u.date || '-12-31' END) "
            "FROM updates u WHERE u.action_id = actions.id) WHERE id %1 ?");
        QSqlQuery last(m_db);
        last.prepare(lastUpdate.arg(QLatin1Char('>')));
        last.addBindValue(m_lastActionBefore);
        if (!last.exec())
            return fail(last.lastError().text());
        QSqlQuery one(m_db);
        one.prepare(lastUpdate.arg(QLatin1Char('=')));
        for (qint64 id : updatedActions) {
            one.addBindValue(id);
            if (!one.exec())
                return fail(one.lastError().text());
        }
        if (!m_triggers.restore())
            return fail(m_triggers.errorString());
        return true;
    }

    QString errorString() const { return m_error; }

private:
    bool fail(const QString& why)
    {
        m_error = QStringLiteral("search index: %1").arg(why);
        return false;
    }

    QSqlDatabase& m_db;
    TriggerSetAside m_triggers;
    qint64 m_lastActionBefore = 0;
    QString m_error;
};

} // namespace

TrackerImporter::TrackerImporter(QSqlDatabase db) : m_db(std::move(db)) {}

bool TrackerImporter::fail(const QString& error)
{
    m_error = error;
    return false;
}

bool TrackerImporter::importFile(const QString& path, const QString& sheetName)
{
    m_problems.clear();
    QVector<SheetTable> sheets;
    QString error;
    if (!SheetTable::readFile(path, &sheets, &error))
        return fail(error);
    const int index = TrackerColumns::chooseSheet(sheets, sheetName, &error);
    if (index < 0)
        return fail(tr("%1: %2").arg(path, error));
    // The cells are let go before writing: a 50,000-row sheet is a million
    // small strings, and the writing allocates as many again.
    m_source = QFileInfo(path).fileName();
    QVector<ReviewRecord> reviews;
    {
        const SheetTable sheet = std::move(sheets[index]);
        sheets.clear();
        if (!parse(sheet, TrackerColumns::detect(sheet), &reviews))
            return false;
    }
    return importReviews(std::move(reviews));
}

bool TrackerImporter::parse(const SheetTable& sheet, const TrackerMapping& mapping,
                            QVector<ReviewRecord>* reviews)
{
    m_problems.clear();
    TrackerParser parser;
    parser.setDefaultKind(m_defaultKind);
    if (!parser.parse(sheet, mapping, m_source)) {
        m_problems = parser.problems();
        QSet<int> rows;
        for (const TrackerProblem& p : std::as_const(m_problems))
            rows.insert(p.row);
        return fail(
            m_problems.size() == 1 && m_problems.first().column < 0
                ? tr("%1: %2; nothing was imported").arg(m_source, m_problems.first().toString())
            : rows.size() == 1
                ? tr("%1: nothing was imported: 1 row cannot be read").arg(m_source)
                : tr("%1: nothing was imported: %2 rows cannot be read").arg(m_source).arg(rows.size()));
    }
    *reviews = parser.takeReviews();
    return true;
}

bool TrackerImporter::importSheet(const SheetTable& sheet, const TrackerMapping& mapping,
                                  const QString& sourceName)
{
    m_source = sourceName;
    QVector<ReviewRecord> reviews;
    if (!parse(sheet, mapping, &reviews))
        return false;
    return importReviews(std::move(reviews));
}

bool TrackerImporter::importReviews(QVector<ReviewRecord> reviews)
{
    m_added = Counts();
    m_existing.clear();
    m_cancelled = false;
    const QString source = m_source.isEmpty() ? tr("the tracker") : m_source;

    // The reviews the database has, by title.
    QHash<QString, qint64> existing;
    {
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral("SELECT id, title FROM reviews")))
            return fail(tr("%1: %2").arg(source, q.lastError().text()));
        while (q.next())
            existing.insert(matchKey(q.value(1).toString()), q.value(0).toLongLong());
    }
    for (const ReviewRecord& r : std::as_const(reviews)) {
        if (existing.contains(matchKey(r.title)))
            m_existing << r.title;
    }
    if (!m_existing.isEmpty() && !m_merge) {
        QStringList names;
        for (const QString& t : std::as_const(m_existing))
            names << QStringLiteral("“%1”").arg(t);
        return fail(
            names.size() == 1
                ? tr("%1: nothing was imported: the database already has the review %2; import with merge "
                     "to add only the recommendations, actions and updates it does not have")
                      .arg(source, names.first())
                : tr("%1: nothing was imported: the database already has the reviews %2; import with merge "
                     "to add only the recommendations, actions and updates they do not have")
                      .arg(source, names.join(QStringLiteral(", "))));
    }

    int total = 0;
    for (const ReviewRecord& r : std::as_const(reviews))
        total += recordsOf(r);
    int done = 0;
    int reported = 0;
    // The callback is asked about every 500 records and after each review,
    // not every row: a 50,000-row tracker calls it about 300 times.
    const auto step = [&](int records) {
        done += records;
        if (!m_progress || done - reported < 500)
            return true;
        reported = done;
        return m_progress(done, total);
    };
    const auto cancelled = [&] {
        m_cancelled = true;
        m_added = Counts();
        return fail(tr("%1: the import was cancelled; nothing was imported").arg(source));
    };
    if (m_progress && !m_progress(0, total))
        return cancelled();

    // A large import touches every index page many times; SQLite's default
    // page cache (2 MB) would send most of those moves to the OS. The setting
    // is for this connection only and is put back afterwards.
    CacheSizeForImport cache(m_db);
    Transaction tx(m_db);
    if (!tx.isActive())
        return fail(tr("%1: the database cannot start the import: %2").arg(source, m_db.lastError().text()));
    SearchIndexDeferral searchIndex(m_db);
    if (!searchIndex.begin())
        return fail(tr("%1: nothing was imported: %2").arg(source, searchIndex.errorString()));
    HistoryDeferral history(m_db);
    if (!history.begin())
        return fail(tr("%1: nothing was imported: %2").arg(source, history.errorString()));
    PlanWriter writer(m_db);
    ReviewMerger merger(m_db, writer);
    int position = 0;
    {
        QSqlQuery q(m_db);
        if (q.exec(QStringLiteral("SELECT coalesce(max(position), 0) FROM reviews")) && q.next())
            position = q.value(0).toInt();
    }
    Counts added;
    for (ReviewRecord& r : reviews) {
        const qint64 reviewId = existing.value(matchKey(r.title));
        if (reviewId != 0) {
            bool stopped = false;
            const auto mergeStep = [&](int records) {
                stopped = !step(records);
                return !stopped;
            };
            if (!merger.merge(reviewId, r, &added, mergeStep)) {
                if (stopped)
                    return cancelled();
                return fail(tr("%1: nothing was imported: review “%2”: %3")
                                .arg(source, r.title, merger.errorString()));
            }
            if (!step(1))
                return cancelled();
        } else {
            if (!writer.writeReview(r, ++position))
                return fail(tr("%1: nothing was imported: review “%2”: %3")
                                .arg(source, r.title, writer.errorString()));
            ++added.reviews;
            for (const RecommendationRecord& rec : std::as_const(r.recommendations)) {
                ++added.recommendations;
                added.actions += int(rec.actions.size());
                for (const ActionRecord& a : rec.actions)
                    added.updates += int(a.updates.size());
            }
            if (!step(recordsOf(r)))
                return cancelled();
        }
    }
    if (!searchIndex.finish(merger.updatedActions()))
        return fail(tr("%1: nothing was imported: %2").arg(source, searchIndex.errorString()));
    if (!history.finish())
        return fail(tr("%1: nothing was imported: %2").arg(source, history.errorString()));
    if (m_progress && !m_progress(total, total))
        return cancelled();
    if (!tx.commit())
        return fail(tr("%1: nothing was imported: the database refused to save: %2")
                        .arg(source, plainReason(m_db.lastError().text())));
    m_added = added;
    return true;
}

} // namespace rt
