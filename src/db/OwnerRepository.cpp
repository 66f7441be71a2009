#include "OwnerRepository.h"

#include "SqlDialect.h"
#include "Transaction.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVector>
#include <algorithm>

namespace rt {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("rt::OwnerRepository", text);
}

QVariant idOrNull(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant();
}

// The owner text with one name replaced, whatever its capitals, but only as a
// whole name: renaming "CSC" leaves "CSCB" alone. A name listed twice after a
// merge ("A; A") is listed once.
QString replaceOwner(const QString& ownerText, const QString& oldName, const QString& newName)
{
    const QRegularExpression re(QStringLiteral("(?<!\\w)%1(?!\\w)").arg(QRegularExpression::escape(oldName)),
                                QRegularExpression::CaseInsensitiveOption |
                                    QRegularExpression::UseUnicodePropertiesOption);
    QString text = ownerText;
    text.replace(re, newName);
    if (!text.contains(QLatin1Char(';')))
        return text;
    QStringList names;
    QSet<QString> seen;
    for (const QString& part : text.split(QLatin1Char(';'))) {
        const QString name = part.simplified();
        if (!name.isEmpty() && !seen.contains(name.toLower())) {
            seen.insert(name.toLower());
            names << name;
        }
    }
    return names.join(QStringLiteral("; "));
}

} // namespace

OwnerRepository::OwnerRepository(QSqlDatabase& db) : Repository(db) {}

qint64 OwnerRepository::addOwner(const QString& name, qint64 agencyId)
{
    const QString n = name.simplified();
    if (n.isEmpty()) {
        fail(tr("An owner needs a name."));
        return 0;
    }
    Transaction tx(m_db);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT name FROM owners WHERE lower(name) = lower(?)"));
    q.addBindValue(n);
    if (!run(q))
        return 0;
    if (q.next()) {
        fail(tr("There is already an owner called “%1”.").arg(q.value(0).toString()));
        return 0;
    }
    q.finish();
    if (agencyId > 0) {
        q.prepare(QStringLiteral("SELECT count(*) FROM agencies WHERE id = ?"));
        q.addBindValue(agencyId);
        if (!run(q) || !q.next() || q.value(0).toLongLong() == 0) {
            fail(tr("The owner was not added: the agency no longer exists."));
            return 0;
        }
        q.finish();
    }
    QSqlQuery ins(m_db);
    ins.prepare(QStringLiteral("INSERT INTO owners(name, agency_id) VALUES (?, ?) RETURNING id"));
    ins.addBindValue(n);
    ins.addBindValue(idOrNull(agencyId));
    if (!run(ins))
        return 0;
    const qint64 id = SqlDialect::insertedId(ins);
    if (!tx.commit()) {
        fail(tr("The owner was not added: %1").arg(m_db.lastError().text()));
        return 0;
    }
    return id;
}

bool OwnerRepository::renameOwner(qint64 ownerId, const QString& newName)
{
    const QString name = newName.simplified();
    if (name.isEmpty())
        return fail(tr("An owner needs a name."));

    Transaction tx(m_db);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT name, agency_id FROM owners WHERE id = ?"));
    q.addBindValue(ownerId);
    if (!run(q))
        return false;
    if (!q.next())
        return fail(tr("The owner was not renamed: it no longer exists."));
    const QString oldName = q.value(0).toString();
    const QVariant oldAgency = q.value(1);
    q.finish();
    if (name == oldName)
        return true;

    // Another owner of that name (any capitals): the two become one, under
    // the name as that owner already has it.
    q.prepare(QStringLiteral("SELECT id, name FROM owners WHERE lower(name) = lower(?) AND id <> ?"));
    q.addBindValue(name);
    q.addBindValue(ownerId);
    if (!run(q))
        return false;
    const qint64 mergeInto = q.next() ? q.value(0).toLongLong() : 0;
    const QString finalName = mergeInto > 0 ? q.value(1).toString() : name;
    q.finish();

    QVector<qint64> actions;
    q.prepare(QStringLiteral("SELECT action_id FROM action_owners WHERE owner_id = ?"));
    q.addBindValue(ownerId);
    if (!run(q))
        return false;
    while (q.next())
        actions << q.value(0).toLongLong();

    if (mergeInto > 0) {
        QSqlQuery both(m_db);
        both.prepare(QStringLiteral("DELETE FROM action_owners WHERE owner_id = ? AND action_id IN "
                                    "(SELECT action_id FROM action_owners WHERE owner_id = ?)"));
        both.addBindValue(ownerId);
        both.addBindValue(mergeInto);
        QSqlQuery moveRows(m_db);
        moveRows.prepare(QStringLiteral("UPDATE action_owners SET owner_id = ? WHERE owner_id = ?"));
        moveRows.addBindValue(mergeInto);
        moveRows.addBindValue(ownerId);
        QSqlQuery agency(m_db);
        agency.prepare(QStringLiteral("UPDATE owners SET agency_id = coalesce(agency_id, ?) WHERE id = ?"));
        agency.addBindValue(oldAgency);
        agency.addBindValue(mergeInto);
        QSqlQuery drop(m_db);
        drop.prepare(QStringLiteral("DELETE FROM owners WHERE id = ?"));
        drop.addBindValue(ownerId);
        if (!run(both) || !run(moveRows) || !run(agency) || !run(drop))
            return false;
    } else {
        QSqlQuery rename(m_db);
        rename.prepare(QStringLiteral("UPDATE owners SET name = ? WHERE id = ?"));
        rename.addBindValue(name);
        rename.addBindValue(ownerId);
        if (!run(rename))
            return false;
    }

    QSqlQuery read(m_db);
    read.prepare(QStringLiteral("SELECT owner_text FROM actions WHERE id = ?"));
    QSqlQuery write(m_db);
    write.prepare(QStringLiteral("UPDATE actions SET owner_text = ?, version = version + 1 WHERE id = ?"));
    for (qint64 actionId : actions) {
        read.addBindValue(actionId);
        if (!run(read))
            return false;
        const QString ownerText = read.next() ? read.value(0).toString() : QString();
        read.finish();
        write.addBindValue(sqlText(replaceOwner(ownerText, oldName, finalName)));
        write.addBindValue(actionId);
        if (!run(write))
            return false;
    }
    if (!tx.commit())
        return fail(tr("The owner was not renamed: %1").arg(m_db.lastError().text()));
    return true;
}

bool OwnerRepository::setOwnerAgency(qint64 ownerId, qint64 agencyId)
{
    Transaction tx(m_db);
    if (agencyId > 0) {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("SELECT count(*) FROM agencies WHERE id = ?"));
        q.addBindValue(agencyId);
        if (!run(q))
            return false;
        if (!q.next() || q.value(0).toLongLong() == 0)
            return fail(tr("The change was not saved: the agency no longer exists."));
    }
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE owners SET agency_id = ? WHERE id = ?"));
    q.addBindValue(idOrNull(agencyId));
    q.addBindValue(ownerId);
    if (!run(q))
        return false;
    if (q.numRowsAffected() != 1)
        return fail(tr("The change was not saved: the owner no longer exists."));
    if (!tx.commit())
        return fail(tr("The change was not saved: %1").arg(m_db.lastError().text()));
    return true;
}

bool OwnerRepository::removeOwner(qint64 ownerId)
{
    Transaction tx(m_db);
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("SELECT o.name, (SELECT count(*) FROM action_owners ao WHERE ao.owner_id = o.id) "
                       "FROM owners o WHERE o.id = ?"));
    q.addBindValue(ownerId);
    if (!run(q))
        return false;
    if (!q.next())
        return fail(tr("The owner was not deleted: it no longer exists."));
    const QString name = q.value(0).toString();
    const int owned = q.value(1).toInt();
    q.finish();
    if (owned == 1)
        return fail(tr("%1 still owns 1 action.").arg(name));
    if (owned > 1)
        return fail(tr("%1 still owns %2 actions.").arg(name).arg(owned));

    QSqlQuery del(m_db);
    del.prepare(QStringLiteral("DELETE FROM owners WHERE id = ?"));
    del.addBindValue(ownerId);
    if (!run(del))
        return false;
    if (!tx.commit())
        return fail(tr("The owner was not deleted: %1").arg(m_db.lastError().text()));
    return true;
}

QString OwnerRepository::agencyNameClash(const QString& name, qint64 exceptId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT name FROM agencies WHERE lower(name) = lower(?) AND id <> ?"));
    q.addBindValue(name);
    q.addBindValue(exceptId);
    if (q.exec() && q.next())
        return tr("There is already an agency called “%1”.").arg(q.value(0).toString());
    q.finish();
    // Aliases are how documents name agencies ("Police"): an agency of that
    // name would make the documents ambiguous.
    q.prepare(QStringLiteral("SELECT a.name FROM agency_aliases al JOIN agencies a ON a.id = al.agency_id "
                             "WHERE al.alias = lower(?) AND al.agency_id <> ?"));
    q.addBindValue(name);
    q.addBindValue(exceptId);
    if (q.exec() && q.next())
        return tr("“%1” is already another name for %2.").arg(name, q.value(0).toString());
    return QString();
}

qint64 OwnerRepository::addAgency(const QString& name, const QString& shortName)
{
    const QString n = name.simplified();
    if (n.isEmpty()) {
        fail(tr("An agency needs a name."));
        return 0;
    }
    Transaction tx(m_db);
    if (const QString clash = agencyNameClash(n, 0); !clash.isEmpty()) {
        fail(clash);
        return 0;
    }
    QSqlQuery ins(m_db);
    ins.prepare(QStringLiteral("INSERT INTO agencies(name, short_name, position) VALUES (?, ?, "
                               "(SELECT coalesce(max(position), 0) + 1 FROM agencies)) RETURNING id"));
    ins.addBindValue(n);
    ins.addBindValue(sqlText(shortName.simplified()));
    if (!run(ins))
        return 0;
    const qint64 id = SqlDialect::insertedId(ins);
    if (!tx.commit()) {
        fail(tr("The agency was not added: %1").arg(m_db.lastError().text()));
        return 0;
    }
    return id;
}

bool OwnerRepository::renameAgency(qint64 agencyId, const QString& newName)
{
    const QString n = newName.simplified();
    if (n.isEmpty())
        return fail(tr("An agency needs a name."));
    Transaction tx(m_db);
    if (const QString clash = agencyNameClash(n, agencyId); !clash.isEmpty())
        return fail(clash);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE agencies SET name = ? WHERE id = ?"));
    q.addBindValue(n);
    q.addBindValue(agencyId);
    if (!run(q))
        return false;
    if (q.numRowsAffected() != 1)
        return fail(tr("The agency was not renamed: it no longer exists."));
    if (!tx.commit())
        return fail(tr("The agency was not renamed: %1").arg(m_db.lastError().text()));
    return true;
}

bool OwnerRepository::setAgencyShortName(qint64 agencyId, const QString& shortName)
{
    Transaction tx(m_db);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE agencies SET short_name = ? WHERE id = ?"));
    q.addBindValue(sqlText(shortName.simplified()));
    q.addBindValue(agencyId);
    if (!run(q))
        return false;
    if (q.numRowsAffected() != 1)
        return fail(tr("The change was not saved: the agency no longer exists."));
    if (!tx.commit())
        return fail(tr("The change was not saved: %1").arg(m_db.lastError().text()));
    return true;
}

QStringList OwnerRepository::names(const QString& sql)
{
    QStringList list;
    QSqlQuery q(m_db);
    if (q.exec(sql)) {
        while (q.next())
            list << q.value(0).toString();
    }
    // Sorted here, not in SQL: collations differ between SQLite and PostgreSQL.
    std::sort(list.begin(), list.end(), [](const QString& a, const QString& b) {
        const int c = a.compare(b, Qt::CaseInsensitive);
        return c != 0 ? c < 0 : a < b;
    });
    return list;
}

QStringList OwnerRepository::ownerNames()
{
    return names(QStringLiteral("SELECT name FROM owners"));
}

QStringList OwnerRepository::agencyNames()
{
    return names(QStringLiteral("SELECT name FROM agencies"));
}

} // namespace rt
