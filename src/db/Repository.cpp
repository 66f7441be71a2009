#include "Repository.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace rt {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("rt::Repository", text);
}
} // namespace

QVariant sqlText(const QString& s)
{
    return s.isNull() ? QVariant(QString(QLatin1String(""))) : QVariant(s);
}

Repository::Repository(QSqlDatabase& db, QString notSaved)
    : m_db(db), m_notSaved(notSaved.isEmpty() ? tr("The change was not saved: %1") : std::move(notSaved))
{
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

bool Repository::checkMove(MoveResult result, const QString& notFound)
{
    switch (result) {
    case MoveResult::NotFound:
        return fail(notFound);
    case MoveResult::AlreadyFirst:
        return fail(tr("Already first."));
    case MoveResult::AlreadyLast:
        return fail(tr("Already last."));
    case MoveResult::Moved:
        break;
    }
    return true;
}

} // namespace rt
