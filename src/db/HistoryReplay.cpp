#include "HistoryReplay.h"

#include "HistoryTriggers.h"
#include "Transaction.h"
#include "core/PartialDate.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>

namespace rt {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("rt::HistoryReplay", text);
}

QJsonObject parseRow(const QVariant& json)
{
    return QJsonDocument::fromJson(json.toString().toUtf8()).object();
}

// JSON numbers are doubles; the tables' numbers are whole.
QVariant bindable(const QJsonValue& v)
{
    if (v.isNull() || v.isUndefined())
        return QVariant();
    if (v.isDouble()) {
        const double d = v.toDouble();
        const auto whole = static_cast<qint64>(d);
        return double(whole) == d ? QVariant(whole) : QVariant(d);
    }
    return v.toVariant();
}

// A row as it stands compared with a logged one, leaving out the columns a
// change of which is not a change of the record.
bool sameRecord(QJsonObject a, QJsonObject b)
{
    for (const QString& key : {QStringLiteral("version"), QStringLiteral("last_update")}) {
        a.remove(key);
        b.remove(key);
    }
    return a == b;
}

} // namespace

HistoryReplay::HistoryReplay(QSqlDatabase& db) : Repository(db, tr("The change was not undone: %1")) {}

QVector<HistoryReplay::Row> HistoryReplay::rows(const QVector<Range>& ranges, int limit)
{
    QVector<Row> out;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, entity, entity_id, field, old_value, new_value FROM history "
                             "WHERE id BETWEEN ? AND ? ORDER BY id"));
    for (const Range& r : ranges) {
        q.addBindValue(r.first);
        q.addBindValue(r.last);
        if (!q.exec())
            continue;
        while (q.next()) {
            out.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toLongLong(),
                        q.value(3).toString(), q.value(4), q.value(5)});
            if (limit >= 0 && out.size() >= limit)
                return out;
        }
    }
    return out;
}

bool HistoryReplay::undo(const QVector<Range>& ranges)
{
    return replay(ranges, false);
}

bool HistoryReplay::redo(const QVector<Range>& ranges)
{
    return replay(ranges, true);
}

bool HistoryReplay::replay(const QVector<Range>& ranges, bool forward)
{
    m_forward = forward;
    QVector<Row> all = rows(ranges);
    if (all.isEmpty())
        return fail(forward ? tr("There is nothing to redo: the change is not in the history.")
                            : tr("There is nothing to undo: the change is not in the history."));
    if (!forward)
        std::reverse(all.begin(), all.end());
    Transaction tx(m_db);
    // A record and its details come back in the reverse of the order they
    // went; their foreign keys are checked once everything is back.
    QSqlQuery defer(m_db);
    if (!defer.exec(QStringLiteral("PRAGMA defer_foreign_keys = ON")))
        return fail(defer.lastError().text());
    for (const Row& row : all) {
        if (!apply(row, forward))
            return false;
    }
    if (!tx.commit())
        return fail((forward ? tr("The change was not redone: %1") : tr("The change was not undone: %1"))
                        .arg(m_db.lastError().text()));
    return true;
}

bool HistoryReplay::apply(const Row& row, bool forward)
{
    const HistoryTriggers::Table* t = HistoryTriggers::forEntity(row.entity);
    if (!t)
        return fail(tr("A change to a %1 cannot be undone by this program.").arg(row.entity));
    if (row.field == QLatin1String("created"))
        return forward ? insertRow(t->table, parseRow(row.newValue))
                       : removeRow(t->table, parseRow(row.newValue));
    if (row.field == QLatin1String("deleted"))
        return forward ? removeRow(t->table, parseRow(row.oldValue))
                       : insertRow(t->table, parseRow(row.oldValue));
    return forward ? setValue(t->table, row, row.oldValue, row.newValue)
                   : setValue(t->table, row, row.newValue, row.oldValue);
}

bool HistoryReplay::setValue(const QString& table, const Row& row, const QVariant& from, const QVariant& to)
{
    const QStringList cols = columnsOf(table);
    if (!cols.contains(row.field))
        return fail(tr("%1 no longer has a field %2.").arg(recordName(row), row.field));
    // Only while the value is still the one the change left: someone else's
    // later value is never overwritten. The version moves on, so an editor
    // holding the record sees that it changed.
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE %1 SET %2 = ?%3 WHERE rowid = ? AND %2 IS ?")
                  .arg(table, row.field,
                       cols.contains(QLatin1String("version")) ? QStringLiteral(", version = version + 1")
                                                               : QString()));
    q.addBindValue(to);
    q.addBindValue(row.entityId);
    q.addBindValue(from);
    if (!run(q))
        return false;
    if (q.numRowsAffected() == 1)
        return true;
    return fail(changedSince(row, row.field));
}

bool HistoryReplay::insertRow(const QString& table, const QJsonObject& json)
{
    if (json.isEmpty())
        return fail(tr("The history does not hold the %1 row to put back.").arg(table));
    const QString key = json.contains(QLatin1String("id")) ? QStringLiteral("id") : QStringLiteral("rowid");
    const QJsonObject now = currentRow(table, json.value(key).toVariant().toLongLong());
    if (!now.isEmpty()) {
        if (sameRecord(now, json))
            return true; // already there, as a cascade or an earlier step left it
        return fail(tr("It cannot be put back: a different record now has its place."));
    }
    QStringList cols;
    QStringList marks;
    for (auto it = json.begin(); it != json.end(); ++it) {
        cols << it.key();
        marks << QStringLiteral("?");
    }
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO %1(%2) VALUES (%3)")
                  .arg(table, cols.join(QStringLiteral(", ")), marks.join(QStringLiteral(", "))));
    for (auto it = json.begin(); it != json.end(); ++it)
        q.addBindValue(bindable(it.value()));
    return run(q);
}

bool HistoryReplay::removeRow(const QString& table, const QJsonObject& json)
{
    if (json.isEmpty())
        return fail(tr("The history does not hold the %1 row to remove.").arg(table));
    const qint64 rowid =
        json.value(json.contains(QLatin1String("id")) ? QLatin1String("id") : QLatin1String("rowid"))
            .toVariant()
            .toLongLong();
    const QJsonObject now = currentRow(table, rowid);
    if (now.isEmpty())
        return true; // gone already, with its parent
    if (!sameRecord(now, json)) {
        Row row;
        row.entityId = rowid;
        for (const HistoryTriggers::Table& t : HistoryTriggers::tables()) {
            if (t.table == table)
                row.entity = t.entity;
        }
        return fail(changedSince(row, QString()));
    }
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM %1 WHERE rowid = ?").arg(table));
    q.addBindValue(rowid);
    return run(q);
}

QJsonObject HistoryReplay::currentRow(const QString& table, qint64 rowid)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM %2 WHERE rowid = ?")
                  .arg(HistoryTriggers::rowJson(columnsOf(table), QString()), table));
    q.addBindValue(rowid);
    if (!q.exec() || !q.next())
        return {};
    return parseRow(q.value(0));
}

// A table's columns, read once per replay rather than once per row.
const QStringList& HistoryReplay::columnsOf(const QString& table)
{
    auto it = m_columns.find(table);
    if (it == m_columns.end())
        it = m_columns.insert(table, HistoryTriggers::columns(m_db, table));
    return *it;
}

// "Cannot undo: the status of action 1.2 was changed by jsmith on 24/11/2026 10:02."
QString HistoryReplay::changedSince(const Row& row, const QString& field)
{
    QString who;
    QString at;
    const QString by = lastChange(row.entity, row.entityId, row.id, &who, &at)
                           ? tr(" by %1 on %2").arg(who, PartialDate::momentString(at))
                           : QString();
    const QString what = field.isEmpty() ? recordName(row) : tr("%1 of %2").arg(field, recordName(row));
    return (m_forward ? tr("The change cannot be redone: %1 has been changed since%2.")
                      : tr("The change cannot be undone: %1 has been changed since%2."))
        .arg(what, by);
}

// The record as a person names it: its kind and number where it has one.
QString HistoryReplay::recordName(const Row& row)
{
    QString kind = row.entity;
    kind.replace(QLatin1Char('_'), QLatin1Char(' '));
    const HistoryTriggers::Table* t = HistoryTriggers::forEntity(row.entity);
    if (t && columnsOf(t->table).contains(QLatin1String("number"))) {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("SELECT number FROM %1 WHERE rowid = ?").arg(t->table));
        q.addBindValue(row.entityId);
        if (q.exec() && q.next() && !q.value(0).toString().isEmpty())
            return QStringLiteral("%1 %2").arg(kind, q.value(0).toString());
        const QJsonObject logged =
            parseRow(row.field == QLatin1String("deleted") ? row.oldValue : row.newValue);
        if (!logged.value(QLatin1String("number")).toString().isEmpty())
            return QStringLiteral("%1 %2").arg(kind, logged.value(QLatin1String("number")).toString());
    }
    return kind;
}

HistoryReplay::Step HistoryReplay::summarise(const QVector<Range>& ranges)
{
    Step step;
    const QVector<Row> some = rows(ranges, 50);
    if (some.isEmpty()) {
        step.text = tr("change");
        return step;
    }
    // One field as a person edits it may be stored in several columns (a
    // status and the word it was written as; a target and its due date):
    // a change of one record, no row added or removed, is known by the
    // first column it changed.
    const Row& first = some.first();
    const bool oneField = some.size() < 20 && std::all_of(some.begin(), some.end(), [&first](const Row& r) {
                              return r.field != QLatin1String("created") &&
                                     r.field != QLatin1String("deleted") && r.entity == first.entity &&
                                     r.entityId == first.entityId;
                          });
    if (oneField)
        step.single = {first.entity, first.entityId, first.field};

    // The record the change is about: the first that is not a detail of
    // another (an action's owners and updates are details of the action).
    const Row* main = &first;
    for (const Row& r : some) {
        const HistoryTriggers::Table* t = HistoryTriggers::forEntity(r.entity);
        if (t && t->parentEntity.isEmpty()) {
            main = &r;
            break;
        }
    }
    const QString name = recordName(*main);
    if (main->field == QLatin1String("created")) {
        step.text = tr("new %1").arg(name);
    } else if (main->field == QLatin1String("deleted")) {
        step.text = tr("deletion of %1").arg(name);
    } else {
        QString field = main->field;
        field.replace(QLatin1Char('_'), QLatin1Char(' '));
        if (field.endsWith(QLatin1String(" text")))
            field.chop(5);
        if (field == QLatin1String("rag"))
            field = tr("RAG rating");
        step.text = tr("%1 of %2").arg(field, name);
    }
    return step;
}

} // namespace rt
