#include "Repository.h"

#include "SqlDialect.h"

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

#include "Transaction.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace rt {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("rt::Repository", text);
}

std::function<QDateTime()>& historyClock()
{
    static std::function<QDateTime()> clock;
    return clock;
}

} // namespace

// The login name, as the operating system gives it (USER on Linux and macOS,
// USERNAME on Windows): the tracker has no accounts of its own.
QString Repository::currentUser()
{
    for (const char* name : {"USER", "USERNAME", "LOGNAME"}) {
        const QString user = qEnvironmentVariable(name);
        if (!user.isEmpty())
            return user;
    }
#ifdef Q_OS_UNIX
    // A service or a container may start the program with no login
    // variables; the account still has a name.
    if (const passwd* pw = getpwuid(geteuid()))
        return QString::fromLocal8Bit(pw->pw_name);
#endif
    return QString();
}

QVariant sqlText(const QString& s)
{
    return s.isNull() ? QVariant(QString(QLatin1String(""))) : QVariant(s);
}

Repository::Repository(QSqlDatabase& db, QString notSaved)
    : m_db(db), m_notSaved(notSaved.isEmpty() ? tr("The change was not saved: %1") : std::move(notSaved))
{
}

void Repository::setClockForTesting(std::function<QDateTime()> clock)
{
    historyClock() = std::move(clock);
}

QDateTime Repository::now()
{
    return historyClock() ? historyClock()() : QDateTime::currentDateTimeUtc();
}

bool Repository::checkVersion(const QString& table, const QString& entity, qint64 id, const QString& kind)
{
    const qint64 expected = m_expectedVersion;
    m_expectedVersion = 0;
    m_conflict = Conflict();
    if (expected <= 0)
        return true;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT version FROM %1 WHERE id = ?").arg(table));
    q.addBindValue(id);
    if (!run(q))
        return false;
    if (!q.next())
        return true; // the save itself reports a record that has gone
    const qint64 now = q.value(0).toLongLong();
    if (now == expected)
        return true;
    m_conflict.happened = true;
    m_conflict.version = now;
    lastChange(entity, id, 0, &m_conflict.who, &m_conflict.when);
    const QString by = m_conflict.who.isEmpty() ? tr("someone else") : m_conflict.who;
    return fail(tr("Not saved: %1 changed this %2 after you opened it.").arg(by, kind));
}

bool Repository::lastChange(const QString& entity, qint64 id, qint64 afterId, QString* who, QString* at)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT who, at FROM history WHERE entity = ? AND entity_id = ? AND id > ? "
                             "ORDER BY id DESC LIMIT 1"));
    q.addBindValue(entity);
    q.addBindValue(id);
    q.addBindValue(afterId);
    if (!q.exec() || !q.next())
        return false;
    *who = q.value(0).toString();
    *at = q.value(1).toString();
    return true;
}

bool Repository::fail(const QString& why)
{
    m_error = plainReason(why);
    return false;
}

bool Repository::run(QSqlQuery& q)
{
    if (q.exec())
        return true;
    return fail(m_notSaved.arg(q.lastError().text()));
}

Repository::MoveResult Repository::planMove(const QVector<Sibling>& ordered, qint64 id, int delta,
                                            QVector<Sibling>* changes)
{
    int index = -1;
    for (int i = 0; i < ordered.size(); ++i) {
        if (ordered.at(i).id == id)
            index = i;
    }
    if (index < 0)
        return MoveResult::NotFound;
    const int target = index + delta;
    if (target < 0)
        return MoveResult::AlreadyFirst;
    if (target >= ordered.size())
        return MoveResult::AlreadyLast;

    QVector<int> positions;
    bool ties = false;
    for (int i = 0; i < ordered.size(); ++i) {
        positions << ordered.at(i).position;
        if (i > 0 && positions.at(i) <= positions.at(i - 1))
            ties = true;
    }
    if (ties) {
        for (int i = 0; i < positions.size(); ++i)
            positions[i] = i + 1;
    }
    QVector<Sibling> order = ordered;
    order.move(index, target);
    for (int i = 0; i < order.size(); ++i) {
        if (order.at(i).position != positions.at(i))
            changes->append({order.at(i).id, positions.at(i)});
    }
    return MoveResult::Moved;
}

bool Repository::runOnOneRow(QSqlQuery& q, const QString& gone, const QString& notDone)
{
    Transaction tx(m_db);
    if (!run(q))
        return false;
    if (q.numRowsAffected() != 1)
        return fail(gone);
    if (!tx.commit())
        return fail(notDone.arg(m_db.lastError().text()));
    return true;
}

bool Repository::parseRag(const QString& text, Rag* out)
{
    *out = Rag::None;
    const QString t = text.trimmed();
    if (t.isEmpty() || rag::fromCode(t, out) || rag::fromWritten(t, out))
        return true;
    return fail(tr("“%1” is not a RAG rating: choose Red, Amber, Green or Blue.").arg(t));
}

bool Repository::moveAmongSiblings(QSqlQuery& siblings, qint64 id, int delta, const QString& updateSql,
                                   const QString& notFound)
{
    if (!run(siblings))
        return false;
    QVector<Sibling> ordered;
    while (siblings.next())
        ordered.append({siblings.value(0).toLongLong(), siblings.value(1).toInt()});
    QVector<Sibling> changes;
    switch (planMove(ordered, id, delta, &changes)) {
    case MoveResult::NotFound:
        return fail(notFound);
    case MoveResult::AlreadyFirst:
        return fail(tr("Already first."));
    case MoveResult::AlreadyLast:
        return fail(tr("Already last."));
    case MoveResult::Moved:
        break;
    }
    QSqlQuery set(m_db);
    set.prepare(updateSql);
    for (const Sibling& s : changes) {
        set.addBindValue(s.position);
        set.addBindValue(s.id);
        if (!run(set))
            return false;
    }
    return true;
}

qint64 Repository::insertUpdate(qint64 actionId, const QString& iso, const QString& author,
                                const QString& text, Rag r)
{
    QSqlQuery ins(m_db);
    ins.prepare(
        QStringLiteral("INSERT INTO updates(action_id, date, label, author, text, rag, position) "
                       "VALUES (?, ?, '', ?, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM updates "
                       "WHERE action_id = ?)) RETURNING id"));
    ins.addBindValue(actionId);
    ins.addBindValue(iso);
    ins.addBindValue(sqlText(author.trimmed()));
    ins.addBindValue(text);
    ins.addBindValue(sqlText(rag::code(r)));
    ins.addBindValue(actionId);
    if (!run(ins))
        return 0;
    // The history trigger logs the new update, naming its action.
    return SqlDialect::insertedId(ins);
}

} // namespace rt
