#include "HistoryTriggers.h"

#include "SqlDialect.h"

#include <QSqlError>
#include <QSqlQuery>

namespace rt {

const QVector<HistoryTriggers::Table>& HistoryTriggers::tables()
{
    static const QVector<Table> all = [] {
        const QString own = QStringLiteral("review_id");
        const QString review = QStringLiteral("review");
        const QString action = QStringLiteral("action");
        const QString audit = QStringLiteral("s11_audit");
        const QString ofAction = QStringLiteral("actions.action_id");
        const QString ofAudit = QStringLiteral("s11_audits.audit_id");
        return QVector<Table>{
            {QStringLiteral("agencies"), QStringLiteral("agency"), {}, {}, {}},
            {QStringLiteral("agency_aliases"),
             QStringLiteral("agency_alias"),
             QStringLiteral("agency"),
             QStringLiteral("agency_id"),
             {}},
            {QStringLiteral("owners"), QStringLiteral("owner"), {}, {}, {}},
            {QStringLiteral("themes"), QStringLiteral("theme"), {}, {}, {}},
            {QStringLiteral("reviews"), review, {}, {}, QStringLiteral("id")},
            {QStringLiteral("review_links"), QStringLiteral("review_link"), review, own, own},
            {QStringLiteral("plan_versions"), QStringLiteral("plan_version"), review, own, own},
            {QStringLiteral("sections"), QStringLiteral("section"), review, own, own},
            {QStringLiteral("recommendations"), QStringLiteral("recommendation"), {}, {}, own},
            {QStringLiteral("recommendation_themes"), QStringLiteral("recommendation_theme"),
             QStringLiteral("recommendation"), QStringLiteral("recommendation_id"),
             QStringLiteral("recommendations.recommendation_id")},
            {QStringLiteral("responses"), QStringLiteral("response"), {}, {}, own},
            {QStringLiteral("response_recommendations"), QStringLiteral("response_recommendation"),
             QStringLiteral("response"), QStringLiteral("response_id"),
             QStringLiteral("responses.response_id")},
            {QStringLiteral("actions"), action, {}, {}, own},
            {QStringLiteral("action_owners"), QStringLiteral("action_owner"), action,
             QStringLiteral("action_id"), ofAction},
            {QStringLiteral("action_links"), QStringLiteral("action_link"), action,
             QStringLiteral("action_id"), ofAction},
            {QStringLiteral("updates"), QStringLiteral("update"), action, QStringLiteral("action_id"),
             ofAction},
            {QStringLiteral("s11_audits"), audit, {}, {}, own},
            {QStringLiteral("s11_standards"), QStringLiteral("s11_standard"), audit,
             QStringLiteral("audit_id"), ofAudit},
            {QStringLiteral("s11_themes"), QStringLiteral("s11_theme"), audit, QStringLiteral("audit_id"),
             ofAudit},
            {QStringLiteral("s11_agencies"), QStringLiteral("s11_agency"), audit, QStringLiteral("audit_id"),
             ofAudit},
            {QStringLiteral("s11_ratings"), QStringLiteral("s11_rating"), audit, QStringLiteral("audit_id"),
             ofAudit},
            {QStringLiteral("saved_filters"), QStringLiteral("saved_filter"), {}, {}, {}},
        };
    }();
    return all;
}

QString HistoryTriggers::reviewSql(const Table& t, const QString& row)
{
    if (t.reviewFrom.isEmpty())
        return QStringLiteral("NULL");
    if (!t.reviewFrom.contains(QLatin1Char('.')))
        return QStringLiteral("%1.%2").arg(row, t.reviewFrom);
    const QString table = t.reviewFrom.section(QLatin1Char('.'), 0, 0);
    const QString column = t.reviewFrom.section(QLatin1Char('.'), 1, 1);
    return QStringLiteral("(SELECT review_id FROM %1 WHERE id = %2.%3)").arg(table, row, column);
}

const HistoryTriggers::Table* HistoryTriggers::forEntity(const QString& entity)
{
    for (const Table& t : tables()) {
        if (t.entity == entity)
            return &t;
    }
    return nullptr;
}

bool HistoryTriggers::isBookkeeping(const QString& column)
{
    return column == QLatin1String("version") || column == QLatin1String("last_update");
}

// An update of bookkeeping alone (the latest update's day after a progress
// update, a version bump) does not run the update trigger at all.
QStringList HistoryTriggers::loggedColumns(const QStringList& columns)
{
    QStringList out;
    for (const QString& c : columns) {
        if (!isBookkeeping(c))
            out << c;
    }
    return out;
}

QStringList HistoryTriggers::columns(QSqlDatabase& db, const QString& table)
{
    QStringList out;
    QSqlQuery q(db);
    q.prepare(SqlDialect::columnsQuery(db));
    q.addBindValue(table);
    if (q.exec()) {
        while (q.next())
            out << q.value(0).toString();
    }
    return out;
}

QString HistoryTriggers::rowJson(const QStringList& columns, const QString& row)
{
    const QString prefix = row.isEmpty() ? QString() : row + QLatin1Char('.');
    QStringList parts;
    if (!columns.contains(QLatin1String("id")))
        parts << QStringLiteral("'rowid', %1rowid").arg(prefix);
    for (const QString& c : columns)
        parts << QStringLiteral("'%1', %2%1").arg(c, prefix);
    return QStringLiteral("json_object(%1)").arg(parts.join(QStringLiteral(", ")));
}

QString HistoryTriggers::historyInsertHead()
{
    return QStringLiteral(
        "INSERT INTO history(at, who, entity, entity_id, review_id, field, old_value, new_value, "
        "parent_entity, parent_id) ");
}

QString HistoryTriggers::loggedValues(const Table& t, const QString& row, const QString& field,
                                      const QString& oldValue, const QString& newValue)
{
    const QString parent = t.parentEntity.isEmpty()
                               ? QStringLiteral("NULL, NULL")
                               : QStringLiteral("'%1', %2.%3").arg(t.parentEntity, row, t.parentColumn);
    return QStringLiteral("rt_now(), rt_who(), '%1', %2.rowid, %3, %4, %5, %6, %7")
        .arg(t.entity, row, reviewSql(t, row), field, oldValue, newValue, parent);
}

QString HistoryTriggers::createdValues(const Table& t, const QStringList& columns, const QString& row)
{
    return loggedValues(t, row, QStringLiteral("'created'"), QStringLiteral("NULL"), rowJson(columns, row));
}

// PostgreSQL: one trigger per table calling rt_log() (schema 5), which reads
// the table's columns itself, with the entity, parent and review as words.
bool HistoryTriggers::installPostgres(QSqlDatabase& db, QString* error)
{
    QSqlQuery q(db);
    for (const Table& t : tables()) {
        const QStringList logged = loggedColumns(columns(db, t.table));
        const QStringList statements = {
            QStringLiteral("DROP TRIGGER IF EXISTS log_%1 ON %1").arg(t.table),
            QStringLiteral("CREATE TRIGGER log_%1 AFTER INSERT OR DELETE OR UPDATE OF %6 ON %1 FOR EACH ROW "
                           "EXECUTE FUNCTION rt_log('%2', '%3', '%4', '%5')")
                .arg(t.table, t.entity, t.parentEntity, t.parentColumn, t.reviewFrom,
                     logged.join(QStringLiteral(", ")))};
        for (const QString& s : statements) {
            if (!q.exec(s)) {
                *error = QStringLiteral("%1: %2").arg(t.table, q.lastError().text());
                return false;
            }
        }
    }
    return true;
}

bool HistoryTriggers::install(QSqlDatabase& db, QString* error)
{
    if (SqlDialect::isPostgres(db))
        return installPostgres(db, error);
    QSqlQuery q(db);
    QStringList old;
    if (!q.exec(
            QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'log\\_%' "
                           "ESCAPE '\\'"))) {
        *error = q.lastError().text();
        return false;
    }
    while (q.next())
        old << q.value(0).toString();
    for (const QString& name : old) {
        if (!q.exec(QStringLiteral("DROP TRIGGER %1").arg(name))) {
            *error = q.lastError().text();
            return false;
        }
    }

    const QString insertHead = historyInsertHead();
    for (const Table& t : tables()) {
        const QStringList cols = columns(db, t.table);
        if (cols.isEmpty()) {
            *error = QStringLiteral("table %1 is missing").arg(t.table);
            return false;
        }
        auto json = [&](const QString& row) { return rowJson(cols, row); };
        auto values = [&](const QString& row, const QString& field, const QString& oldValue,
                          const QString& newValue) {
            return loggedValues(t, row, field, oldValue, newValue);
        };

        QStringList statements;
        statements << QStringLiteral(
                          "CREATE TRIGGER log_%1_insert AFTER INSERT ON %1 WHEN rt_history() BEGIN %2 "
                          "VALUES (%3); END")
                          .arg(t.table, insertHead, createdValues(t, cols, QStringLiteral("NEW")));
        statements << QStringLiteral(
                          "CREATE TRIGGER log_%1_delete AFTER DELETE ON %1 WHEN rt_history() BEGIN %2 "
                          "VALUES (%3); END")
                          .arg(t.table, insertHead,
                               values(QStringLiteral("OLD"), QStringLiteral("'deleted'"),
                                      json(QStringLiteral("OLD")), QStringLiteral("NULL")));
        QStringList perColumn;
        for (const QString& c : loggedColumns(cols)) {
            perColumn << QStringLiteral("%1 SELECT %2 WHERE OLD.%3 IS NOT NEW.%3;")
                             .arg(insertHead,
                                  values(QStringLiteral("NEW"), QStringLiteral("'%1'").arg(c),
                                         QStringLiteral("OLD.%1").arg(c), QStringLiteral("NEW.%1").arg(c)),
                                  c);
        }
        statements << QStringLiteral(
                          "CREATE TRIGGER log_%1_update AFTER UPDATE OF %3 ON %1 WHEN rt_history() BEGIN %2 "
                          "END")
                          .arg(t.table, perColumn.join(QLatin1Char(' ')),
                               loggedColumns(cols).join(QStringLiteral(", ")));
        for (const QString& s : statements) {
            if (!q.exec(s)) {
                *error = QStringLiteral("%1: %2").arg(t.table, q.lastError().text());
                return false;
            }
        }
    }
    return true;
}

} // namespace rt
