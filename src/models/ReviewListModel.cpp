#include "ReviewListModel.h"

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
    if (role != Qt::DisplayRole)
        return QVariant();
    switch (index.column()) {
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
    case RecommendationsColumn:
        return tr("Recs");
    case ActionsColumn:
        return tr("Actions");
    case OverdueColumn:
        return tr("Overdue");
    }
    return QVariant();
}

} // namespace rt
