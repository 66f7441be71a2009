#include "TestSupport.h"
#include "core/Vocabulary.h"
#include "db/PlanQueries.h"
#include "db/PlanWriter.h"
#include "db/Section11Repository.h"
#include "db/Transaction.h"
#include "models/Section11GridModel.h"

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QSignalSpy>
#include <cmath>
#include <gtest/gtest.h>

using namespace rt;

namespace {

// Fatal: a broken model contract aborts the test binary, which fails the test.
constexpr auto kFatal = QAbstractItemModelTester::FailureReportingMode::Fatal;

const QString kAudit2020 = QStringLiteral("Report of the Gloucestershire Section 11 Audit 2020");

// One agency's row of the report's Appendix 1 tables: the panel's rating of
// standards 1–4 in the panel's own words, typed from the report, and the code
// each wording sits at on the ordered scale.
struct ExpectedRow
{
    QString agency; // short name as the grid heads the row
    QStringList wording;
    QStringList codes;
};

QString s(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

// In the order the report lists the agencies that submitted (Introduction).
QVector<ExpectedRow> reportTable()
{
    const QString g = s("good"), aif = s("good_aif"), ri = s("requires_improvement"), un = s("unable");
    const QString good = s("Good"), gwaif = s("Good with areas for improvement");
    const QString reqImp = s("Requires Improvement");
    return {
        {s("GCCG"), {good, gwaif, s("Good with Areas for improvement"), gwaif}, {g, aif, aif, aif}},
        {s("GHC"), {good, s("Good areas to improve"), good, good}, {g, aif, g, g}},
        {s("GHT"), {gwaif, reqImp, reqImp, reqImp}, {aif, ri, ri, ri}},
        {s("GCSC"), {good, gwaif, good, good}, {g, aif, g, g}},
        {s("GCC Commissioning"),
         {s("Difficult to rate given scope of the audit submitted"), s("As above"),
          s("In respect of this audit Good"), good},
         {un, un, g, g}},
        {s("YOS"), {good, good, good, good}, {g, g, g, g}},
        {s("PS"),
         {good, good, s("Good. Query link to local policies and procedures"),
          s("Good, But need to evaluate from children/young person's point of view")},
         {g, g, g, g}},
        {s("GC"), {good, gwaif, gwaif, gwaif}, {g, aif, aif, aif}},
        {s("DSG"),
         {s("Good \xE2\x80\x93 with areas for improvement"), good, s("Good -with areas for improvement"),
          s("Good in some Districts. area to improve in others")},
         {aif, g, aif, aif}},
    };
}

double luminance(const QColor& c)
{
    auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

double contrast(const QColor& a, const QColor& b)
{
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

struct Section11Fixture : ::testing::Test
{
    test::TempDir dir;
    std::unique_ptr<Database> db;
    qint64 review2020 = 0;
    qint64 audit2020 = 0;

    void SetUp() override
    {
        db = test::sampleDatabase(dir.file(QStringLiteral("plans.rtdb")));
        ASSERT_TRUE(db);
        review2020 = PlanQueries(db->connection()).findReview(kAudit2020);
        ASSERT_GT(review2020, 0);
        audit2020 = Section11Repository(db->connection()).auditIdForReview(review2020);
        ASSERT_GT(audit2020, 0);
    }

    qint64 agency(const QString& shortName)
    {
        return test::scalar(*db,
                            QStringLiteral("SELECT id FROM agencies WHERE short_name = '%1'").arg(shortName));
    }
    qint64 standard(qint64 auditId, int number)
    {
        return test::scalar(*db,
                            QStringLiteral("SELECT id FROM s11_standards WHERE audit_id = %1 AND number = %2")
                                .arg(auditId)
                                .arg(number));
    }
    QString cellText(const QString& column, const QString& shortName, int number, qint64 auditId = 0)
    {
        return test::text(*db,
                          QStringLiteral("SELECT %1 FROM s11_ratings WHERE audit_id = %2 AND agency_id = %3 "
                                         "AND standard_id = %4")
                              .arg(column)
                              .arg(auditId ? auditId : audit2020)
                              .arg(agency(shortName))
                              .arg(standard(auditId ? auditId : audit2020, number)));
    }
    qint64 ratingCount()
    {
        return test::scalar(
            *db, QStringLiteral("SELECT count(*) FROM s11_ratings WHERE audit_id = %1").arg(audit2020));
    }

    // A later audit, written as an import would: the standards it chose are
    // numbered 1..n afresh (so numbers differ from 2020), one title is
    // written differently, and one standard is new.
    qint64 addAudit2022()
    {
        S11AuditRecord a;
        a.year = 2022;
        a.standards = {{1, QStringLiteral("Listening to children and young people"), Rag::Amber, QString()},
                       {2, QStringLiteral("Leadership & Accountability"), Rag::Green, QString()},
                       {3, QStringLiteral("Information sharing"), Rag::Red, QString()}};
        a.agencies = {
            {QStringLiteral("Gloucestershire Hospitals NHS Foundation Trust"), QString(), QString()},
            {QStringLiteral("Gloucestershire Health and Care NHS Foundation Trust"), QString(), QString()},
            {QStringLiteral("Gloucestershire County Children's Commissioning"), QString(), QString()}};
        const QString ght = a.agencies[0].name, ghc = a.agencies[1].name, gcc = a.agencies[2].name;
        a.ratings = {
            {ght, 1, S11Rating::Good, QStringLiteral("Good"), {}}, // 2020: Requires Improvement
            {ght, 2, S11Rating::GoodWithAreasForImprovement, QStringLiteral("Good, AFI"), {}}, // same
            {ghc, 2, S11Rating::RequiresImprovement, QStringLiteral("RI"), {}},                // 2020: Good
            {gcc, 2, S11Rating::Good, QStringLiteral("Good"), {}},                             // 2020: unable
            {ght, 3, S11Rating::Good, QStringLiteral("Good"), {}},                             // new standard
        };
        ReviewRecord r;
        r.kind = ReviewKind::Section11;
        r.title = QStringLiteral("Section 11 Audit 2022");
        r.year = 2022;
        r.s11 = a;
        Transaction tx(db->connection());
        PlanWriter writer(db->connection());
        EXPECT_TRUE(writer.writeReview(r, 100)) << writer.errorString().toStdString();
        EXPECT_TRUE(tx.commit());
        return Section11Repository(db->connection()).auditIdForReview(r.id);
    }
};

} // namespace

TEST_F(Section11Fixture, GridShowsTheReportsRatingsExactlyAsWritten)
{
    Section11GridModel model(db->connection());
    QAbstractItemModelTester tester(&model, kFatal);
    model.setAudit(audit2020);
    const QVector<ExpectedRow> table = reportTable();
    ASSERT_EQ(model.rowCount(), table.size() + 1) << "9 agencies and the Partnership row";
    ASSERT_EQ(model.columnCount(), 4);
    EXPECT_EQ(model.headerData(0, Qt::Horizontal).toString(),
              QStringLiteral("1. Leadership and accountability"));
    EXPECT_EQ(model.headerData(1, Qt::Horizontal).toString(),
              QStringLiteral("2. Staff safe recruitment, induction, training and development"));
    EXPECT_EQ(model.headerData(2, Qt::Horizontal).toString(),
              QStringLiteral("3. Safeguarding policies and procedures"));
    EXPECT_EQ(model.headerData(3, Qt::Horizontal).toString(),
              QStringLiteral("4. Listening to children and young people"));

    for (int row = 0; row < table.size(); ++row) {
        const ExpectedRow& e = table.at(row);
        EXPECT_EQ(model.headerData(row, Qt::Vertical).toString(), e.agency) << "row " << row;
        for (int column = 0; column < 4; ++column) {
            const QModelIndex i = model.index(row, column);
            EXPECT_EQ(i.data().toString(), e.wording.at(column))
                << e.agency.toStdString() << " standard " << column + 1;
            EXPECT_EQ(i.data(Section11GridModel::RatingCodeRole).toString(), e.codes.at(column))
                << e.agency.toStdString() << " standard " << column + 1;
            EXPECT_EQ(i.data(Qt::EditRole).toString(), e.codes.at(column));
            S11Rating r;
            ASSERT_TRUE(s11::fromCode(e.codes.at(column), &r));
            EXPECT_EQ(i.data(Section11GridModel::RankRole).toInt(), s11::rank(r));
            EXPECT_EQ(i.data(Qt::BackgroundRole).value<QBrush>().color(),
                      Section11GridModel::ratingColour(e.codes.at(column)));
        }
    }
    // The full name is a hover away from the short one.
    EXPECT_TRUE(model.headerData(2, Qt::Vertical, Qt::ToolTipRole)
                    .toString()
                    .startsWith(QStringLiteral("Gloucestershire Hospitals NHS Foundation Trust")));
}

TEST_F(Section11Fixture, CellsCarryTheirCommentBullets)
{
    Section11GridModel model(db->connection());
    model.setAudit(audit2020);
    const QModelIndex gccg2 = model.cellIndex(agency(QStringLiteral("GCCG")), 2);
    ASSERT_TRUE(gccg2.isValid());
    EXPECT_EQ(gccg2.data(Section11GridModel::CommentsRole).toStringList(),
              QStringList({QStringLiteral("Mandatory level 1 training for all new staff"),
                           QStringLiteral("Effectiveness of Primary Care audit"),
                           QStringLiteral("Work on consolidating the training offer across the NHS economy"),
                           QStringLiteral("Safeguarding supervision policy to be rolled out to other roles"),
                           QStringLiteral("Consistency of training across the NHS economy"),
                           QStringLiteral("Links with GSCP training")}));
    const QModelIndex gc3 = model.cellIndex(agency(QStringLiteral("GC")), 3);
    EXPECT_EQ(gc3.data(Section11GridModel::CommentsRole).toStringList(),
              QStringList({QStringLiteral("Working through MASH to review procedures"),
                           QStringLiteral("Joint work on quality of SDs"),
                           QStringLiteral("Joint work on thresholds")}));
    // The report's empty bullet ("•") is no comment at all.
    EXPECT_TRUE(model.cellIndex(agency(QStringLiteral("YOS")), 3)
                    .data(Section11GridModel::CommentsRole)
                    .toStringList()
                    .isEmpty());
    const QString tip = model.cellIndex(agency(QStringLiteral("GHT")), 2).data(Qt::ToolTipRole).toString();
    EXPECT_TRUE(tip.contains(QStringLiteral("• Note the plans to improve training"))) << tip.toStdString();
}

TEST_F(Section11Fixture, PartnershipRagPerStandardAndPerTheme)
{
    Section11GridModel model(db->connection());
    model.setAudit(audit2020);
    const int p = model.partnershipRow();
    ASSERT_EQ(p, 9);
    EXPECT_EQ(model.headerData(p, Qt::Vertical).toString(), QStringLiteral("Partnership"));
    const QStringList expected = {QStringLiteral("Green"), QStringLiteral("Amber"), QStringLiteral("Amber"),
                                  QStringLiteral("Green")};
    for (int c = 0; c < 4; ++c) {
        EXPECT_EQ(model.index(p, c).data().toString(), expected.at(c)) << "standard " << c + 1;
        EXPECT_EQ(model.index(p, c).data(Section11GridModel::RatingCodeRole).toString(),
                  expected.at(c).toLower());
        EXPECT_FALSE(model.flags(model.index(p, c)) & Qt::ItemIsEditable);
    }

    Section11Repository repo(db->connection());
    const QVector<S11StandardRow> standards = repo.standards(audit2020);
    ASSERT_EQ(standards.size(), 4);
    EXPECT_EQ(standards.at(1).partnershipRag, QStringLiteral("amber"));
    EXPECT_TRUE(standards.at(1).comment.contains(
        QStringLiteral("Safe recruitment practice was in place in all agencies")));
    const QVector<S11ThemeRow> themes = repo.themes(audit2020);
    ASSERT_EQ(themes.size(), 2);
    EXPECT_EQ(themes.at(0).title, QStringLiteral("The impact of WT18"));
    EXPECT_EQ(themes.at(0).rag, QStringLiteral("green"));
    EXPECT_EQ(themes.at(1).title, QStringLiteral("The implementation of the SCR recommendation from James"));
    EXPECT_EQ(themes.at(1).rag, QStringLiteral("red"));

    // Edits of the partnership judgements are stored; a wrong word is refused.
    EXPECT_TRUE(repo.setStandardRag(standards.at(1).id, QStringLiteral("Green")));
    EXPECT_TRUE(repo.setThemeRag(themes.at(1).id, QStringLiteral("amber")));
    EXPECT_FALSE(repo.setThemeRag(themes.at(1).id, QStringLiteral("purple")));
    EXPECT_TRUE(repo.errorString().contains(QStringLiteral("purple")));
    EXPECT_TRUE(repo.setThemeComment(themes.at(0).id, QStringLiteral("  - Reviewed again  ")));
    model.reload();
    EXPECT_EQ(model.index(p, 1).data().toString(), QStringLiteral("Green"));
    EXPECT_EQ(repo.themes(audit2020).at(1).rag, QStringLiteral("amber"));
    EXPECT_EQ(repo.themes(audit2020).at(0).comment, QStringLiteral("- Reviewed again"));
}

TEST_F(Section11Fixture, HeatMapColoursAreOrderedDistinctAndReadable)
{
    const QStringList codes = {QStringLiteral("good"), QStringLiteral("good_aif"),
                               QStringLiteral("requires_improvement"), QStringLiteral("inadequate"),
                               QStringLiteral("unable")};
    QSet<QRgb> seen;
    for (const QString& code : codes) {
        const QColor c = Section11GridModel::ratingColour(code);
        ASSERT_TRUE(c.isValid()) << code.toStdString();
        seen.insert(c.rgb());
        // WCAG AA for normal text against the cell's dark text.
        EXPECT_GE(contrast(c, QColor(0x1A, 0x1A, 0x1A)), 4.5) << code.toStdString();
    }
    EXPECT_EQ(seen.size(), 5);
    // The two ends differ in blue as well as red/green, so they stay apart
    // for red–green colour blindness.
    EXPECT_GT(Section11GridModel::ratingColour(codes[0]).blue(),
              Section11GridModel::ratingColour(codes[3]).blue());
    EXPECT_GT(Section11GridModel::ratingColour(codes[1]).blue(),
              Section11GridModel::ratingColour(codes[2]).blue());
}

TEST_F(Section11Fixture, EditingARatingThroughTheModelSavesAndBumpsTheVersion)
{
    Section11GridModel model(db->connection());
    QAbstractItemModelTester tester(&model, kFatal);
    model.setAudit(audit2020);
    QSignalSpy saved(&model, &Section11GridModel::saved);
    const QModelIndex ght2 = model.cellIndex(agency(QStringLiteral("GHT")), 2);
    ASSERT_EQ(ght2.data().toString(), QStringLiteral("Requires Improvement"));
    ASSERT_EQ(cellText(QStringLiteral("version"), QStringLiteral("GHT"), 2), QStringLiteral("1"));

    EXPECT_TRUE(model.setData(ght2, QStringLiteral("good_aif")));
    EXPECT_EQ(saved.count(), 1);
    EXPECT_EQ(cellText(QStringLiteral("rating"), QStringLiteral("GHT"), 2), QStringLiteral("good_aif"));
    // The panel's words described the old rating: the new one reads as the scale names it.
    EXPECT_EQ(cellText(QStringLiteral("rating_text"), QStringLiteral("GHT"), 2),
              QStringLiteral("Good with areas for improvement"));
    EXPECT_EQ(cellText(QStringLiteral("version"), QStringLiteral("GHT"), 2), QStringLiteral("2"));
    EXPECT_EQ(cellText(QStringLiteral("comments"), QStringLiteral("GHT"), 2),
              QStringLiteral("Note the plans to improve training"));
    EXPECT_EQ(model.cellIndex(agency(QStringLiteral("GHT")), 2).data().toString(),
              QStringLiteral("Good with areas for improvement"));
    EXPECT_EQ(model.cellIndex(agency(QStringLiteral("GHT")), 2).data(Section11GridModel::VersionRole).toInt(),
              2);

    // The same code again writes nothing.
    EXPECT_TRUE(model.setData(ght2, QStringLiteral("good_aif")));
    EXPECT_EQ(cellText(QStringLiteral("version"), QStringLiteral("GHT"), 2), QStringLiteral("2"));

    // Comments change; the panel's own wording stays.
    const QModelIndex ghc2 = model.cellIndex(agency(QStringLiteral("GHC")), 2);
    EXPECT_TRUE(model.setComments(ghc2, {QStringLiteral("  Culture work continues  "), QString(),
                                         QStringLiteral("• New induction"), QStringLiteral("   ")}));
    EXPECT_EQ(cellText(QStringLiteral("comments"), QStringLiteral("GHC"), 2),
              QStringLiteral("Culture work continues\nNew induction"));
    EXPECT_EQ(cellText(QStringLiteral("rating_text"), QStringLiteral("GHC"), 2),
              QStringLiteral("Good areas to improve"));
    EXPECT_EQ(cellText(QStringLiteral("version"), QStringLiteral("GHC"), 2), QStringLiteral("2"));

    // The user's own words for a changed rating are kept as typed.
    Section11Repository repo(db->connection());
    EXPECT_TRUE(repo.setRating(audit2020, agency(QStringLiteral("GHC")), standard(audit2020, 3),
                               QStringLiteral("requires_improvement"),
                               QStringLiteral("  RI — policies lag  ")));
    EXPECT_EQ(cellText(QStringLiteral("rating_text"), QStringLiteral("GHC"), 3),
              QStringLiteral("RI — policies lag"));
    EXPECT_TRUE(repo.setWording(audit2020, agency(QStringLiteral("GHC")), standard(audit2020, 3), QString()));
    EXPECT_EQ(cellText(QStringLiteral("rating_text"), QStringLiteral("GHC"), 3),
              QStringLiteral("Requires improvement"));
    EXPECT_EQ(cellText(QStringLiteral("version"), QStringLiteral("GHC"), 3), QStringLiteral("3"));
}

TEST_F(Section11Fixture, ABadRatingIsRefusedWithItsPlaceAndNothingChanges)
{
    Section11GridModel model(db->connection());
    QAbstractItemModelTester tester(&model, kFatal);
    model.setAudit(audit2020);
    QSignalSpy refused(&model, &Section11GridModel::editRefused);
    QSignalSpy saved(&model, &Section11GridModel::saved);
    const QModelIndex ght2 = model.cellIndex(agency(QStringLiteral("GHT")), 2);
    EXPECT_FALSE(model.setData(ght2, QStringLiteral("excellent")));
    ASSERT_EQ(refused.count(), 1);
    EXPECT_EQ(saved.count(), 0);
    const QString reason = refused.at(0).at(1).toString();
    EXPECT_TRUE(reason.contains(QStringLiteral("GHT"))) << reason.toStdString();
    EXPECT_TRUE(reason.contains(QStringLiteral("standard 2"))) << reason.toStdString();
    EXPECT_TRUE(reason.contains(QStringLiteral("excellent"))) << reason.toStdString();
    EXPECT_EQ(cellText(QStringLiteral("rating"), QStringLiteral("GHT"), 2),
              QStringLiteral("requires_improvement"));
    EXPECT_EQ(cellText(QStringLiteral("rating_text"), QStringLiteral("GHT"), 2),
              QStringLiteral("Requires Improvement"));
    EXPECT_EQ(cellText(QStringLiteral("version"), QStringLiteral("GHT"), 2), QStringLiteral("1"));
    EXPECT_EQ(ght2.data().toString(), QStringLiteral("Requires Improvement"));

    // The Partnership row is not a rating cell.
    EXPECT_FALSE(model.setData(model.index(model.partnershipRow(), 0), QStringLiteral("good")));

    // An agency that is not in the audit is refused by the repository.
    Section11Repository repo(db->connection());
    EXPECT_FALSE(repo.setRating(audit2020, agency(QStringLiteral("GSCP")), standard(audit2020, 1),
                                QStringLiteral("good")));
    EXPECT_FALSE(repo.errorString().isEmpty());
}

TEST_F(Section11Fixture, EmptyCellsAreCreatedAndCleared)
{
    Section11GridModel model(db->connection());
    QAbstractItemModelTester tester(&model, kFatal);
    model.setAudit(audit2020);
    Section11Repository repo(db->connection());
    const qint64 yos = agency(QStringLiteral("YOS"));
    const qint64 std4 = standard(audit2020, 4);
    ASSERT_EQ(ratingCount(), 36);

    const QModelIndex cell = model.cellIndex(yos, 4);
    EXPECT_TRUE(model.clearCell(cell));
    EXPECT_EQ(ratingCount(), 35);
    EXPECT_EQ(model.cellIndex(yos, 4).data().toString(), QString());
    EXPECT_EQ(model.cellIndex(yos, 4).data(Section11GridModel::RatingCodeRole).toString(), QString());
    EXPECT_FALSE(model.cellIndex(yos, 4).data(Qt::BackgroundRole).isValid());
    EXPECT_FALSE(repo.clearRating(audit2020, yos, std4)) << "nothing left to clear";
    EXPECT_FALSE(repo.setComments(audit2020, yos, std4, {QStringLiteral("x")}));
    EXPECT_TRUE(repo.errorString().contains(QStringLiteral("YOS"))) << repo.errorString().toStdString();

    // Choosing a rating for the empty cell creates it, with the scale's words.
    EXPECT_TRUE(model.setData(model.cellIndex(yos, 4), QStringLiteral("inadequate")));
    EXPECT_EQ(ratingCount(), 36);
    EXPECT_EQ(cellText(QStringLiteral("rating_text"), QStringLiteral("YOS"), 4),
              QStringLiteral("Inadequate"));
    EXPECT_EQ(repo.createRating(audit2020, yos, std4, QStringLiteral("good")), 0) << "already rated";
    EXPECT_EQ(cellText(QStringLiteral("rating"), QStringLiteral("YOS"), 4), QStringLiteral("inadequate"));
}

TEST_F(Section11Fixture, ComparisonSaysBetterSameOrWorsePerAgencyAndStandard)
{
    const qint64 audit2022 = addAudit2022();
    ASSERT_GT(audit2022, 0);
    Section11Repository repo(db->connection());
    const qint64 ght = agency(QStringLiteral("GHT")), ghc = agency(QStringLiteral("GHC")),
                 gcc = agency(QStringLiteral("GCC Commissioning"));

    QHash<QPair<qint64, int>, S11ComparisonCell> byCell;
    const QVector<S11StandardRow> standards2022 = repo.standards(audit2022);
    for (const S11ComparisonCell& c : repo.compare(audit2022, audit2020)) {
        for (const S11StandardRow& s : standards2022) {
            if (s.id == c.standardId)
                byCell.insert({c.agencyId, s.number}, c);
        }
    }
    ASSERT_EQ(byCell.size(), 9) << "3 agencies × 3 standards";
    // Standards match by title, not by number: 2022's standard 1 is 2020's standard 4.
    EXPECT_EQ(byCell.value({ght, 1}).otherStandardId, standard(audit2020, 4));
    EXPECT_EQ(byCell.value({ght, 1}).trend, S11Trend::Better);
    EXPECT_EQ(byCell.value({ght, 1}).otherRatingText, QStringLiteral("Requires Improvement"));
    // "Leadership & Accountability" is 2020's "Leadership and accountability".
    EXPECT_EQ(byCell.value({ght, 2}).otherStandardId, standard(audit2020, 1));
    EXPECT_EQ(byCell.value({ght, 2}).trend, S11Trend::Same);
    EXPECT_EQ(byCell.value({ghc, 2}).trend, S11Trend::Worse);
    EXPECT_EQ(byCell.value({gcc, 2}).trend, S11Trend::NotComparable) << "2020 was unable to rate";
    EXPECT_EQ(byCell.value({ghc, 1}).trend, S11Trend::NotComparable) << "not rated in 2022";
    EXPECT_EQ(byCell.value({ght, 3}).otherStandardId, 0) << "a new standard";
    EXPECT_EQ(byCell.value({ght, 3}).trend, S11Trend::NotComparable);

    // The other way round the same cell reads worse.
    for (const S11ComparisonCell& c : repo.compare(audit2020, audit2022)) {
        if (c.agencyId == ght && c.standardId == standard(audit2020, 4)) {
            EXPECT_EQ(c.trend, S11Trend::Worse);
        }
    }

    // The grid says it in words and with an arrow, not in colour alone.
    Section11GridModel model(db->connection());
    QAbstractItemModelTester tester(&model, kFatal);
    model.setAudit(audit2022);
    model.setComparison(audit2020);
    EXPECT_EQ(model.comparisonAuditId(), audit2020);
    const QModelIndex better = model.cellIndex(ght, 1);
    EXPECT_EQ(better.data().toString(), QStringLiteral("Good\n▲ Better than 2020 (Requires Improvement)"));
    EXPECT_EQ(better.data(Section11GridModel::TrendRole).toInt(), int(S11Trend::Better));
    EXPECT_EQ(better.data(Section11GridModel::WordingRole).toString(), QStringLiteral("Good"));
    EXPECT_EQ(model.cellIndex(ght, 2).data().toString(), QStringLiteral("Good, AFI\n= Same as 2020"));
    EXPECT_EQ(model.cellIndex(ghc, 2).data().toString(), QStringLiteral("RI\n▼ Worse than 2020 (Good)"));
    EXPECT_TRUE(model.cellIndex(gcc, 2).data().toString().contains(QStringLiteral("Not comparable")));
    EXPECT_TRUE(model.cellIndex(ght, 3).data().toString().contains(QStringLiteral("not audited in 2020")));
    EXPECT_TRUE(model.cellIndex(ght, 1).data(Qt::ToolTipRole).toString().contains(QStringLiteral("Better")));

    // Editing in comparison mode keeps the comparison current.
    EXPECT_TRUE(model.setData(model.cellIndex(ghc, 2), QStringLiteral("good")));
    EXPECT_EQ(model.cellIndex(ghc, 2).data(Section11GridModel::TrendRole).toInt(), int(S11Trend::Same));

    // Off again: the panel's words alone.
    model.setComparison(0);
    EXPECT_EQ(model.cellIndex(ght, 1).data().toString(), QStringLiteral("Good"));
    EXPECT_FALSE(model.cellIndex(ght, 1).data(Section11GridModel::TrendRole).isValid());

    // Switching audits under the tester: shape changes, comparison follows.
    model.setAudit(audit2020);
    model.setComparison(audit2022);
    EXPECT_EQ(model.rowCount(), 10);
    EXPECT_EQ(model.cellIndex(ght, 4).data(Section11GridModel::TrendRole).toInt(), int(S11Trend::Worse));
    model.setAudit(audit2022);
    EXPECT_EQ(model.comparisonAuditId(), 0) << "an audit is never compared with itself";
    EXPECT_EQ(model.rowCount(), 4);
}

TEST(Section11Standards, MatchByTitleWhateverTheCaseOrAmpersand)
{
    EXPECT_EQ(Section11Repository::standardKey(QStringLiteral("Leadership & Accountability.")),
              Section11Repository::standardKey(QStringLiteral("leadership and  accountability")));
    EXPECT_NE(Section11Repository::standardKey(QStringLiteral("Leadership and accountability")),
              Section11Repository::standardKey(QStringLiteral("Information sharing")));
    EXPECT_EQ(Section11Repository::cleanBullets({QStringLiteral(" - first "), QStringLiteral("•second"),
                                                 QStringLiteral("Good -with areas"),
                                                 QStringLiteral("two\nlines"), QStringLiteral(" ")}),
              QStringList({QStringLiteral("first"), QStringLiteral("second"),
                           QStringLiteral("Good -with areas"), QStringLiteral("two lines")}));
}

TEST_F(Section11Fixture, TheNextAuditStartsWithTheSameStandardsAndAgenciesAndNoRatings)
{
    Section11Repository repo(db->connection());
    EXPECT_EQ(repo.createNextAudit(audit2020, 2020), 0) << "2020 already has its audit";
    EXPECT_TRUE(repo.errorString().contains(QStringLiteral("2020"))) << repo.errorString().toStdString();
    EXPECT_EQ(repo.createNextAudit(audit2020, 1850), 0);
    const qint64 reviewsBefore = test::scalar(*db, QStringLiteral("SELECT count(*) FROM reviews"));

    const qint64 review2022 = repo.createNextAudit(audit2020, 2022);
    ASSERT_GT(review2022, 0) << repo.errorString().toStdString();
    EXPECT_EQ(test::scalar(*db, QStringLiteral("SELECT count(*) FROM reviews")), reviewsBefore + 1);
    EXPECT_EQ(test::text(*db, QStringLiteral("SELECT kind FROM reviews WHERE id = %1").arg(review2022)),
              QStringLiteral("s11"));
    const qint64 audit2022 = repo.auditIdForReview(review2022);
    ASSERT_GT(audit2022, 0);

    QStringList before, after;
    for (const S11StandardRow& s : repo.standards(audit2020))
        before << QStringLiteral("%1 %2").arg(s.number).arg(s.title);
    for (const S11StandardRow& s : repo.standards(audit2022))
        after << QStringLiteral("%1 %2").arg(s.number).arg(s.title);
    EXPECT_EQ(after, before);
    QList<qint64> agenciesBefore, agenciesAfter;
    for (const S11AgencyRow& a : repo.agencies(audit2020))
        agenciesBefore << a.id;
    for (const S11AgencyRow& a : repo.agencies(audit2022))
        agenciesAfter << a.id;
    EXPECT_EQ(agenciesAfter, agenciesBefore);
    EXPECT_TRUE(repo.ratings(audit2022).isEmpty());

    // Rated in the new year, a cell compares with 2020: GHT standard 2 was
    // "Requires Improvement" and is now Good.
    const qint64 ght = agency(QStringLiteral("GHT"));
    qint64 standard2 = 0;
    for (const S11StandardRow& s : repo.standards(audit2022)) {
        if (s.number == 2)
            standard2 = s.id;
    }
    ASSERT_GT(repo.createRating(audit2022, ght, standard2, QStringLiteral("good")), 0)
        << repo.errorString().toStdString();
    bool found = false;
    for (const S11ComparisonCell& c : repo.compare(audit2022, audit2020)) {
        if (c.agencyId == ght && c.standardId == standard2) {
            found = true;
            EXPECT_EQ(c.trend, S11Trend::Better);
        }
    }
    EXPECT_TRUE(found);
}
