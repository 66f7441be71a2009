#include "core/ActionFilter.h"

#include "TestSupport.h"
#include "db/ActionFilterSql.h"
#include "db/SavedFilterRepository.h"
#include "io/SyntheticGenerator.h"
#include "models/ActionTableModel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <gtest/gtest.h>

using namespace rt;

namespace {

using Ids = QList<qint64>;

const QDate kAsOf(2024, 6, 30);

Ids range(qint64 from, qint64 to)
{
    Ids ids;
    for (qint64 i = from; i <= to; ++i)
        ids << i;
    return ids;
}

std::string show(const Ids& ids)
{
    QStringList s;
    for (qint64 id : ids)
        s << QString::number(id);
    return s.join(QLatin1Char(',')).toStdString();
}

// The sample database with what the filters need and the sample lacks: RAG
// ratings, targets due soon, a revised target, dated updates, and text with
// punctuation and accents. The expected ids below were worked out with
// sqlite3 queries written separately from ActionFilterSql, on the same data,
// and checked against data/sample (Child X is actions 1–16, Philip 17–32).
class ActionFilterTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        db = test::sampleDatabase(dir.file(QStringLiteral("sample.rtdb")));
        const char* const setup[] = {
            "UPDATE actions SET rag = 'red' WHERE id IN (1, 2, 17)",
            "UPDATE actions SET rag = 'amber' WHERE id IN (3, 18)",
            "UPDATE actions SET rag = 'green' WHERE id = 6",
            "UPDATE actions SET rag = 'blue' WHERE id = 11",
            "UPDATE actions SET target_precision = 'day', target_due = '2024-07-15', "
            "target_text = '15/07/2024' WHERE id = 10",
            "UPDATE actions SET target_precision = 'day', target_due = '2024-07-30', "
            "target_text = '30/07/2024' WHERE id = 14",
            "UPDATE actions SET target_precision = 'day', target_due = '2024-07-31', "
            "target_text = '31/07/2024' WHERE id = 9",
            "UPDATE actions SET revised_target_precision = 'month', revised_target_due = '2024-09-30', "
            "revised_target_text = 'September 2024' WHERE id = 12",
            "INSERT INTO updates(action_id, date, text) VALUES (2, '2024-06-01', 'Dŵr Cymru meeting held')",
            "UPDATE actions SET text = text || ' Contact Zoe Smith.' WHERE id = 4",
            "UPDATE actions SET text = text || ' Contact Zoë Jones.' WHERE id = 5",
            "UPDATE actions SET text = text || ' Child''s plan for C-19 and a \"quoted\" note.' WHERE id = 7",
            // A file written before schema 4 kept whole days may hold a month.
            "UPDATE actions SET last_update = '2024-05' WHERE id = 4",
        };
        for (const char* sql : setup)
            ASSERT_TRUE(db->exec(QString::fromUtf8(sql))) << sql;
    }

    // The ids the condition selects, straight through SQL.
    Ids sqlIds(const ActionFilter& f)
    {
        const FilterCondition c = ActionFilterSql::where(f);
        QSqlQuery q(db->connection());
        q.prepare(QStringLiteral("SELECT a.id FROM actions a %1 ORDER BY a.id")
                      .arg(c.isEmpty() ? QString() : QStringLiteral("WHERE ") + c.where));
        c.bindTo(q);
        EXPECT_TRUE(q.exec()) << q.lastError().text().toStdString() << " in " << c.where.toStdString();
        Ids ids;
        while (q.next())
            ids << q.value(0).toLongLong();
        return ids;
    }

    // The ids the model shows for that filter, in row order.
    Ids modelIds(const ActionFilter& f)
    {
        ActionTableModel model(db->connection());
        model.setFilter(f);
        EXPECT_TRUE(model.lastError().isEmpty()) << model.lastError().toStdString();
        Ids ids;
        for (int row = 0; row < model.rowCount(); ++row)
            ids << model.data(model.index(row, 0), ActionTableModel::ActionIdRole).toLongLong();
        return ids;
    }

    void expectIds(const ActionFilter& f, const Ids& expected, const char* what)
    {
        EXPECT_EQ(show(sqlIds(f)), show(expected)) << what << " (SQL)";
        EXPECT_EQ(show(modelIds(f)), show(expected)) << what << " (model)";
    }

    ActionFilter at(ActionFilter f = ActionFilter())
    {
        f.asOf = kAsOf;
        return f;
    }

    test::TempDir dir;
    std::unique_ptr<Database> db;
};

} // namespace

TEST_F(ActionFilterTest, AnEmptyFilterSelectsEveryAction)
{
    EXPECT_TRUE(ActionFilterSql::where(ActionFilter()).isEmpty());
    expectIds(ActionFilter(), range(1, 32), "no filter");
}

TEST_F(ActionFilterTest, EachPartAloneSelectsExactlyItsActions)
{
    ActionFilter f = at();
    f.reviewIds = {5};
    expectIds(f, range(17, 32), "review Philip");

    f = at();
    f.kinds = {QStringLiteral("lcspr")};
    expectIds(f, range(1, 16), "kind LCSPR (Child X)");

    f = at();
    f.agencyIds = {0};
    expectIds(f, {1, 3, 4, 5, 8, 13, 19, 22, 25, 26, 27, 28}, "no agency");
    f.agencyIds = {1, 0};
    expectIds(f, Ids{1, 3, 4, 5, 8, 11, 13, 15} + range(17, 32), "GSCP or no agency");

    f = at();
    f.owners = {QStringLiteral("Kay Jones"), QStringLiteral("GSCB Business Unit")};
    expectIds(f, {18, 21, 24, 25, 26, 29, 32}, "owners");

    f = at();
    f.statuses = {QStringLiteral("partial")};
    expectIds(f, {1, 7, 8, 9, 13, 16}, "status partially complete");

    f = at();
    f.rags = {QStringLiteral("red")};
    expectIds(f, {1, 2, 17}, "Red");
    f.rags = {QStringLiteral("red"), QStringLiteral("amber")};
    expectIds(f, {1, 2, 3, 17, 18}, "Red or Amber");
    f.rags = {QString()};
    expectIds(f, Ids{4, 5} + range(7, 10) + range(12, 16) + range(19, 32), "not rated");

    f = at();
    f.themes = {QStringLiteral("commissioning")};
    expectIds(f, {1, 2, 3, 4, 5, 8, 12}, "theme commissioning");

    f = at();
    f.decisions = {QStringLiteral("partly_agreed")};
    expectIds(f, {8}, "partly agreed");
    f.decisions = {QString()};
    expectIds(f, range(17, 32), "no decision");

    f = at();
    f.targetFrom = QDate(2024, 1, 1);
    f.targetTo = QDate(2024, 6, 30);
    expectIds(f, {1, 6, 11, 12, 13, 15, 16}, "target in the first half of 2024");

    f = at();
    f.openOnly = true;
    expectIds(f, range(1, 10) + Ids{12, 13, 14} + range(16, 32), "open");

    f = at();
    f.revised = true;
    expectIds(f, {12}, "revised target");
}

TEST_F(ActionFilterTest, FlagsFollowTheStatusRulesAsOfTheDate)
{
    ActionFilter f = at();
    f.overdue = true;
    // Complete action 11 (March 2024) and due-later 14 are not overdue.
    expectIds(f, Ids{1, 6, 12, 13, 16, 17, 18, 19, 20} + range(23, 32), "overdue");
    EXPECT_EQ(sqlIds(f).size(), test::scalar(*db, QStringLiteral("SELECT count(*) FROM actions a WHERE "
                                                                 "a.status NOT IN ('complete', 'superseded') "
                                                                 "AND a.target_due < '2024-06-30'")));

    f = at();
    f.dueSoon = true;
    expectIds(f, {10, 14}, "due within 30 days: 15/07 and 30/07, not 31/07");
    f.dueSoonDays = 31;
    expectIds(f, {9, 10, 14}, "due within 31 days");

    f = at();
    f.noTarget = true;
    expectIds(f, {3, 4, 5, 21, 22}, "no target or ongoing");

    f = at();
    f.stale = true;
    // Updated 01/06/2024 (2) and May 2024 (4) are recent; 11 and 15 are complete.
    const Ids stale = Ids{1, 3} + range(5, 10) + Ids{12, 13, 14} + range(16, 32);
    expectIds(f, stale, "no update for 90 days");
    f.staleDays = 45; // cut-off 16/05/2024: an update dated May 2024 may be after it
    expectIds(f, stale, "a month-dated update counts as the end of its month");
    f.staleDays = 10; // cut-off 20/06/2024: all of May, and 01/06, are before it
    expectIds(f, range(1, 10) + Ids{12, 13, 14} + range(16, 32), "10 days");

    // The same flags a year earlier: nothing of Child X was due yet.
    f = ActionFilter();
    f.overdue = true;
    f.asOf = QDate(2023, 6, 30);
    expectIds(f, range(17, 20) + range(23, 32), "overdue as of 30/06/2023");
}

TEST_F(ActionFilterTest, PartsCombineWithAndAndValuesWithOr)
{
    ActionFilter f = at();
    f.rags = {QStringLiteral("red"), QStringLiteral("amber")};
    f.overdue = true;
    expectIds(f, {1, 17, 18}, "Red or Amber, and overdue");
    f.kinds = {QStringLiteral("scr")};
    expectIds(f, {17, 18}, "… in a serious case review");

    f = at();
    f.owners = {QStringLiteral("Kay Jones")};
    f.overdue = true;
    expectIds(f, {18, 25, 26}, "Kay Jones, overdue");

    f = at();
    f.themes = {QStringLiteral("commissioning")};
    f.agencyIds = {7};
    expectIds(f, {2, 12}, "commissioning theme, GCC");

    f = at();
    f.reviewIds = {3};
    f.statuses = {QStringLiteral("partial")};
    f.agencyIds = {0};
    f.overdue = true;
    expectIds(f, {1, 13}, "four parts");

    f.text = QStringLiteral("commissioning");
    const Ids withText = sqlIds(f);
    for (qint64 id : withText)
        EXPECT_TRUE(id == 1 || id == 13);
    EXPECT_EQ(show(modelIds(f)), show(withText)) << "text with other parts";
}

TEST_F(ActionFilterTest, FreeTextFindsWordPrefixesInEveryText)
{
    ActionFilter f;
    f.text = QStringLiteral("supervis");
    expectIds(f, {26}, "word prefix in the action text");
    f.text = QStringLiteral("Workforce Devel");
    expectIds(f, {17, 20, 23, 29}, "every word must match");
    f.text = QStringLiteral("desired");
    expectIds(f, {1}, "word of the recommendation text only");
    f.text = QStringLiteral("nursing");
    expectIds(f, {11}, "word of the recommendation text only");
    f.text = QStringLiteral("Philip");
    expectIds(f, range(17, 32), "the review's title");
    f.text = QStringLiteral("Cymru");
    expectIds(f, {2}, "a progress update's text");
}

TEST_F(ActionFilterTest, AccentsAndCapitalsDoNotMatter)
{
    ActionFilter f;
    for (const char* text : {"Zoë", "Zoe", "ZOE", "zoë"}) {
        f.text = QString::fromUtf8(text);
        expectIds(f, {4, 5}, text);
    }
    // "Zoë" typed as e + combining diaeresis.
    f.text = QStringLiteral("Zoe\u0308");
    expectIds(f, {4, 5}, "decomposed");
    for (const char* text : {"Dŵr", "dwr", "DŴR"}) {
        f.text = QString::fromUtf8(text);
        expectIds(f, {2}, text);
    }
}

TEST_F(ActionFilterTest, PunctuationAndOperatorsAreNeverFtsSyntax)
{
    struct Case
    {
        const char* text;
        const char* sameAs; // the plain words it must behave like
    };
    const Case cases[] = {
        {"child's", "child"},
        {"C-19", "19"},
        {"\"quoted\"", "quoted"},
        {"a AND b", "AND"},
        {"NEAR(", "near"},
        {"*", ""},
        {"\"unbalanced (", "unbalanced"},
        {"x OR y NOT z", "OR NOT"},
        {"^col : - + {}", "col"},
        {"’’ “” ‘", ""},
        {"supervis*", "supervis"},
    };
    ActionTableModel model(db->connection());
    for (const Case& c : cases) {
        const QString text = QString::fromUtf8(c.text);
        ActionFilter f;
        f.text = text;
        ActionFilter plain;
        plain.text = QString::fromUtf8(c.sameAs);
        const Ids ids = sqlIds(f);
        EXPECT_EQ(show(ids), show(sqlIds(plain))) << c.text;
        model.setTextFilter(text);
        EXPECT_TRUE(model.lastError().isEmpty()) << c.text << ": " << model.lastError().toStdString();
        EXPECT_EQ(model.rowCount(), ids.size()) << c.text;
    }
    ActionFilter f;
    f.text = QStringLiteral("C-19");
    expectIds(f, {7}, "C-19");
    f.text = QStringLiteral("\"quoted\"");
    expectIds(f, {7}, "quoted");
    f.text = QStringLiteral("*");
    expectIds(f, range(1, 32), "a lone star filters nothing");
    EXPECT_EQ(ActionFilterSql::ftsQuery(QStringLiteral("child's \"x\" NEAR(C-19)")),
              QStringLiteral("\"child\"* \"NEAR\"* \"19\"*"));
}

TEST_F(ActionFilterTest, ModelKeepsTextAndFilterTogether)
{
    ActionTableModel model(db->connection());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    ActionFilter f = at();
    f.rags = {QStringLiteral("red")};
    model.setFilter(f);
    EXPECT_EQ(model.rowCount(), 3);
    model.setTextFilter(QStringLiteral("Philip"));
    EXPECT_EQ(model.rowCount(), 1) << "text narrows the Red actions to Philip's one";
    EXPECT_EQ(model.filter().rags, QStringList{QStringLiteral("red")});
    EXPECT_EQ(model.filter().text, QStringLiteral("Philip"));
    EXPECT_EQ(model.data(model.index(0, 0), ActionTableModel::ActionIdRole).toLongLong(), 17);
    EXPECT_EQ(model.data(model.index(0, 0), ActionTableModel::ReviewIdRole).toLongLong(), 5);
    EXPECT_EQ(model.termsToHighlight(), QStringList{QStringLiteral("philip")});
    EXPECT_EQ(model.data(model.index(0, ActionTableModel::ActionColumn), ActionTableModel::HighlightRole)
                  .toStringList(),
              QStringList{QStringLiteral("philip")});
    EXPECT_FALSE(
        model.data(model.index(0, ActionTableModel::RagColumn), ActionTableModel::HighlightRole).isValid());
    EXPECT_EQ(model.totalCount(), 32);
    model.setFilter(ActionFilter());
    EXPECT_EQ(model.rowCount(), 32);
    EXPECT_TRUE(model.termsToHighlight().isEmpty());
}

TEST_F(ActionFilterTest, AsOfMovesTheOverdueFlag)
{
    ActionTableModel model(db->connection());
    ActionFilter f = at();
    f.overdue = true;
    model.setFilter(f);
    EXPECT_EQ(model.rowCount(), 19);
    model.setAsOf(QDate(2023, 6, 30));
    EXPECT_EQ(model.rowCount(), 14);
    EXPECT_EQ(model.filter().asOf, QDate(2023, 6, 30));
}

TEST_F(ActionFilterTest, AnEditedRowStaysInPlaceUntilTheListIsReadAgain)
{
    ActionTableModel model(db->connection());
    ActionFilter f;
    f.rags = {QStringLiteral("red")};
    model.setFilter(f);
    ASSERT_EQ(model.rowCount(), 3);
    const QModelIndex rag = model.index(0, ActionTableModel::RagColumn);
    ASSERT_TRUE(model.setData(rag, QStringLiteral("green")));
    EXPECT_EQ(model.data(model.index(0, 0), ActionTableModel::ActionIdRole).toLongLong(), 1);
    EXPECT_EQ(model.data(rag, Qt::EditRole).toString(), QStringLiteral("green"));
    model.refresh();
    EXPECT_EQ(model.rowCount(), 2);
}

TEST(ActionFilterJson, RoundTripsEveryPartExactly)
{
    ActionFilter f;
    f.reviewIds = {3, 5, 9007199254740991LL};
    f.kinds = {QStringLiteral("scr"), QStringLiteral("lcspr")};
    f.agencyIds = {0, 11};
    f.owners = {QStringLiteral("Kay Jones"), QStringLiteral("Zoë O'Kane")};
    f.statuses = {QStringLiteral("in_progress")};
    f.rags = {QStringLiteral("red"), QString()};
    f.themes = {QStringLiteral("neglect")};
    f.decisions = {QString(), QStringLiteral("agreed")};
    f.targetFrom = QDate(2024, 1, 1);
    f.targetTo = QDate(2024, 12, 31);
    f.openOnly = f.overdue = f.dueSoon = f.stale = f.noTarget = f.revised = true;
    f.asOf = QDate(2024, 6, 30);
    f.staleDays = 60;
    f.dueSoonDays = 14;
    f.text = QStringLiteral("supervision \"audit\"");
    const QByteArray bytes = QJsonDocument(f.toJson()).toJson();
    QString error = QStringLiteral("unset");
    const ActionFilter back = ActionFilter::fromJson(QJsonDocument::fromJson(bytes).object(), &error);
    EXPECT_TRUE(error.isEmpty()) << error.toStdString();
    EXPECT_TRUE(back == f);
    EXPECT_EQ(back.rags, f.rags) << "an empty code (not rated) survives";

    EXPECT_TRUE(ActionFilter().toJson().isEmpty()) << "the default filter writes nothing";
    EXPECT_TRUE(ActionFilter::fromJson(QJsonObject()).isEmpty());
    ActionFilter one;
    one.stale = true;
    EXPECT_TRUE(ActionFilter::fromJson(one.toJson()) == one);
    EXPECT_FALSE(ActionFilter::fromJson(one.toJson()) == ActionFilter());
}

TEST(ActionFilterJson, AWrongTypeIsAnErrorNamingTheKey)
{
    const QPair<const char*, QJsonValue> bad[] = {
        {"reviewIds", QJsonValue(QStringLiteral("3"))},
        {"reviewIds", QJsonArray{QStringLiteral("3")}},
        {"reviewIds", QJsonArray{1.5}},
        {"rags", QJsonArray{1}},
        {"owners", QJsonValue(QStringLiteral("Kay Jones"))},
        {"overdue", QJsonValue(1)},
        {"asOf", QJsonValue(QStringLiteral("30/06/2024"))},
        {"targetFrom", QJsonValue(20240101)},
        {"staleDays", QJsonValue(QStringLiteral("90"))},
        {"text", QJsonValue(true)},
    };
    for (const auto& [key, value] : bad) {
        QJsonObject json{{QStringLiteral("stale"), true}, {QLatin1String(key), value}};
        QString error;
        const ActionFilter f = ActionFilter::fromJson(json, &error);
        EXPECT_TRUE(error.contains(QLatin1String(key))) << key << ": " << error.toStdString();
        EXPECT_TRUE(f.isEmpty()) << key;
    }
    QString error = QStringLiteral("x");
    ActionFilter::fromJson(QJsonObject{{QStringLiteral("someday"), 1}}, &error);
    EXPECT_TRUE(error.isEmpty()) << "unknown keys are ignored";
}

TEST(ActionFilterHighlight, TermsAreFoldedAndLongestFirst)
{
    EXPECT_EQ(ActionFilterSql::highlightTerms(QStringLiteral("Zoë super SUPERVISION a")),
              (QStringList{QStringLiteral("supervision"), QStringLiteral("super"), QStringLiteral("zoe")}));
    EXPECT_EQ(ActionFilterSql::highlightTerms(QStringLiteral("Dŵr")), QStringList{QStringLiteral("dwr")});
    EXPECT_TRUE(ActionFilterSql::highlightTerms(QStringLiteral("* a \" -")).isEmpty());
    QVector<int> map;
    EXPECT_EQ(ActionFilterSql::fold(QStringLiteral("Zoe\u0308 É"), &map), QStringLiteral("zoe e"));
    EXPECT_EQ(map, (QVector<int>{0, 1, 2, 4, 5}));
}

TEST_F(ActionFilterTest, SavedFiltersAreNamedOnceAndKeepTheirSpec)
{
    SavedFilterRepository repo(db->connection());
    ActionFilter f;
    f.rags = {QStringLiteral("red")};
    f.overdue = true;
    const qint64 id = repo.save(QStringLiteral("  QiiP monthly: Red and overdue "), f);
    ASSERT_GT(id, 0) << repo.errorString().toStdString();
    EXPECT_EQ(test::text(*db, QStringLiteral("SELECT name FROM saved_filters WHERE id = %1").arg(id)),
              QStringLiteral("QiiP monthly: Red and overdue"))
        << "trimmed";

    EXPECT_EQ(repo.save(QStringLiteral("   "), f), 0);
    EXPECT_FALSE(repo.nameTaken());
    EXPECT_FALSE(repo.errorString().isEmpty());

    ActionFilter other;
    other.stale = true;
    EXPECT_EQ(repo.save(QStringLiteral("qiip MONTHLY: red and overdue"), other), 0);
    EXPECT_TRUE(repo.nameTaken()) << "the caller is asked to confirm";
    SavedFilter stored;
    ASSERT_TRUE(repo.find(QStringLiteral("QiiP monthly: Red and overdue"), &stored));
    EXPECT_TRUE(stored.filter == f) << "refused: the saved filter is unchanged";
    EXPECT_EQ(repo.save(QStringLiteral("QiiP monthly: Red and overdue"), other, true), id);
    ASSERT_TRUE(repo.find(QStringLiteral("QiiP monthly: Red and overdue"), &stored));
    EXPECT_TRUE(stored.filter == other) << "overwritten when confirmed";

    const qint64 second = repo.save(QStringLiteral("Stale"), f);
    ASSERT_GT(second, 0);
    EXPECT_FALSE(repo.rename(second, QStringLiteral("QIIP monthly: Red and overdue"))) << "taken";
    EXPECT_FALSE(repo.rename(second, QStringLiteral(" ")));
    EXPECT_TRUE(repo.rename(second, QStringLiteral("  Stale for QiiP ")));
    QVector<SavedFilter> all;
    ASSERT_TRUE(repo.list(&all));
    ASSERT_EQ(all.size(), 2);
    EXPECT_EQ(all.at(0).name, QStringLiteral("QiiP monthly: Red and overdue"));
    EXPECT_EQ(all.at(1).name, QStringLiteral("Stale for QiiP"));
    EXPECT_TRUE(all.at(1).filter == f);

    EXPECT_TRUE(repo.remove(id));
    EXPECT_FALSE(repo.remove(id));
    ASSERT_TRUE(repo.list(&all));
    ASSERT_EQ(all.size(), 1);

    // A spec that no longer reads is listed with the reason, not dropped.
    ASSERT_TRUE(db->exec(QStringLiteral("INSERT INTO saved_filters(name, spec) VALUES ('Broken', "
                                        "'{\"rags\": \"red\"}')")));
    ASSERT_TRUE(repo.list(&all));
    ASSERT_EQ(all.size(), 2);
    EXPECT_TRUE(all.at(0).error.contains(QStringLiteral("rags"))) << all.at(0).error.toStdString();
}

TEST(ActionFilterScale, ALongFilteredListIsCountedInTheBackground)
{
    test::TempDir dir;
    auto gen = test::emptyDatabase(dir.file(QStringLiteral("gen.rtdb")));
    SyntheticGenerator g(3);
    QString error;
    ASSERT_TRUE(g.generate(gen->connection(), 80, &error)) << error.toStdString();
    ActionFilter f;
    f.openOnly = true;
    const qint64 expected = test::scalar(
        *gen, QStringLiteral("SELECT count(*) FROM actions WHERE status NOT IN ('complete', 'superseded')"));
    ASSERT_GT(expected, 2 * ActionTableModel::kBlockSize);

    ActionTableModel model(gen->connection());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy finished(&model, &ActionTableModel::countFinished);
    model.setFilter(f);
    EXPECT_EQ(model.rowCount(), ActionTableModel::kBlockSize) << "the first block at once";
    EXPECT_TRUE(model.isCounting());
    ASSERT_TRUE(model.waitForCount());
    EXPECT_EQ(finished.count(), 1);
    EXPECT_EQ(model.rowCount(), expected);
    // Deep rows page after the blocks before them, in id order.
    const qint64 last = test::scalar(*gen, QStringLiteral("SELECT max(id) FROM actions WHERE status NOT IN "
                                                          "('complete', 'superseded')"));
    for (int row = 0; row < model.rowCount(); row += ActionTableModel::kBlockSize)
        model.data(model.index(row, 0));
    EXPECT_EQ(model.data(model.index(model.rowCount() - 1, 0), ActionTableModel::ActionIdRole).toLongLong(),
              last);

    // A newer filter drops the count of the older one.
    model.setFilter(f);
    f.text = QStringLiteral("zzzz-no-such-word");
    model.setFilter(f);
    EXPECT_FALSE(model.isCounting());
    EXPECT_EQ(model.rowCount(), 0);
    QTest::qWait(200);
    EXPECT_EQ(model.rowCount(), 0);

    ActionTableModel now(gen->connection());
    now.setBackgroundCounting(false);
    f.text.clear();
    now.setFilter(f);
    EXPECT_FALSE(now.isCounting());
    EXPECT_EQ(now.rowCount(), expected);
}
