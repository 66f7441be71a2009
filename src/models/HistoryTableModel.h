#pragma once

#include "db/HistoryQueries.h"

#include <QAbstractTableModel>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QVector>
#include <memory>

namespace rt {

// The change history as a read-only table, newest first: a record's History
// tab or the whole change log. Codes read as their labels, ISO dates as UK
// dates, a whole logged row (a record created or deleted) as its number and
// text; the full text is in the tooltip.
//
// Rows are read a page at a time as a view scrolls (canFetchMore /
// fetchMore). A page is looked for in slices of at most timeBudget() ms, the
// next slice queued on the event loop, so a filter that matches a few rows
// of millions keeps the window responsive while it searches.
class HistoryTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        WhenColumn,
        WhoColumn,
        ReviewColumn,
        RecordColumn,
        WhatColumn,
        FromColumn,
        ToColumn,
        // From and To in one ("Amber → Green"), for a narrow pane that wraps it.
        ChangeColumn,
        ColumnCount
    };
    enum Role
    {
        HistoryIdRole = Qt::UserRole + 1,
        EntityRole,
        FieldRole,
        OpenActionRole, // the action a row opens (its own or its parent), 0 when none or gone
        OpenReviewRole, // the review a row opens, 0 when none or gone
        RecordExistsRole
    };
    static constexpr int kPageSize = 200;

    explicit HistoryTableModel(QSqlDatabase db, QObject* parent = nullptr);

    // Reads the first page of that filter (see HistoryFilter).
    void setFilter(const HistoryFilter& filter);
    HistoryFilter filter() const { return m_filter; }
    // Reads the first page again (the records changed).
    void reload();
    // Longest a slice of a search may hold the event loop; 0: a page is read
    // whole at once (tests).
    void setTimeBudget(int ms) { m_budgetMs = ms; }
    int timeBudget() const { return m_budgetMs; }
    // Longest value a cell shows before " …" (the tooltip has it whole);
    // applies to rows read after it is set.
    void setMaxCellLength(int characters) { m_maxCell = characters; }
    // A page was asked for and is still being looked for.
    bool isSearching() const { return m_wanted > 0; }
    // Every row of the filter has been read.
    bool atEnd() const { return m_cursor.done; }
    // The local day the search has read back to; invalid before it starts.
    QDate searchedBackTo() const;
    QString lastError() const { return m_error; }
    const HistoryEntry* entryAt(int row) const;

    // A kind of record in words ("Action", "Progress update").
    static QString kindLabel(const QString& entity);
    // A field as the user knows it ("RAG rating", "Target date").
    static QString fieldLabel(const QString& entity, const QString& field);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool canFetchMore(const QModelIndex& parent = QModelIndex()) const override;
    void fetchMore(const QModelIndex& parent = QModelIndex()) override;

signals:
    // Rows arrived, or the search went further back.
    void progressed();
    void loadFailed(const QString& reason);

private:
    struct Row
    {
        HistoryEntry entry;
        QString text[ColumnCount]; // as shown
        QString tip[ColumnCount];
        bool grey[ColumnCount] = {}; // "(blank)", or a record no longer there
        qint64 openAction = 0, openReview = 0;
        bool exists = false;
    };

    void step(int generation);
    Row format(const HistoryEntry& e);
    QString valueText(const QString& entity, const QString& field, const QString& value);
    QString rowSummary(const QString& entity, const QJsonObject& row);
    QString rowDetails(const QString& entity, const QJsonObject& row);
    QString referenceText(const QString& kind, const QJsonValue& value);
    void setValue(const QString& entity, const QString& field, const QVariant& value, QString* text,
                  QString* tip, bool* blank);

    QSqlDatabase m_db;
    std::unique_ptr<HistoryQueries> m_queries;
    HistoryFilter m_filter;
    HistoryCursor m_cursor;
    QVector<Row> m_rows;
    int m_wanted = 0; // rows of the page asked for still to find
    int m_generation = 0;
    int m_budgetMs = 100;
    int m_maxCell = 160;
    QString m_error;
};

} // namespace rt
