#pragma once

#include "db/PlanQueries.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QSqlDatabase>

namespace rt {

// One review's recommendations as a tree by number (1 › 1.1), with decision
// and themes. A review holds tens of recommendations, so it is read whole.
class RecommendationTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column
    {
        NumberColumn,
        TextColumn,
        DecisionColumn,
        ThemesColumn,
        ActionsColumn,
        KindColumn,
        ColumnCount
    };
    enum Role
    {
        IdRole = Qt::UserRole + 1
    };

    explicit RecommendationTreeModel(QSqlDatabase db, QObject* parent = nullptr);

    void setReview(qint64 reviewId);
    qint64 reviewId() const { return m_reviewId; }
    // Reads again; keeps indexes valid when only values changed.
    void reload();
    void setReadOnly(bool readOnly) { m_readOnly = readOnly; }
    QModelIndex indexOf(qint64 id, int column = 0) const;
    qint64 idOf(const QModelIndex& index) const;
    const RecommendationRow* rowFor(const QModelIndex& index) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

signals:
    void editRefused(const QModelIndex& index, const QString& reason);
    void saved();

private:
    // Positions in m_rows; the tree is parent position → child positions.
    struct Node
    {
        int parent = -1;
        int rowInParent = 0;
        QVector<int> children;
    };
    void build(QVector<RecommendationRow> rows);
    bool sameShape(const QVector<RecommendationRow>& rows) const;

    QSqlDatabase m_db;
    qint64 m_reviewId = 0;
    bool m_readOnly = false;
    QVector<RecommendationRow> m_rows;
    QVector<Node> m_nodes;
    QVector<int> m_roots;
    QHash<qint64, int> m_byId;
};

} // namespace rt
