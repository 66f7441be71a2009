#include "SqlDialect.h"

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

} // namespace rt
