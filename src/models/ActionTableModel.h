#pragma once

#include "core/ActionFilter.h"
#include "core/TargetDate.h"
#include "core/Vocabulary.h"
#include "db/ActionFilterSql.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QVector>
#include <atomic>
#include <memory>

namespace rt {

class ActionRepository;

// All actions of the database as a table that loads lazily: the row count
// comes from one COUNT, and rows are fetched in blocks of kBlockSize only when
// a view asks for them, so 300,000 actions open as fast as thirty. An
// ActionFilter narrows the rows; with no filter, or free text alone, the ids
// come straight from the actions table or the full-text index.
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
        OverdueRole,
        ReviewIdRole,
        // The folded words a delegate highlights (QStringList), on the Action
        // and Owner columns only.
        HighlightRole
    };
    static constexpr int kBlockSize = 128;
    static constexpr int kMaxCachedBlocks = 32;

    explicit ActionTableModel(QSqlDatabase db, QObject* parent = nullptr);

    // Every part of the filter at once; the rows are read again only when the
    // SQL it makes differs. Its as-of date also colours overdue targets.
    void setFilter(const ActionFilter& filter);
    ActionFilter filter() const { return m_filter; }
    // Free text over every text an action is found by (its fields, its
    // recommendation, its review, its updates): each word is matched as a
    // prefix ("supervis" finds "supervision"); all words must match. Sets
    // filter().text, keeping the rest of the filter.
    void setTextFilter(const QString& text);
    QString textFilter() const { return m_filter.text; }
    // The words matched by the text filter, folded (lower case, no accents).
    QStringList termsToHighlight() const { return m_terms; }
    // The date overdue is read at; a filter whose flags depend on it is
    // applied again.
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
    // Reads the count and the rows again (actions added, deleted or edited
    // elsewhere).
    void refresh();
    // Every action of the file, whatever the filter ("123 of 300,000").
    int totalCount() const;
    // A filter beyond text alone is counted in the background once its first
    // block is full: rowCount() is then the rows read so far, and grows
    // (rowsInserted, then countFinished) when the count returns.
    bool isCounting() const { return m_counting; }
    // Processes events until the count is in; false when it is not within the time.
    bool waitForCount(int timeoutMs = 5000);
    // Off: every count is read at once, on the caller's thread.
    void setBackgroundCounting(bool on) { m_background = on; }
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
    // After a conflict the person settled in favour of their own value.
    bool saveOverTheirs(const QModelIndex& index, const QString& value);

    // Kept for callers of the model; the quoting lives in ActionFilterSql.
    static QString ftsQuery(const QString& text) { return ActionFilterSql::ftsQuery(text); }

signals:
    // An edit was not saved; the reason is fit to show next to the cell.
    void editRefused(const QModelIndex& index, const QString& reason);
    // Someone else saved a different value in this cell since the row was
    // read: nothing was saved; the view asks which value to keep.
    void editConflict(const QModelIndex& index, const QString& mine, const QString& theirs,
                      const QString& who, const QString& when);
    // The background count of the current filter is in (see isCounting()).
    void countFinished();

private:
    struct Row
    {
        qint64 id = 0;
        qint64 reviewId = 0;
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
        qint64 version = 0;
    };

    const Row* rowAt(int row) const;
    // Saves value in the cell's field while the action has this version (0:
    // whatever it has), and reads the row again.
    bool save(const QModelIndex& index, const QString& value, qint64 version, ActionRepository& repo);
    bool refuse(const QModelIndex& index, const QString& reason); // false, with the reason sent

    bool loadBlock(int block) const;
    // The ids shown, in order; afterId > 0 starts after that id (id order only).
    QString idSource(bool after = false) const;
    void bindScope(class QSqlQuery& q) const;
    QVariantMap scopeValues() const;
    void startCount(const QString& sql);
    void countArrived(int generation, int count, const QString& error);
    // Whether the rows follow id order (all but one recommendation's actions).
    bool idOrdered() const { return m_recommendationId == 0; }
    // Applies m_filter: rebuilds the SQL and, when it changed, the rows.
    void applyFilter();
    // Counts the rows of the current filter and drops the blocks read.
    void reload();

    QSqlDatabase m_db;
    ActionFilter m_filter;
    QString m_fts;               // the text part, as an FTS5 query
    FilterCondition m_condition; // every other part
    QStringList m_terms;
    QDate m_asOf;
    qint64 m_recommendationId = 0;
    int m_count = 0;
    mutable int m_total = -1; // every action; -1 until asked for
    bool m_counting = false;
    bool m_background = true;
    // Bumped by every reload; a background count reports only if it still matches.
    std::shared_ptr<std::atomic<int>> m_generation = std::make_shared<std::atomic<int>>(0);
    bool m_readOnly = false;
    mutable QHash<int, QVector<Row>> m_blocks;
    mutable QList<int> m_blockOrder; // least recently loaded first
    // The last id of each block read so far, kept when the block is dropped:
    // the next block then starts after it rather than at a deep OFFSET.
    mutable QHash<int, qint64> m_blockEnds;
    mutable QString m_error;
};

} // namespace rt
