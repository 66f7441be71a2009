#pragma once

#include "db/SqliteSession.h"

#include <QObject>
#include <QString>

class QUndoStack;

namespace rt {

class Database;

// The undo stack of one open database. Every change this window commits —
// whichever editor, dialog or import made it — arrives from the connection's
// change journal as the range of history rows it wrote, and becomes one undo
// step; undoing replays those rows backwards (HistoryReplay). Repeated edits
// of one field of one record merge into one step.
class UndoHistory : public QObject
{
    Q_OBJECT

public:
    UndoHistory(Database& db, QObject* parent = nullptr);
    ~UndoHistory() override;

    QUndoStack* stack() const { return m_stack; }
    // Takes what the journal holds now (also run when it signals).
    void collect();

    // Replays for the stack's commands; false with the reason reported.
    bool replay(const QVector<SqliteSession::Range>& ranges, bool forward);

signals:
    // After an undo or redo changed the database: views should reload.
    void replayed();
    // An undo or redo was refused (someone changed the record since).
    void refused(const QString& reason);

private:
    Database& m_db;
    QUndoStack* m_stack;
    bool m_replaying = false;
};

} // namespace rt
