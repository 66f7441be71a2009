#include "SqlDialect.h"

#include <QSqlQuery>
#include <QVariant>

namespace rt {

bool SqlDialect::isPostgres(const QSqlDatabase& db)
{
    return db.driverName() == QLatin1String("QPSQL");
}

QString SqlDialect::columnsQuery(const QSqlDatabase& db)
{
    if (isPostgres(db))
        return QStringLiteral("SELECT column_name FROM information_schema.columns WHERE table_schema = "
                              "current_schema() AND table_name = ? ORDER BY ordinal_position");
    return QStringLiteral("SELECT name FROM pragma_table_info(?) ORDER BY cid");
}

QString SqlDialect::schemaVersionQuery(const QSqlDatabase& db)
{
    return isPostgres(db) ? QStringLiteral("SELECT max(version) FROM rt_schema")
                          : QStringLiteral("PRAGMA user_version");
}

qint64 SqlDialect::insertedId(QSqlQuery& q)
{
    const qint64 id = q.next() ? q.value(0).toLongLong() : 0;
    q.finish();
    return id;
}

} // namespace rt
