#include "SavedFilterRepository.h"

#include "SqlDialect.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

namespace rt {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("rt::SavedFilterRepository", text);
}

QString specOf(const ActionFilter& filter)
{
    return QString::fromUtf8(QJsonDocument(filter.toJson()).toJson(QJsonDocument::Compact));
}

SavedFilter readRow(const QSqlQuery& q)
{
    SavedFilter f;
    f.id = q.value(0).toLongLong();
    f.name = q.value(1).toString();
    f.view = q.value(2).toString();
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(q.value(3).toString().toUtf8(), &parse);
    if (parse.error != QJsonParseError::NoError || !doc.isObject())
        f.error = tr("The saved filter “%1” cannot be read: %2").arg(f.name, parse.errorString());
    else
        f.filter = ActionFilter::fromJson(doc.object(), &f.error);
    return f;
}

} // namespace

SavedFilterRepository::SavedFilterRepository(QSqlDatabase& db)
    : Repository(db, tr("The filter was not saved: %1"))
{
}

bool SavedFilterRepository::list(QVector<SavedFilter>* out, const QString& view)
{
    out->clear();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, name, view, spec FROM saved_filters WHERE view = ? "
                             "ORDER BY lower(name), id"));
    q.addBindValue(view);
    if (!run(q))
        return false;
    while (q.next())
        out->append(readRow(q));
    return true;
}

bool SavedFilterRepository::find(const QString& name, SavedFilter* out)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, name, view, spec FROM saved_filters WHERE lower(name) = lower(?)"));
    q.addBindValue(name.trimmed());
    if (!run(q))
        return false;
    if (!q.next())
        return fail(tr("There is no saved filter called “%1”.").arg(name.trimmed()));
    *out = readRow(q);
    return true;
}

qint64 SavedFilterRepository::idOf(const QString& name, qint64 exceptId, QString* storedName)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, name FROM saved_filters WHERE lower(name) = lower(?) AND id <> ?"));
    q.addBindValue(name);
    q.addBindValue(exceptId);
    if (!run(q) || !q.next())
        return 0;
    if (storedName)
        *storedName = q.value(1).toString();
    return q.value(0).toLongLong();
}

qint64 SavedFilterRepository::save(const QString& name, const ActionFilter& filter, bool overwrite,
                                   const QString& view)
{
    m_nameTaken = false;
    const QString n = name.trimmed();
    if (n.isEmpty()) {
        fail(tr("A saved filter needs a name."));
        return 0;
    }
    QString stored;
    const qint64 existing = idOf(n, 0, &stored);
    if (existing > 0 && !overwrite) {
        m_nameTaken = true;
        fail(tr("There is already a saved filter called “%1”.").arg(stored));
        return 0;
    }
    QSqlQuery q(m_db);
    if (existing > 0) {
        // Overwriting keeps the row (and its id); the name takes the
        // capitals just typed.
        q.prepare(QStringLiteral("UPDATE saved_filters SET name = ?, view = ?, spec = ? WHERE id = ?"));
        q.addBindValue(n);
        q.addBindValue(view);
        q.addBindValue(specOf(filter));
        q.addBindValue(existing);
        return run(q) ? existing : 0;
    }
    q.prepare(QStringLiteral("INSERT INTO saved_filters(name, view, spec) VALUES (?, ?, ?) RETURNING id"));
    q.addBindValue(n);
    q.addBindValue(view);
    q.addBindValue(specOf(filter));
    return run(q) ? SqlDialect::insertedId(q) : 0;
}

bool SavedFilterRepository::rename(qint64 id, const QString& newName)
{
    const QString n = newName.trimmed();
    if (n.isEmpty())
        return fail(tr("A saved filter needs a name."));
    QString stored;
    if (idOf(n, id, &stored) > 0)
        return fail(tr("There is already a saved filter called “%1”.").arg(stored));
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE saved_filters SET name = ? WHERE id = ?"));
    q.addBindValue(n);
    q.addBindValue(id);
    if (!run(q))
        return false;
    if (q.numRowsAffected() == 0)
        return fail(tr("The filter was not renamed: it no longer exists."));
    return true;
}

bool SavedFilterRepository::remove(qint64 id)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM saved_filters WHERE id = ?"));
    q.addBindValue(id);
    if (!run(q))
        return false;
    if (q.numRowsAffected() == 0)
        return fail(tr("The filter was not deleted: it no longer exists."));
    return true;
}

} // namespace rt
