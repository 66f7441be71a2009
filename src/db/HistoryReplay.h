#pragma once

#include "Repository.h"
#include "SqliteSession.h"

#include <QHash>
#include <QJsonObject>
#include <QStringList>
#include <QVector>

namespace rt {

// Undo and redo by replaying logged changes: the history rows a transaction
// wrote say exactly what changed, so undoing it applies them backwards and
// redoing applies them forwards again — whichever editor made the change.
// The replay is itself a change, logged by the same triggers, so the history
// keeps both the mistake and its undoing. A value someone else has changed
// since is not overwritten: the replay is refused, naming what changed.
class HistoryReplay : public Repository
{
public:
    using Range = SqliteSession::Range;

    // One field of one record changed: what repeated edits of a cell share.
    struct Single
    {
        QString entity;
        qint64 id = 0; // 0: the change was more than one field
        QString field;
    };
    // A committed change as the Edit menu names it, read once.
    struct Step
    {
        QString text; // "status of action 1.2", "deletion of action 3.1"
        Single single;
    };

    explicit HistoryReplay(QSqlDatabase& db);

    bool undo(const QVector<Range>& ranges);
    bool redo(const QVector<Range>& ranges);
    Step summarise(const QVector<Range>& ranges);

private:
    struct Row
    {
        qint64 id = 0;
        QString entity;
        qint64 entityId = 0;
        QString field;
        QVariant oldValue;
        QVariant newValue;
    };

    bool replay(const QVector<Range>& ranges, bool forward);
    QVector<Row> rows(const QVector<Range>& ranges, int limit = -1);
    bool apply(const Row& row, bool forward);
    bool setValue(const QString& table, const Row& row, const QVariant& from, const QVariant& to);
    bool insertRow(const QString& table, const QJsonObject& row);
    bool removeRow(const QString& table, const QJsonObject& row);
    QJsonObject currentRow(const QString& table, qint64 rowid);
    QString recordName(const Row& row);
    QString changedSince(const Row& row, const QString& field);
    const QStringList& columnsOf(const QString& table);

    bool m_forward = false;
    QHash<QString, QStringList> m_columns;
};

} // namespace rt
