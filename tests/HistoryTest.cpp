#include "TestSupport.h"
#include "db/ActionRepository.h"
#include "db/UpdateRepository.h"
#include <QSqlQuery>
#include <QSqlError>
#include <gtest/gtest.h>
#include <iostream>
using namespace rt;
TEST(Dbg, X) {
    test::TempDir dir;
    auto db = test::sampleDatabase(dir.file(QStringLiteral("d.rtdb")));
    qint64 mark = test::scalar(*db, QStringLiteral("SELECT max(id) FROM history"));
    ActionRepository repo(db->connection());
    qint64 id = 1;
    UpdateRepository updates(db->connection());
    updates.setToday(QDate(2024, 3, 5));
    qint64 u = updates.add(id, QStringLiteral("March 2024"), QStringLiteral("Kay"), QStringLiteral("Begun."), QStringLiteral("Amber"));
    std::cerr << "u=" << u << " " << updates.errorString().toStdString() << "\n";
    bool ok = repo.remove(id);
    std::cerr << "rm=" << ok << repo.errorString().toStdString() << "\n";
    QSqlQuery q(db->connection());
    q.exec(QStringLiteral("SELECT id, entity, entity_id, field, substr(coalesce(old_value,''),1,30), substr(coalesce(new_value,''),1,30) FROM history WHERE id > %1").arg(mark));
    while (q.next()) std::cerr << q.value(0).toString().toStdString() << " " << q.value(1).toString().toStdString() << " " << q.value(2).toString().toStdString() << " " << q.value(3).toString().toStdString() << " " << q.value(4).toString().toStdString() << " -> " << q.value(5).toString().toStdString() << "\n";
}
