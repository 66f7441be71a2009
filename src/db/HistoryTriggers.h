#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace rt {

// The triggers that write the change history: one per table and operation,
// generated from the table's columns, so every insert, update and delete of
// every record is logged in the same transaction as the change — whichever
// code makes it (editor, importer, return, undo) — with who, when, the field
// and both values. An insert or delete logs the whole row as JSON, which is
// what undo and redo put back.
class HistoryTriggers
{
public:
    struct Table
    {
        QString table;        // actions
        QString entity;       // action
        QString parentEntity; // the record this row is a detail of, if any
        QString parentColumn;
        // Where the row's review is: "id" (a review), "review_id" (its own
        // column), "table.column" (the review of the row that column names)
        // or empty (none). The SQLite triggers and PostgreSQL's rt_log()
        // read the same words.
        QString reviewFrom;
    };

    // Every logged table, parents before children.
    static const QVector<Table>& tables();
    static const Table* forEntity(const QString& entity);
    // Columns a change of which is not a change of the record: derived or
    // bookkeeping (the version counter, the latest update's day).
    static bool isBookkeeping(const QString& column);
    // The columns of these whose changes are logged.
    static QStringList loggedColumns(const QStringList& columns);
    // The table's columns in schema order.
    static QStringList columns(QSqlDatabase& db, const QString& table);
    // SQL for a row of a table with these columns as a JSON object; row is
    // NEW, OLD or empty (the table's own columns). A table without an id
    // column keeps its rowid, so undo puts a link row back where it was.
    static QString rowJson(const QStringList& columns, const QString& row);
    // SQL for the row's review; row is NEW, OLD or an alias.
    static QString reviewSql(const Table& t, const QString& row);
    // "INSERT INTO history(…) ", the head of every history write.
    static QString historyInsertHead();
    // The history values (after historyInsertHead) of a change of a row of
    // t; row is NEW, OLD or an alias, the others SQL expressions.
    static QString loggedValues(const Table& t, const QString& row, const QString& field,
                                const QString& oldValue, const QString& newValue);
    // The values the insert trigger logs for a created row: for writing the
    // creation of many rows at once (HistoryDeferral).
    static QString createdValues(const Table& t, const QStringList& columns, const QString& row);
    // Drops and recreates every history trigger from the current columns, in
    // the caller's transaction. Run after every migration.
    static bool install(QSqlDatabase& db, QString* error);

private:
    static bool installPostgres(QSqlDatabase& db, QString* error);
};

} // namespace rt
