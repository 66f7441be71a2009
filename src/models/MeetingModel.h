#pragma once

#include "db/MeetingQueries.h"

#include <QAbstractItemModel>
#include <QDate>
#include <QSqlDatabase>
#include <QVector>

namespace rt {

// What changed since the last QiiP meeting, as a two-level tree: one row per
// kind of change (New updates, Status changes, …), the actions under it.
// Read-only; it reads through MeetingQueries and holds the rows whole, since
// a meeting looks at hundreds of changes, not the whole database.
class MeetingModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column
    {
        ReviewColumn,
        RecommendationColumn,
        ActionColumn,
        OwnerColumn,
        ChangeColumn,
        LatestUpdateColumn,
        ColumnCount
    };
    enum Role
    {
        ActionIdRole = Qt::UserRole + 1, // 0 on the kind rows
        ReviewIdRole,
        KindRole // MeetingItem::Kind, on every row
    };

    explicit MeetingModel(QSqlDatabase db, QObject* parent = nullptr);

    // Reads the changes in [since, asOf] again (a reset). False with
    // errorString() when they cannot be read; the model is then empty.
    bool load(const QDate& since, const QDate& asOf);
    QDate since() const { return m_since; }
    QDate asOf() const { return m_asOf; }
    QString errorString() const { return m_error; }

    int count(MeetingItem::Kind kind) const;
    // "1 new update · 3 status changes · …", every kind named, zeros too.
    QString summary() const;
    // The row of a kind, and the item behind an action row (nullptr on a kind row).
    QModelIndex kindIndex(MeetingItem::Kind kind, int column = 0) const;
    const MeetingItem* itemAt(const QModelIndex& index) const;

    static QString kindTitle(MeetingItem::Kind kind); // "New updates"
    // The Change column: "In progress → Complete", "Amber → Red", "Due 31/03/2024 (target revised)".
    static QString changeText(const MeetingItem& item);
    // The Latest update column: "February 2024: text", shortened; "No update" when none.
    static QString latestUpdateText(const MeetingItem& item);

    QModelIndex index(int row, int column, const QModelIndex& parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

private:
    QVariant kindData(MeetingItem::Kind kind, int column, int role) const;
    QVariant itemData(const MeetingItem& item, int column, int role) const;

    QSqlDatabase m_db;
    QDate m_since;
    QDate m_asOf;
    QString m_error;
    QVector<QVector<MeetingItem>> m_byKind;
};

} // namespace rt
