#pragma once

#include "core/TargetDate.h"
#include "core/Vocabulary.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QVector>

namespace rt {

// All actions of the database as a table that loads lazily: the row count
// comes from one COUNT, and rows are fetched in blocks of kBlockSize only when
// a view asks for them, so 300,000 actions open as fast as thirty.
class ActionTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        ReviewColumn,
        RecommendationColumn,
        NumberColumn,
        ActionColumn,
        OwnerColumn,
        TargetColumn,
        StatusColumn,
        RagColumn,
        ColumnCount
    };
    enum Role
    {
        ActionIdRole = Qt::UserRole + 1,
        DueDateRole,
        OverdueRole
    };
    static constexpr int kBlockSize = 128;
    static constexpr int kMaxCachedBlocks = 32;

    explicit ActionTableModel(QSqlDatabase db, QObject* parent = nullptr);

    // Free text over action text and owner: each word is matched as a prefix
    // ("supervis" finds "supervision"); all words must match.
    void setTextFilter(const QString& text);
    QString textFilter() const { return m_textFilter; }
    void setAsOf(const QDate& date);
    // Only the actions of one recommendation, in their plan order; 0 for all,
    // -1 for none (a page before a recommendation is chosen).
    void setRecommendation(qint64 recommendationId);
    qint64 recommendationId() const { return m_recommendationId; }
    // The row showing that action, or -1; reads blocks until found.
    int rowOf(qint64 actionId) const;
    // A read-only file offers no editors at all, rather than refusing each edit.
    void setReadOnly(bool readOnly) { m_readOnly = readOnly; }
    bool isReadOnly() const { return m_readOnly; }
    void refresh();
    // An action of that row was changed elsewhere (a details form): re-read
    // it without resetting the views.
    void reloadRow(int row);
    QString lastError() const { return m_error; }

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

    static QString ftsQuery(const QString& text);

signals:
    // An edit was not saved; the reason is fit to show next to the cell.
    void editRefused(const QModelIndex& index, const QString& reason);

private:
    struct Row
    {
        qint64 id = 0;
        QString review;
        QString recommendation;
        QString number;
        QString text;
        QString owner;
        QString targetText;
        TargetDate target;
        ActionStatus status = ActionStatus::NotStarted;
        QString statusText;
        Rag rag = Rag::None;
    };

    const Row* rowAt(int row) const;
    bool loadBlock(int block) const;
    QString idSource() const;
    void bindScope(class QSqlQuery& q) const;

    QSqlDatabase m_db;
    QString m_textFilter;
    QString m_fts;
    QDate m_asOf;
    qint64 m_recommendationId = 0;
    int m_count = 0;
    bool m_readOnly = false;
    mutable QHash<int, QVector<Row>> m_blocks;
    mutable QList<int> m_blockOrder; // least recently loaded first
    mutable QString m_error;
};

} // namespace rt
