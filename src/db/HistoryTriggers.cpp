#include "HistoryTriggers.h"

#include <QSqlError>
#include <QSqlQuery>

namespace rt {

namespace {

const QString kNoReview = QStringLiteral("NULL");

QString reviewOf(const char* table, const char* column)
{
    return QStringLiteral("(SELECT review_id FROM %1 WHERE id = %2.%3)")
        .arg(QLatin1String(table), QStringLiteral("%1"), QLatin1String(column));
}

} // namespace

const QVector<HistoryTriggers::Table>& HistoryTriggers::tables()
{
    static const QVector<Table> all = [] {
        const QString own = QStringLiteral("%1.review_id");
        const QString review = QStringLiteral("review");
        const QString action = QStringLiteral("action");
        const QString audit = QStringLiteral("s11_audit");
        const QString s11Review = reviewOf("s11_audits", "audit_id");
        return QVector<Table>{
            {QStringLiteral("agencies"), QStringLiteral("agency"), {}, {}, kNoReview},
            {QStringLiteral("agency_aliases"), QStringLiteral("agency_alias"), QStringLiteral("agency"),
             QStringLiteral("agency_id"), kNoReview},
            {QStringLiteral("owners"), QStringLiteral("owner"), {}, {}, kNoReview},
            {QStringLiteral("themes"), QStringLiteral("theme"), {}, {}, kNoReview},
            {QStringLiteral("reviews"), review, {}, {}, QStringLiteral("%1.id")},
            {QStringLiteral("review_links"), QStringLiteral("review_link"), review,
             QStringLiteral("review_id"), own},
            {QStringLiteral("plan_versions"), QStringLiteral("plan_version"), review,
             QStringLiteral("review_id"), own},
            {QStringLiteral("sections"), QStringLiteral("section"), review, QStringLiteral("review_id"), own},
            {QStringLiteral("recommendations"), QStringLiteral("recommendation"), {}, {}, own},
            {QStringLiteral("recommendation_themes"), QStringLiteral("recommendation_theme"),
             QStringLiteral("recommendation"), QStringLiteral("recommendation_id"),
             reviewOf("recommendations", "recommendation_id")},
            {QStringLiteral("responses"), QStringLiteral("response"), {}, {}, own},
            {QStringLiteral("response_recommendations"), QStringLiteral("response_recommendation"),
             QStringLiteral("response"), QStringLiteral("response_id"), reviewOf("responses", "response_id")},
            {QStringLiteral("actions"), action, {}, {}, own},
            {QStringLiteral("action_owners"), QStringLiteral("action_owner"), action,
             QStringLiteral("action_id"), reviewOf("actions", "action_id")},
            {QStringLiteral("action_links"), QStringLiteral("action_link"), action,
             QStringLiteral("action_id"), reviewOf("actions", "action_id")},
            {QStringLiteral("updates"), QStringLiteral("update"), action, QStringLiteral("action_id"),
             reviewOf("actions", "action_id")},
            {QStringLiteral("s11_audits"), audit, {}, {}, own},
            {QStringLiteral("s11_standards"), QStringLiteral("s11_standard"), audit,
             QStringLiteral("audit_id"), s11Review},
            {QStringLiteral("s11_themes"), QStringLiteral("s11_theme"), audit, QStringLiteral("audit_id"),
             s11Review},
            {QStringLiteral("s11_agencies"), QStringLiteral("s11_agency"), audit, QStringLiteral("audit_id"),
             s11Review},
            {QStringLiteral("s11_ratings"), QStringLiteral("s11_rating"), audit, QStringLiteral("audit_id"),
             s11Review},
            {QStringLiteral("saved_filters"), QStringLiteral("saved_filter"), {}, {}, kNoReview},
        };
    }();
    return all;
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

QStringList HistoryTriggers::columns(QSqlDatabase& db, const QString& table)
{
    QStringList out;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT name FROM pragma_table_info(?) ORDER BY cid"));
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
        .arg(t.entity, row, QString(t.reviewSql).replace(QLatin1String("%1"), row), field, oldValue, newValue,
             parent);
}

QString HistoryTriggers::createdValues(const Table& t, const QStringList& columns, const QString& row)
{
    return loggedValues(t, row, QStringLiteral("'created'"), QStringLiteral("NULL"), rowJson(columns, row));
}

bool HistoryTriggers::install(QSqlDatabase& db, QString* error)
{
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
        for (const QString& c : cols) {
            if (isBookkeeping(c))
                continue;
            perColumn << QStringLiteral("%1 SELECT %2 WHERE OLD.%3 IS NOT NEW.%3;")
                             .arg(insertHead,
                                  values(QStringLiteral("NEW"), QStringLiteral("'%1'").arg(c),
                                         QStringLiteral("OLD.%1").arg(c), QStringLiteral("NEW.%1").arg(c)),
                                  c);
        }
        statements << QStringLiteral(
                          "CREATE TRIGGER log_%1_update AFTER UPDATE ON %1 WHEN rt_history() BEGIN %2 END")
                          .arg(t.table, perColumn.join(QLatin1Char(' ')));
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
