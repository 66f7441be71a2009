// Restoring a backup written by JsonBackup::write.

#include "JsonBackup.h"
#include "JsonBackupParts.h"
#include "db/Database.h"
#include "db/HistoryPause.h"
#include "db/Transaction.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVector>

namespace rt {

using namespace jsonbackup;

namespace {

// "line 12, column 5" of a byte offset into the text.
QString placeOf(const QByteArray& data, int offset)
{
    const QByteArray before = data.left(offset);
    const int line = before.count('\n') + 1;
    const int column = offset - (before.lastIndexOf('\n') + 1) + 1;
    return tr("line %1, column %2").arg(line).arg(column);
}

QString jsonTypeName(const QJsonValue& v)
{
    // In the order of QJsonValue::Type: Null, Bool, Double, String, Array, Object.
    static const char* const names[] = {
        QT_TRANSLATE_NOOP("rt::JsonBackup", "null"),     QT_TRANSLATE_NOOP("rt::JsonBackup", "true or false"),
        QT_TRANSLATE_NOOP("rt::JsonBackup", "a number"), QT_TRANSLATE_NOOP("rt::JsonBackup", "text"),
        QT_TRANSLATE_NOOP("rt::JsonBackup", "a list"),   QT_TRANSLATE_NOOP("rt::JsonBackup", "an object")};
    return v.type() >= 0 && v.type() <= QJsonValue::Object ? tr(names[v.type()]) : tr("nothing");
}

// A whole number that fits in 64 bits, without rounding through a double.
bool wholeNumber(const QJsonValue& v, qint64* out)
{
    if (!v.isDouble())
        return false;
    const qint64 a = v.toInteger(0);
    if (a != v.toInteger(1))
        return false;
    *out = a;
    return true;
}

// The value to bind for a JSON value in this column, or false with the reason.
bool convert(const QJsonValue& v, const Column& c, QVariant* out, QString* why)
{
    if (v.isNull()) {
        if (c.notNull) {
            *why = tr("must not be null");
            return false;
        }
        *out = QVariant();
        return true;
    }
    qint64 whole = 0;
    switch (c.affinity) {
    case Affinity::Integer:
        if (wholeNumber(v, &whole)) {
            *out = whole;
            return true;
        }
        *why = tr("must be a whole number%1, not %2")
                   .arg(c.notNull ? QString() : tr(" or null"),
                        v.isDouble() ? QString::number(v.toDouble()) : jsonTypeName(v));
        return false;
    case Affinity::Text:
        if (v.isString()) {
            const QString s = v.toString();
            *out = s.isNull() ? QString(QLatin1String("")) : s;
            return true;
        }
        *why = tr("must be text%1, not %2").arg(c.notNull ? QString() : tr(" or null"), jsonTypeName(v));
        return false;
    case Affinity::Real:
        if (v.isDouble()) {
            *out = v.toDouble();
            return true;
        }
        *why = tr("must be a number, not %1").arg(jsonTypeName(v));
        return false;
    case Affinity::Blob:
    case Affinity::Numeric:
        break;
    }
    if (wholeNumber(v, &whole)) {
        *out = whole;
    } else if (v.isDouble()) {
        *out = v.toDouble();
    } else if (v.isString()) {
        const QString s = v.toString();
        *out = s.isNull() ? QString(QLatin1String("")) : s;
    } else if (v.isObject() && v.toObject().size() == 1 &&
               v.toObject().value(QLatin1String("base64")).isString()) {
        const auto decoded =
            QByteArray::fromBase64Encoding(v.toObject().value(QLatin1String("base64")).toString().toLatin1(),
                                           QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded) {
            *why = tr("holds base64 that cannot be decoded");
            return false;
        }
        *out = *decoded;
    } else {
        *why = tr("must be a number, text or {\"base64\": …}, not %1").arg(jsonTypeName(v));
        return false;
    }
    return true;
}

struct FileTable
{
    const Table* table = nullptr;
    QVector<int> columns; // indexes into table->columns, in the file's order
    QJsonArray rows;
};

// Names the first row whose reference leads nowhere, before the commit would
// refuse them all with a bare "FOREIGN KEY constraint failed". "" when none.
QString foreignKeyProblem(QSqlDatabase& db, const QHash<QString, FileTable>& file)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA foreign_key_check")))
        return q.lastError().text();
    if (!q.next())
        return QString();
    const QString table = q.value(0).toString();
    const qint64 rowid = q.value(1).toLongLong();
    const QString parent = q.value(2).toString();
    const int fkid = q.value(3).toInt();
    q.finish();
    QString column;
    QSqlQuery fk(db);
    if (fk.exec(QStringLiteral("PRAGMA foreign_key_list(%1)").arg(quoted(table)))) {
        while (fk.next()) {
            if (fk.value(0).toInt() == fkid)
                column = fk.value(3).toString();
        }
    }
    // The file's row: found by its id where the id is the rowid; otherwise
    // rows went into an empty table in file order, so rowid n is row n.
    const FileTable ft = file.value(table);
    int index = -1;
    if (ft.table && !ft.table->rowidAlias.isEmpty()) {
        for (int r = 0; r < ft.rows.size() && index < 0; ++r) {
            if (ft.rows.at(r).toObject().value(ft.table->rowidAlias).toInteger() == rowid)
                index = r;
        }
    } else if (rowid >= 1 && rowid <= ft.rows.size()) {
        index = int(rowid - 1);
    }
    if (index < 0 || column.isEmpty())
        return tr("table %1: a reference to %2 leads nowhere").arg(table, parent);
    const QJsonValue value = ft.rows.at(index).toObject().value(column);
    return tr("table %1, row %2, column %3: %4 names no row of %5")
        .arg(table)
        .arg(index + 1)
        .arg(column, value.toVariant().toString(), parent);
}

} // namespace

bool JsonBackup::restore(QIODevice* device, const QString& sourceName, Counts* added)
{
    m_error.clear();
    *added = Counts();
    const auto refuse = [&](const QString& why) {
        m_error = tr("%1: %2; nothing was restored").arg(sourceName, why);
        return false;
    };
    if (!device->isOpen() && !device->open(QIODevice::ReadOnly))
        return refuse(tr("cannot be read: %1").arg(device->errorString()));
    const QByteArray data = device->readAll();

    // 1. The whole file is read and checked before anything is written.
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return refuse(
            tr("not valid JSON at %1: %2").arg(placeOf(data, parseError.offset), parseError.errorString()));
    if (!doc.isObject())
        return refuse(tr("not a Review Tracker backup (the file is not a JSON object)"));
    const QJsonObject root = doc.object();
    if (root.value(QLatin1String("format")).toString() != QLatin1String(kFormat))
        return refuse(
            tr("not a Review Tracker backup (no \"format\": \"%1\" at the top)").arg(QLatin1String(kFormat)));
    qint64 number = 0;
    if (!wholeNumber(root.value(QLatin1String("version")), &number) || number < 1)
        return refuse(tr("the backup has no format \"version\""));
    if (number > kFormatVersion)
        return refuse(
            tr("written in backup format %1 by a newer Review Tracker (this program reads format %2)")
                .arg(number)
                .arg(kFormatVersion));
    if (!wholeNumber(root.value(QLatin1String("schema_version")), &number) || number < 1)
        return refuse(tr("the backup has no \"schema_version\""));
    if (number > Database::kSchemaVersion)
        return refuse(
            tr("made from a database of schema %1 by a newer Review Tracker (this program knows up to "
               "%2); restore it with the newer program")
                .arg(number)
                .arg(Database::kSchemaVersion));
    if (!root.value(QLatin1String("tables")).isArray())
        return refuse(tr("the backup has no \"tables\" list"));

    QHash<QString, Table> schema;
    for (const char* name : kTables) {
        Table t;
        QString error;
        if (!readTable(m_db, QLatin1String(name), &t, &error))
            return refuse(error);
        schema.insert(t.name, t);
    }
    QHash<QString, FileTable> file;
    const QJsonArray tables = root.value(QLatin1String("tables")).toArray();
    for (int ti = 0; ti < tables.size(); ++ti) {
        const QJsonObject t = tables.at(ti).toObject();
        const QString name = t.value(QLatin1String("table")).toString();
        if (!tables.at(ti).isObject() || name.isEmpty())
            return refuse(tr("entry %1 of \"tables\" has no \"table\" name").arg(ti + 1));
        if (!schema.contains(name))
            return refuse(
                tr("unknown table “%1” (entry %2 of \"tables\")").arg(name, QString::number(ti + 1)));
        if (file.contains(name))
            return refuse(tr("the table %1 is given twice").arg(name));
        FileTable ft;
        ft.table = &schema[name];
        const QJsonValue columns = t.value(QLatin1String("columns"));
        if (!columns.isArray())
            return refuse(tr("table %1: no \"columns\" list").arg(name));
        QSet<QString> seen;
        for (const QJsonValue& c : columns.toArray()) {
            const int index = ft.table->indexOf(c.toString());
            if (!c.isString() || index < 0)
                return refuse(tr("table %1: unknown column “%2”").arg(name, c.toVariant().toString()));
            if (seen.contains(c.toString()))
                return refuse(tr("table %1: column %2 is listed twice").arg(name, c.toString()));
            seen.insert(c.toString());
            ft.columns << index;
        }
        // Every column, also those with a default: a default is not what the
        // backed-up database held (actions.last_update is derived from updates).
        for (const Column& c : ft.table->columns) {
            if (!seen.contains(c.name))
                return refuse(tr("table %1: the column %2 is missing from \"columns\"").arg(name, c.name));
        }
        if (!t.value(QLatin1String("rows")).isArray())
            return refuse(tr("table %1: no \"rows\" list").arg(name));
        ft.rows = t.value(QLatin1String("rows")).toArray();
        for (int r = 0; r < ft.rows.size(); ++r) {
            if (!ft.rows.at(r).isObject())
                return refuse(tr("table %1, row %2: not an object of column values").arg(name).arg(r + 1));
            const QJsonObject row = ft.rows.at(r).toObject();
            for (auto it = row.begin(); it != row.end(); ++it) {
                if (!seen.contains(it.key()))
                    return refuse(
                        tr("table %1, row %2: unknown column “%3”").arg(name).arg(r + 1).arg(it.key()));
            }
            for (const int index : ft.columns) {
                const Column& c = ft.table->columns.at(index);
                if (!row.contains(c.name))
                    return refuse(
                        tr("table %1, row %2: column %3 is missing").arg(name).arg(r + 1).arg(c.name));
                QVariant value;
                QString why;
                if (!convert(row.value(c.name), c, &value, &why))
                    return refuse(
                        tr("table %1, row %2, column %3: %4").arg(name).arg(r + 1).arg(c.name, why));
            }
        }
        file.insert(name, ft);
    }

    // 2. Only into a database without records: ids are kept, so they must be free.
    QStringList held;
    for (const char* name : kTables) {
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(quoted(QLatin1String(name)))) || !q.next())
            return refuse(tr("cannot read the database: %1").arg(q.lastError().text()));
        if (q.value(0).toLongLong() > 0)
            held << QStringLiteral("%1 %2").arg(q.value(0).toLongLong()).arg(QLatin1String(name));
    }
    if (!held.isEmpty())
        return refuse(tr("the database already holds records (%1); a backup is restored only into a new, "
                         "empty database")
                          .arg(held.join(QStringLiteral(", "))));

    // 3. One transaction; foreign keys are checked at the end, so a row may
    // name a later row of its own table (a recommendation's parent).
    Transaction tx(m_db);
    if (!tx.isActive())
        return refuse(tr("cannot start writing: %1").arg(m_db.lastError().text()));
    QSqlQuery pragma(m_db);
    if (!pragma.exec(QStringLiteral("PRAGMA defer_foreign_keys = ON")))
        return refuse(pragma.lastError().text());
    // The backup carries the history as it was: the rows going back in are
    // not new changes, so the triggers log nothing until the restore ends.
    HistoryPause pause(m_db);
    if (!pause.isPaused())
        return refuse(tr("cannot pause the change history: %1").arg(pause.errorString()));
    // Updates go in before their actions: the triggers on updates then find
    // no action to touch, so actions.last_update is restored as the backup
    // gives it, and each action's search row is built once, with all its
    // updates, when the action goes in.
    QStringList order;
    for (const char* name : kTables)
        order << QLatin1String(name);
    order.move(order.indexOf(QStringLiteral("updates")), order.indexOf(QStringLiteral("actions")));
    for (const QString& name : std::as_const(order)) {
        const auto it = file.constFind(name);
        if (it == file.constEnd() || it->rows.isEmpty())
            continue;
        const FileTable& ft = *it;
        QStringList columns;
        QStringList marks;
        for (const int index : ft.columns) {
            columns << quoted(ft.table->columns.at(index).name);
            marks << QStringLiteral("?");
        }
        QSqlQuery insert(m_db);
        if (!insert.prepare(QStringLiteral("INSERT INTO %1(%2) VALUES (%3)")
                                .arg(quoted(ft.table->name), columns.join(QStringLiteral(", ")),
                                     marks.join(QStringLiteral(", ")))))
            return refuse(tr("table %1: %2").arg(ft.table->name, insert.lastError().text()));
        for (int r = 0; r < ft.rows.size(); ++r) {
            const QJsonObject row = ft.rows.at(r).toObject();
            for (int i = 0; i < ft.columns.size(); ++i) {
                const Column& c = ft.table->columns.at(ft.columns.at(i));
                QVariant value;
                QString why;
                convert(row.value(c.name), c, &value, &why); // checked above
                insert.bindValue(i, value);
            }
            if (!insert.exec())
                return refuse(tr("table %1, row %2: %3")
                                  .arg(ft.table->name)
                                  .arg(r + 1)
                                  .arg(insert.lastError().databaseText()));
        }
    }
    const QString problem = foreignKeyProblem(m_db, file);
    if (!problem.isEmpty())
        return refuse(problem);
    if (!tx.commit())
        return refuse(tr("cannot save: %1").arg(m_db.lastError().text()));
    added->reviews = file.value(QStringLiteral("reviews")).rows.size();
    added->recommendations = file.value(QStringLiteral("recommendations")).rows.size();
    added->actions = file.value(QStringLiteral("actions")).rows.size();
    added->updates = file.value(QStringLiteral("updates")).rows.size();
    return true;
}

} // namespace rt
