#include "Repository.h"

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
    const QString user = qEnvironmentVariable("USER");
    return user.isEmpty() ? qEnvironmentVariable("USERNAME") : user;
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

bool Repository::logChange(const QString& entity, qint64 entityId, qint64 reviewId, const QString& field,
                           const QVariant& oldValue, const QVariant& newValue)
{
    const QDateTime now = historyClock() ? historyClock()() : QDateTime::currentDateTimeUtc();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO history(at, who, entity, entity_id, review_id, field, old_value, "
                             "new_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(now.toUTC().toString(Qt::ISODate));
    q.addBindValue(sqlText(currentUser()));
    q.addBindValue(entity);
    q.addBindValue(entityId);
    q.addBindValue(reviewId > 0 ? QVariant(reviewId) : QVariant());
    q.addBindValue(field);
    // A null value (nothing before a creation, nothing after a deletion) stays NULL.
    q.addBindValue(oldValue.isNull() ? QVariant() : QVariant(oldValue.toString()));
    q.addBindValue(newValue.isNull() ? QVariant() : QVariant(newValue.toString()));
    return run(q);
}

bool Repository::fail(const QString& why)
{
    m_error = why;
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

qint64 Repository::insertUpdate(qint64 actionId, qint64 reviewId, const QString& iso, const QString& author,
                                const QString& text, Rag r)
{
    QSqlQuery ins(m_db);
    ins.prepare(
        QStringLiteral("INSERT INTO updates(action_id, date, label, author, text, rag, position) "
                       "VALUES (?, ?, '', ?, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM updates "
                       "WHERE action_id = ?))"));
    ins.addBindValue(actionId);
    ins.addBindValue(iso);
    ins.addBindValue(sqlText(author.trimmed()));
    ins.addBindValue(text);
    ins.addBindValue(sqlText(rag::code(r)));
    ins.addBindValue(actionId);
    if (!run(ins))
        return 0;
    const qint64 id = ins.lastInsertId().toLongLong();
    if (!logChange(QStringLiteral("action"), actionId, reviewId, QStringLiteral("update"), QVariant(), text))
        return 0;
    return id;
}

} // namespace rt
