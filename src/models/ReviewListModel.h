#pragma once

#include "db/StatusQueries.h"

#include <QAbstractTableModel>
#include <QSqlDatabase>

namespace rt {

// The reviews with their figures. Reviews number in the thousands at most, so
// the list is held whole; its figures come from grouped queries.
class ReviewListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        KindColumn,
        ReferenceColumn,
        TitleColumn,
        YearColumn,
        PublishedColumn,
        RecommendationsColumn,
        ActionsColumn,
        OverdueColumn,
        CompletionColumn,
        ColumnCount
    };
    enum Role
    {
        ReviewIdRole = Qt::UserRole + 1
    };

    explicit ReviewListModel(QSqlDatabase db, QObject* parent = nullptr);

    void refresh();
    void setAsOf(const QDate& date);
    int rowOf(qint64 reviewId) const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QSqlDatabase m_db;
    QDate m_asOf;
    QVector<ReviewFigures> m_rows;
};

} // namespace rt
