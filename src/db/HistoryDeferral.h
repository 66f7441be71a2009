#pragma once

#include "db/TriggerSetAside.h"

#include <QSqlDatabase>
#include <QString>
#include <QVector>

namespace rt {

// A bulk load (a tracker import) creates hundreds of thousands of rows; the
// insert triggers would log each with its own statement, which made a
// 50,000-row import 2.5 times slower. While alive between begin() and
// finish(), the insert triggers are set aside and finish() logs every row
// created since begin() with one INSERT … SELECT per table — the same
// entries, with the same values, as the triggers write. Updates and deletes
// are still logged row by row. Everything happens in the caller's
// transaction, so a rollback puts the triggers back as well.
class HistoryDeferral
{
public:
    explicit HistoryDeferral(QSqlDatabase& db);

    bool begin();
    bool finish();
    QString errorString() const { return m_error; }

private:
    struct Deferred
    {
        int table = 0; // index into HistoryTriggers::tables()
        qint64 lastRowBefore = 0;
    };

    bool fail(const QString& what, const QString& why);

    QSqlDatabase& m_db;
    TriggerSetAside m_triggers;
    QVector<Deferred> m_deferred;
    QString m_error;
};

} // namespace rt
