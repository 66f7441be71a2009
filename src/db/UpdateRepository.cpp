#include "UpdateRepository.h"

#include "Transaction.h"
#include "core/PartialDate.h"
#include "core/Vocabulary.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace rt {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("rt::UpdateRepository", text);
}

} // namespace

UpdateRepository::UpdateRepository(QSqlDatabase& db) : Repository(db, tr("The update was not added: %1")) {}

qint64 UpdateRepository::add(qint64 actionId, const QString& date, const QString& author, const QString& text,
                             const QString& ragText)
{
    if (text.trimmed().isEmpty()) {
        fail(tr("An update needs its text."));
        return 0;
    }
    QString iso;
    QString error;
    if (!PartialDate::parse(date, &iso, &error)) {
        fail(error);
        return 0;
    }
    if (iso.isEmpty())
        iso = m_today.toString(Qt::ISODate);
    // A month or year is in the future only when it starts after today:
    // "November 2026" may be written on 23 November 2026.
    if (PartialDate::earliest(iso) > m_today) {
        fail(tr("An update cannot be dated in the future."));
        return 0;
    }
    Rag r = Rag::None;
    if (!parseRag(ragText, &r))
        return 0;

    Transaction tx(m_db);
    QSqlQuery exists(m_db);
    exists.prepare(QStringLiteral("SELECT rag FROM actions WHERE id = ?"));
    exists.addBindValue(actionId);
    if (!run(exists))
        return 0;
    if (!exists.next()) {
        fail(tr("The update was not added: the action no longer exists."));
        return 0;
    }
    const QString oldRag = exists.value(0).toString();
    exists.finish();

    const qint64 id = insertUpdate(actionId, iso, author, text, r);
    if (id == 0)
        return 0;

    if (r != Rag::None && rag::code(r) != oldRag) {
        QSqlQuery action(m_db);
        action.prepare(QStringLiteral("UPDATE actions SET rag = ?, version = version + 1 WHERE id = ?"));
        action.addBindValue(rag::code(r));
        action.addBindValue(actionId);
        if (!run(action))
            return 0;
    }
    if (!tx.commit()) {
        fail(tr("The update was not added: %1").arg(m_db.lastError().text()));
        return 0;
    }
    return id;
}

} // namespace rt
