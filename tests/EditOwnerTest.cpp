#include "TestSupport.h"
#include "db/ActionRepository.h"
#include "db/OwnerRepository.h"

#include <gtest/gtest.h>

using namespace rt;

namespace {

class EditOwnerTest : public ::testing::Test
{
protected:
    void SetUp() override { db = test::sampleDatabase(dir.file(QStringLiteral("owners.rtdb"))); }
    qint64 count(const QString& sql) { return test::scalar(*db, sql); }
    qint64 owner(const char* name)
    {
        return count(QStringLiteral("SELECT coalesce(max(id), 0) FROM owners WHERE name = '%1'")
                         .arg(QLatin1String(name)));
    }
    qint64 agency(const char* name)
    {
        return count(QStringLiteral("SELECT coalesce(max(id), 0) FROM agencies WHERE name = '%1'")
                         .arg(QLatin1String(name)));
    }
    // The actions an owner owns, as "id=owner text" in id order.
    QString ownedBy(qint64 ownerId)
    {
        return test::text(
            *db, QStringLiteral("SELECT coalesce(group_concat(x, '|'), '') FROM (SELECT a.id || '=' || "
                                "a.owner_text AS x FROM actions a JOIN action_owners ao ON ao.action_id "
                                "= a.id WHERE ao.owner_id = %1 ORDER BY a.id)")
                     .arg(ownerId));
    }
    qint64 ownedAction(const char* name)
    {
        return count(QStringLiteral("SELECT min(ao.action_id) FROM action_owners ao JOIN owners o ON o.id = "
                                    "ao.owner_id WHERE o.name = '%1'")
                         .arg(QLatin1String(name)));
    }

    test::TempDir dir;
    std::unique_ptr<Database> db;
};

} // namespace

TEST_F(EditOwnerTest, RenameChangesTheOwnerAndTheOwnerTextOfItsActions)
{
    const qint64 isobel = owner("Isobel Dougan");
    ASSERT_GT(isobel, 0);
    const qint64 action = ownedAction("Isobel Dougan");
    ASSERT_EQ(ownedBy(isobel), QStringLiteral("%1=Isobel Dougan").arg(action));
    const qint64 version = count(QStringLiteral("SELECT version FROM actions WHERE id = %1").arg(action));

    OwnerRepository repo(db->connection());
    ASSERT_TRUE(repo.renameOwner(isobel, QStringLiteral("  Isobel  Dougan-Smith ")))
        << repo.errorString().toStdString();
    EXPECT_EQ(test::text(*db, QStringLiteral("SELECT name FROM owners WHERE id = %1").arg(isobel)),
              QStringLiteral("Isobel Dougan-Smith"));
    EXPECT_EQ(ownedBy(isobel), QStringLiteral("%1=Isobel Dougan-Smith").arg(action));
    EXPECT_EQ(count(QStringLiteral("SELECT version FROM actions WHERE id = %1").arg(action)), version + 1);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM actions WHERE owner_text LIKE '%Isobel Dougan'")),
              0);
}

TEST_F(EditOwnerTest, RenameOnlyReplacesTheWholeName)
{
    // "Kay Jones" renamed must not touch an owner text naming "Kay Joneson".
    const qint64 kay = owner("Kay Jones");
    const qint64 action = ownedAction("Kay Jones");
    ActionRepository actions(db->connection());
    ASSERT_TRUE(
        actions.setField(action, ActionRepository::Field::Owner, QStringLiteral("Kay Jones; Kay Joneson")));
    OwnerRepository repo(db->connection());
    ASSERT_TRUE(repo.renameOwner(kay, QStringLiteral("Kay Smith")));
    EXPECT_EQ(test::text(*db, QStringLiteral("SELECT owner_text FROM actions WHERE id = %1").arg(action)),
              QStringLiteral("Kay Smith; Kay Joneson"));
}

TEST_F(EditOwnerTest, RenamingToAnotherOwnersNameMergesThem)
{
    const qint64 izzy = owner("Izzy Dougan");
    const qint64 isobel = owner("Isobel Dougan");
    ASSERT_GT(izzy, 0);
    ASSERT_GT(isobel, 0);
    const qint64 izzyAction = ownedAction("Izzy Dougan");
    const qint64 isobelAction = ownedAction("Isobel Dougan");
    ASSERT_EQ(test::text(*db, QStringLiteral("SELECT owner_text FROM actions WHERE id = %1").arg(izzyAction)),
              QStringLiteral("Izzy Dougan/Workforce Development Sub-Group"));
    // An action owned by both would break the action_owners key if moved blindly.
    ActionRepository actions(db->connection());
    ASSERT_TRUE(actions.setField(isobelAction, ActionRepository::Field::Owner,
                                 QStringLiteral("Izzy Dougan; Isobel Dougan")));
    const qint64 ownersBefore = count(QStringLiteral("SELECT count(*) FROM owners"));

    OwnerRepository repo(db->connection());
    ASSERT_TRUE(repo.renameOwner(izzy, QStringLiteral("isobel dougan"))) << repo.errorString().toStdString();
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM owners")), ownersBefore - 1);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM owners WHERE id = %1").arg(izzy)), 0);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM action_owners WHERE owner_id = %1").arg(izzy)), 0);
    // Both actions now belong to Isobel Dougan, once each, under her spelling.
    const QString expected =
        izzyAction < isobelAction
            ? QStringLiteral("%1=Isobel Dougan/Workforce Development Sub-Group|%2=Isobel Dougan")
                  .arg(izzyAction)
                  .arg(isobelAction)
            : QStringLiteral("%2=Isobel Dougan|%1=Isobel Dougan/Workforce Development Sub-Group")
                  .arg(izzyAction)
                  .arg(isobelAction);
    EXPECT_EQ(ownedBy(isobel), expected);
    EXPECT_EQ(
        count(QStringLiteral("SELECT count(*) FROM action_owners WHERE action_id = %1").arg(isobelAction)),
        1);
}

TEST_F(EditOwnerTest, RefusalsLeaveOwnersAsTheyWere)
{
    OwnerRepository repo(db->connection());
    const qint64 kay = owner("Kay Jones");
    const QString before =
        test::text(*db, QStringLiteral("SELECT group_concat(id || name, '|') FROM owners"));
    const qint64 owned =
        count(QStringLiteral("SELECT count(*) FROM action_owners WHERE owner_id = %1").arg(kay));
    ASSERT_EQ(owned, 3);

    EXPECT_FALSE(repo.renameOwner(kay, QStringLiteral("   ")));
    EXPECT_FALSE(repo.removeOwner(kay));
    EXPECT_EQ(repo.errorString(), QStringLiteral("Kay Jones still owns 3 actions."));
    EXPECT_FALSE(repo.removeOwner(owner("Isobel Dougan")));
    EXPECT_EQ(repo.errorString(), QStringLiteral("Isobel Dougan still owns 1 action."));
    EXPECT_EQ(repo.addOwner(QStringLiteral("KAY JONES"), 0), 0);
    EXPECT_TRUE(repo.errorString().contains(QStringLiteral("Kay Jones")));
    EXPECT_EQ(repo.addOwner(QStringLiteral(" "), 0), 0);
    EXPECT_EQ(repo.addOwner(QStringLiteral("New Owner"), 999999), 0);
    EXPECT_FALSE(repo.setOwnerAgency(kay, 999999));
    EXPECT_EQ(test::text(*db, QStringLiteral("SELECT group_concat(id || name, '|') FROM owners")), before);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM action_owners WHERE owner_id = %1").arg(kay)),
              owned);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM owners WHERE agency_id = 999999")), 0);
}

TEST_F(EditOwnerTest, AnOwnerWithNoActionsCanBeAddedAndRemoved)
{
    OwnerRepository repo(db->connection());
    const qint64 police = count(QStringLiteral("SELECT min(id) FROM agencies"));
    const qint64 id = repo.addOwner(QStringLiteral(" Designated  Officer "), police);
    ASSERT_GT(id, 0) << repo.errorString().toStdString();
    EXPECT_EQ(
        test::text(*db, QStringLiteral("SELECT name || '|' || agency_id FROM owners WHERE id = %1").arg(id)),
        QStringLiteral("Designated Officer|%1").arg(police));
    ASSERT_TRUE(repo.setOwnerAgency(id, 0));
    EXPECT_EQ(
        count(QStringLiteral("SELECT count(*) FROM owners WHERE id = %1 AND agency_id IS NULL").arg(id)), 1);
    ASSERT_TRUE(repo.removeOwner(id)) << repo.errorString().toStdString();
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM owners WHERE id = %1").arg(id)), 0);
}

TEST_F(EditOwnerTest, AgencyNamesAreUnique)
{
    OwnerRepository repo(db->connection());
    const QStringList names = repo.agencyNames();
    ASSERT_GE(names.size(), 2);
    const qint64 first = agency(names.at(0).toUtf8().constData());
    const qint64 second = agency(names.at(1).toUtf8().constData());
    ASSERT_GT(first, 0);
    ASSERT_GT(second, 0);

    EXPECT_FALSE(repo.renameAgency(first, names.at(1).toUpper()));
    EXPECT_TRUE(repo.errorString().contains(names.at(1))) << repo.errorString().toStdString();
    EXPECT_FALSE(repo.renameAgency(first, QStringLiteral("  ")));
    EXPECT_EQ(repo.addAgency(names.at(0), QString()), 0);
    const QString alias =
        test::text(*db, QStringLiteral("SELECT alias FROM agency_aliases WHERE agency_id <> %1").arg(first));
    ASSERT_FALSE(alias.isEmpty());
    EXPECT_FALSE(repo.renameAgency(first, alias));
    EXPECT_EQ(test::text(*db, QStringLiteral("SELECT name FROM agencies WHERE id = %1").arg(first)),
              names.at(0));
    EXPECT_EQ(repo.agencyNames(), names);

    ASSERT_TRUE(repo.renameAgency(first, QStringLiteral("Quokka Trust")));
    ASSERT_TRUE(repo.setAgencyShortName(first, QStringLiteral("QT")));
    EXPECT_EQ(
        test::text(*db,
                   QStringLiteral("SELECT name || '|' || short_name FROM agencies WHERE id = %1").arg(first)),
        QStringLiteral("Quokka Trust|QT"));
    const qint64 added = repo.addAgency(QStringLiteral("aardvark services"), QStringLiteral("AS"));
    ASSERT_GT(added, 0) << repo.errorString().toStdString();
    EXPECT_EQ(repo.agencyNames().first(), QStringLiteral("aardvark services"));
}

TEST_F(EditOwnerTest, NamesAreSortedWhateverTheirCapitals)
{
    OwnerRepository repo(db->connection());
    ASSERT_GT(repo.addOwner(QStringLiteral("aaron lower-case"), 0), 0);
    const QStringList names = repo.ownerNames();
    EXPECT_EQ(names.size(), count(QStringLiteral("SELECT count(*) FROM owners")));
    EXPECT_EQ(names.first(), QStringLiteral("aaron lower-case"));
    for (int i = 1; i < names.size(); ++i)
        EXPECT_LE(names.at(i - 1).compare(names.at(i), Qt::CaseInsensitive), 0)
            << names.at(i - 1).toStdString() << " before " << names.at(i).toStdString();
}
