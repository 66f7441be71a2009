#include "MeetingQueries.h"

#include "StatusQueries.h"
#include "core/PartialDate.h"
#include "core/Vocabulary.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>
#include <tuple>

namespace rt {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("rt::MeetingQueries", text);
}

// A partial ISO date ("2024", "2024-02", "2024-02-15") as its first possible
// day, so it compares with an ISO day as text. Plain text comparison would put
// "2024" before "2024-01-01" and so leave out an update of "2024" since then.
QString firstDay(const QString& column)
{
    return QStringLiteral("(CASE length(%1) WHEN 4 THEN %1 || '-01-01' WHEN 7 THEN %1 || '-01' ELSE %1 END)")
        .arg(column);
}

// What every item says about its action, in this order from column `first`.
const char* const kActionColumns =
    "a.id, a.review_id, r.title, c.number, a.number, a.text, a.owner_text, "
    "CASE WHEN a.revised_target_precision <> 'none' OR a.revised_target_text <> '' THEN 1 ELSE 0 END, "
    "r.position, c.position, c.sort_key, c.id, a.position";
const char* const kActionJoins =
    "JOIN reviews r ON r.id = a.review_id JOIN recommendations c ON c.id = a.recommendation_id";

void readAction(const QSqlQuery& q, int first, MeetingItem* item)
{
    item->actionId = q.value(first).toLongLong();
    item->reviewId = q.value(first + 1).toLongLong();
    item->reviewTitle = q.value(first + 2).toString();
    item->recommendationNumber = q.value(first + 3).toString();
    item->actionNumber = q.value(first + 4).toString();
    item->actionText = q.value(first + 5).toString();
    item->owner = q.value(first + 6).toString();
    item->targetRevised = q.value(first + 7).toInt() != 0;
    item->reviewPosition = q.value(first + 8).toInt();
    item->recommendationPosition = q.value(first + 9).toInt();
    item->recommendationSortKey = q.value(first + 10).toString();
    item->recommendationId = q.value(first + 11).toLongLong();
    item->actionPosition = q.value(first + 12).toInt();
}

QString statusLabel(const QString& code)
{
    ActionStatus s;
    return status::fromCode(code, &s) ? status::label(s) : code;
}

QString ragLabel(const QString& code)
{
    Rag r;
    return rag::fromCode(code, &r) ? rag::label(r) : code;
}

bool isClosedCode(const QString& code)
{
    ActionStatus s;
    return status::fromCode(code, &s) && status::isClosed(s);
}

// The first day of a stored date: partial ISO, or an ISO date-time (history.at).
QDate dayOf(const QString& stored)
{
    return PartialDate::earliest(stored.left(10));
}

} // namespace

MeetingQueries::MeetingQueries(QSqlDatabase& db) : m_db(db) {}

bool MeetingQueries::exec(QSqlQuery& q)
{
    if (q.exec())
        return true;
    m_error = q.lastError().text();
    return false;
}

QVector<int> MeetingQueries::countsByKind(const QVector<MeetingItem>& items)
{
    QVector<int> counts(MeetingItem::KindCount, 0);
    for (const MeetingItem& item : items)
        ++counts[item.kind];
    return counts;
}

bool MeetingQueries::changesSince(const QDate& since, const QDate& asOf, QVector<MeetingItem>* out)
{
    out->clear();
    m_error.clear();
    if (!since.isValid() || !asOf.isValid()) {
        m_error = tr("Choose a date to look back to and an as-of date.");
        return false;
    }
    const QString from = since.toString(Qt::ISODate);
    const QString to = asOf.toString(Qt::ISODate);

    QVector<MeetingItem> logged;
    QVector<MeetingItem> fromUpdates;
    QVector<MeetingItem> overdue;
    if (!loggedChanges(from, to, &logged) || !newUpdates(from, to, &fromUpdates) ||
        !newlyOverdue(from, to, &overdue))
        return false;

    // One completion per action, the latest; a RAG change found in the log is
    // not listed again from the updates that record the same change.
    QSet<QString> loggedRag;
    for (const MeetingItem& item : logged) {
        if (item.kind == MeetingItem::RagChange)
            loggedRag.insert(QStringLiteral("%1|%2|%3").arg(item.actionId).arg(item.oldValue, item.newValue));
    }
    QHash<qint64, MeetingItem> completed;
    auto addCompleted = [&completed](const MeetingItem& item) {
        auto it = completed.find(item.actionId);
        if (it == completed.end() || it->when <= item.when)
            completed.insert(item.actionId, item);
    };
    for (const MeetingItem& item : logged) {
        if (item.kind == MeetingItem::Completed)
            addCompleted(item);
        else
            out->append(item);
    }
    for (const MeetingItem& item : fromUpdates) {
        if (item.kind == MeetingItem::Completed)
            addCompleted(item);
        else if (item.kind != MeetingItem::RagChange ||
                 !loggedRag.contains(
                     QStringLiteral("%1|%2|%3").arg(item.actionId).arg(item.oldValue, item.newValue)))
            out->append(item);
    }
    for (const MeetingItem& item : std::as_const(completed))
        out->append(item);
    out->append(overdue);

    if (!fillLatestUpdates(to, out))
        return false;

    auto key = [](const MeetingItem& i) {
        return std::make_tuple(int(i.kind), i.reviewPosition, i.reviewId, i.recommendationSortKey,
                               i.recommendationPosition, i.recommendationId, i.actionPosition, i.actionId,
                               i.when, i.whenText);
    };
    std::stable_sort(out->begin(), out->end(),
                     [&key](const MeetingItem& a, const MeetingItem& b) { return key(a) < key(b); });
    return true;
}

bool MeetingQueries::loggedChanges(const QString& since, const QString& asOf, QVector<MeetingItem>* out)
{
    // history.at is an ISO date-time: everything logged on the as-of day is
    // before the next day. The range runs over the history_at index.
    const QString after = QDate::fromString(asOf, Qt::ISODate).addDays(1).toString(Qt::ISODate);
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT h.at, h.field, coalesce(h.old_value, ''), coalesce(h.new_value, ''), %1 "
                             "FROM history h CROSS JOIN actions a ON a.id = h.entity_id %2 "
                             "WHERE h.at >= :since AND h.at < :after AND h.entity = 'action' "
                             "AND h.field IN ('status', 'rag') ORDER BY h.at, h.id")
                  .arg(QLatin1String(kActionColumns), QLatin1String(kActionJoins)));
    q.bindValue(QStringLiteral(":since"), since);
    q.bindValue(QStringLiteral(":after"), after);
    if (!exec(q))
        return false;
    while (q.next()) {
        MeetingItem item;
        readAction(q, 4, &item);
        item.whenText = q.value(0).toString();
        item.when = dayOf(item.whenText);
        item.oldValue = q.value(2).toString();
        item.newValue = q.value(3).toString();
        if (q.value(1).toString() == QLatin1String("status")) {
            item.kind = MeetingItem::StatusChange;
            item.oldLabel = statusLabel(item.oldValue);
            item.newLabel = statusLabel(item.newValue);
            out->append(item);
            if (isClosedCode(item.newValue)) {
                item.kind = MeetingItem::Completed;
                out->append(item);
            }
        } else {
            item.kind = MeetingItem::RagChange;
            item.oldLabel = ragLabel(item.oldValue);
            item.newLabel = ragLabel(item.newValue);
            out->append(item);
        }
    }
    return true;
}

bool MeetingQueries::newUpdates(const QString& since, const QString& asOf, QVector<MeetingItem>* out)
{
    // The RAG of the action's previous rated update: dated before this one, or
    // the same date and written earlier; undated updates are the oldest, as
    // the editing window orders them. Read only for rated updates, through the
    // updates(action_id, date) index.
    const QString previousRag = QStringLiteral(
        "CASE WHEN u.rag <> '' THEN (SELECT p.rag FROM updates p WHERE p.action_id = u.action_id "
        "AND p.rag <> '' AND p.id <> u.id AND (p.date IS NULL OR p.date < u.date OR (p.date = u.date "
        "AND (p.position < u.position OR (p.position = u.position AND p.id < u.id)))) "
        "ORDER BY p.date DESC, p.position DESC, p.id DESC LIMIT 1) END");
    // No index leads with the date, so the updates are read once through the
    // covering updates(action_id, date) index and their actions looked up by
    // id (CROSS JOIN keeps that order: the planner would otherwise probe the
    // updates of each of 300,000 actions). A partial date sorts before the
    // days it covers, so "<= asOf" needs no first-day conversion.
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT u.date, u.text, u.rag, coalesce(%1, ''), %2 "
                             "FROM updates u CROSS JOIN actions a ON a.id = u.action_id %3 "
                             "WHERE u.date <= :asof AND %4 >= :since")
                  .arg(previousRag, QLatin1String(kActionColumns), QLatin1String(kActionJoins),
                       firstDay(QStringLiteral("u.date"))));
    q.bindValue(QStringLiteral(":since"), since);
    q.bindValue(QStringLiteral(":asof"), asOf);
    if (!exec(q))
        return false;
    while (q.next()) {
        MeetingItem item;
        readAction(q, 4, &item);
        item.whenText = q.value(0).toString();
        item.when = dayOf(item.whenText);
        // The update itself is the news: it stands beside the action.
        item.latestUpdateText = q.value(1).toString();
        item.latestUpdateDate = item.whenText;
        item.hasLatestUpdate = true;
        const QString rag = q.value(2).toString();
        const QString previous = q.value(3).toString();
        out->append(item);

        if (!rag.isEmpty() && !previous.isEmpty() && rag != previous) {
            MeetingItem change = item;
            change.kind = MeetingItem::RagChange;
            change.oldValue = previous;
            change.newValue = rag;
            change.oldLabel = ragLabel(previous);
            change.newLabel = ragLabel(rag);
            out->append(change);
        }
        if (rag == QLatin1String("blue")) {
            MeetingItem done = item;
            done.kind = MeetingItem::Completed;
            done.newValue = rag;
            done.newLabel = ragLabel(rag);
            out->append(done);
        }
    }
    return true;
}

bool MeetingQueries::newlyOverdue(const QString& since, const QString& asOf, QVector<MeetingItem>* out)
{
    // Overdue as of asOf (the one rule) but not yet at the last meeting:
    // the original due day is on or after since. A range over actions_open_due.
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT a.target_text, a.target_due, %1 FROM actions a %2 "
                             "WHERE %3 AND a.target_due >= :since")
                  .arg(QLatin1String(kActionColumns), QLatin1String(kActionJoins),
                       StatusQueries::overdueCondition(QStringLiteral("a"))));
    q.bindValue(QStringLiteral(":asof"), asOf);
    q.bindValue(QStringLiteral(":since"), since);
    if (!exec(q))
        return false;
    while (q.next()) {
        MeetingItem item;
        item.kind = MeetingItem::NewlyOverdue;
        readAction(q, 2, &item);
        item.newLabel = q.value(0).toString();
        item.whenText = q.value(1).toString();
        item.when = dayOf(item.whenText);
        out->append(item);
    }
    return true;
}

bool MeetingQueries::fillLatestUpdates(const QString& asOf, QVector<MeetingItem>* items)
{
    // One indexed look-up per action listed (hundreds at most in a meeting),
    // rather than the latest update of every action.
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT coalesce(date, ''), text FROM updates WHERE action_id = :id "
                             "AND (date IS NULL OR %1 <= :asof) "
                             "ORDER BY date IS NULL, date DESC, position DESC, id DESC LIMIT 1")
                  .arg(firstDay(QStringLiteral("date"))));
    QHash<qint64, QPair<QString, QString>> latest;
    QSet<qint64> none;
    for (MeetingItem& item : *items) {
        if (item.hasLatestUpdate)
            continue;
        if (none.contains(item.actionId))
            continue;
        auto it = latest.constFind(item.actionId);
        if (it == latest.constEnd()) {
            q.bindValue(QStringLiteral(":id"), item.actionId);
            q.bindValue(QStringLiteral(":asof"), asOf);
            if (!exec(q))
                return false;
            if (!q.next()) {
                none.insert(item.actionId);
                q.finish();
                continue;
            }
            it = latest.insert(item.actionId, {q.value(0).toString(), q.value(1).toString()});
            q.finish();
        }
        item.latestUpdateDate = it->first;
        item.latestUpdateText = it->second;
        item.hasLatestUpdate = true;
    }
    return true;
}

} // namespace rt
