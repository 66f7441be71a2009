#include "ReviewListModel.h"

#include "core/PartialDate.h"

#include <QBrush>
#include <QColor>

namespace rt {

ReviewListModel::ReviewListModel(QSqlDatabase db, QObject* parent)
    : QAbstractTableModel(parent), m_db(std::move(db)), m_asOf(QDate::currentDate())
{
    refresh();
}

void ReviewListModel::refresh()
{
    beginResetModel();
    StatusQueries queries(m_db);
    if (!queries.byReview(m_asOf, &m_rows))
        m_rows.clear();
    endResetModel();
}

void ReviewListModel::setAsOf(const QDate& date)
{
    m_asOf = date;
    refresh();
}

int ReviewListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ReviewListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReviewListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return QVariant();
    const ReviewFigures& r = m_rows.at(index.row());
    if (role == ReviewIdRole)
        return r.reviewId;
    if (role == Qt::TextAlignmentRole && index.column() >= RecommendationsColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == CompletionColumn && r.actions > 0)
        return tr("%1 of %2 actions complete or superseded").arg(r.closed).arg(r.actions);
    if (role == Qt::ForegroundRole && index.column() == OverdueColumn && r.overdue > 0)
        return QBrush(QColor(0xB0, 0x1E, 0x1E));
    if (role != Qt::DisplayRole)
        return QVariant();
    switch (index.column()) {
    case YearColumn:
        return r.year;
    case PublishedColumn:
        return r.published.isEmpty() ? QString() : PartialDate::toDisplayString(r.published);
    case CompletionColumn:
        // Share of actions closed; a review with no actions yet has no figure.
        return r.actions > 0 ? QStringLiteral("%1%").arg(qRound(100.0 * r.closed / r.actions)) : QString();
    case KindColumn:
        return r.kind;
    case ReferenceColumn:
        return r.reference;
    case TitleColumn:
        return r.title;
    case RecommendationsColumn:
        return r.recommendations;
    case ActionsColumn:
        return r.actions;
    case OverdueColumn:
        return r.overdue;
    }
    return QVariant();
}

QVariant ReviewListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case KindColumn:
        return tr("Kind");
    case ReferenceColumn:
        return tr("Ref.");
    case TitleColumn:
        return tr("Title");
    case YearColumn:
        return tr("Year");
    case PublishedColumn:
        return tr("Published");
    case CompletionColumn:
        return tr("Complete");
    case RecommendationsColumn:
        return tr("Recs");
    case ActionsColumn:
        return tr("Actions");
    case OverdueColumn:
        return tr("Overdue");
    }
    return QVariant();
}

int ReviewListModel::rowOf(qint64 reviewId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).reviewId == reviewId)
            return i;
    }
    return -1;
}

} // namespace rt
