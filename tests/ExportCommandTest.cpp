// The export verb end to end on the sample data, each file read back by a
// tool that is not ours where one exists: pdftotext for PDF, the zip
// container's XML for Word and Excel.

#include "CliSupport.h"
#include "TestSupport.h"
#include "io/CsvReader.h"
#include "io/SafeFileWrite.h"
#include "io/ZipArchive.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <gtest/gtest.h>

using namespace rt;
using test::runCli;

namespace {

QString pdfText(const QString& path)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), path, QStringLiteral("-")});
    if (!p.waitForFinished(30000) || p.exitCode() != 0)
        return QStringLiteral("<pdftotext failed: %1>").arg(QString::fromUtf8(p.readAllStandardError()));
    return QString::fromUtf8(p.readAllStandardOutput());
}

QString zipEntry(const QString& zipPath, const QString& entry)
{
    ZipReader zip;
    QByteArray data;
    if (!zip.open(test::readAll(zipPath)) || !zip.read(entry, &data))
        return QString();
    return QString::fromUtf8(data);
}

class ExportCommandTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        dbPath = dir.file(QStringLiteral("sample.rtdb"));
        ASSERT_TRUE(test::sampleDatabase(dbPath));
    }

    test::CliResult exportTo(const QString& file, QStringList more)
    {
        QStringList args = {
            QStringLiteral("export"),  QStringLiteral("--db"),      dbPath, QStringLiteral("-o"), file,
            QStringLiteral("--as-of"), QStringLiteral("2024-06-30")};
        return runCli(args + more);
    }

    test::TempDir dir;
    QString dbPath;
};

TEST_F(ExportCommandTest, ChildXPdfListsTheRecommendationsInOrderWithOwnersAndDates)
{
    const QString pdf = dir.file(QStringLiteral("child-x.pdf"));
    const auto r = exportTo(pdf, {QStringLiteral("--review"), QStringLiteral("Child X"),
                                  QStringLiteral("--format"), QStringLiteral("pdf")});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    const QString text = pdfText(pdf);
    ASSERT_TRUE(text.contains(QStringLiteral("Action Plan in Response to: Child X")))
        << text.left(500).toStdString();

    // Each sub-recommendation number opens a row of the table's first column,
    // in the published order.
    const QStringList numbers = {QStringLiteral("1.1"), QStringLiteral("1.2"), QStringLiteral("1.3"),
                                 QStringLiteral("1.4"), QStringLiteral("1.5"), QStringLiteral("2.1"),
                                 QStringLiteral("2.2"), QStringLiteral("3.1"), QStringLiteral("4.1"),
                                 QStringLiteral("4.2"), QStringLiteral("5.1"), QStringLiteral("6.1"),
                                 QStringLiteral("6.2"), QStringLiteral("7.1"), QStringLiteral("8.1"),
                                 QStringLiteral("8.2"), QStringLiteral("8.3"), QStringLiteral("9.1"),
                                 QStringLiteral("9.2"), QStringLiteral("9.3"), QStringLiteral("10.1")};
    QStringList found;
    static const QRegularExpression rowStart(QStringLiteral("^\\s{0,12}(\\d+\\.\\d+)\\s"));
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (const QString& line : lines) {
        const auto m = rowStart.match(line);
        if (m.hasMatch() && numbers.contains(m.captured(1)) && !found.contains(m.captured(1)))
            found.append(m.captured(1));
    }
    EXPECT_EQ(found, numbers);

    // Owners and targets as the plan writes them, beside their rows.
    auto lineWith = [&](const QString& number) {
        for (const QString& line : lines)
            if (rowStart.match(line).captured(1) == number)
                return line;
        return QString();
    };
    EXPECT_TRUE(lineWith(QStringLiteral("1.1")).contains(QStringLiteral("March 2024")));
    // A long owner wraps within its cell: its first word is on the row's line.
    EXPECT_TRUE(lineWith(QStringLiteral("1.1")).contains(QStringLiteral("Interim")));
    EXPECT_TRUE(lineWith(QStringLiteral("10.1")).contains(QStringLiteral("GCC HoQ")));
    EXPECT_TRUE(lineWith(QStringLiteral("4.2")).contains(QStringLiteral("Dec 2024")));
    EXPECT_TRUE(text.contains(QStringLiteral("Version history")));
    EXPECT_TRUE(text.contains(QStringLiteral("26/02/2024")));
    EXPECT_TRUE(text.contains(QRegularExpression(QStringLiteral("Page 1 of \\d+"))));
}

TEST_F(ExportCommandTest, ChildXWordAndExcelHoldTheCells)
{
    const QString docx = dir.file(QStringLiteral("child-x.docx"));
    auto r = exportTo(docx, {QStringLiteral("--review"), QStringLiteral("Child X"),
                             QStringLiteral("--format"), QStringLiteral("docx")});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    const QString document = zipEntry(docx, QStringLiteral("word/document.xml"));
    EXPECT_TRUE(document.contains(QStringLiteral("Interim Assistant Director Commissioning")));
    EXPECT_TRUE(document.contains(QStringLiteral("w:tblHeader")));
    EXPECT_TRUE(document.contains(QStringLiteral("Partly Agreed")));

    const QString xlsx = dir.file(QStringLiteral("child-x.xlsx"));
    r = exportTo(xlsx, {QStringLiteral("--review"), QStringLiteral("Child X"), QStringLiteral("--format"),
                        QStringLiteral("xlsx")});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    const QString strings = zipEntry(xlsx, QStringLiteral("xl/sharedStrings.xml"));
    EXPECT_TRUE(strings.contains(QStringLiteral("Interim Assistant Director Commissioning")));
    EXPECT_TRUE(strings.contains(QStringLiteral("Responsible Owner")));
    QString sheets;
    for (int i = 1; i <= 4; ++i)
        sheets += zipEntry(xlsx, QStringLiteral("xl/worksheets/sheet%1.xml").arg(i));
    EXPECT_TRUE(sheets.contains(QStringLiteral("<autoFilter")));
    EXPECT_TRUE(sheets.contains(QStringLiteral("<pane")));
}

TEST_F(ExportCommandTest, ACsvPlanImportsIntoANewDatabaseAndExportsTheSameAgain)
{
    const QString first = dir.file(QStringLiteral("first.csv"));
    auto r = exportTo(first, {QStringLiteral("--review"), QStringLiteral("Child X"),
                              QStringLiteral("--format"), QStringLiteral("csv")});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();

    const QString copy = dir.file(QStringLiteral("copy.rtdb"));
    r = runCli({QStringLiteral("import"), QStringLiteral("--db"), copy, first});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();

    const QString second = dir.file(QStringLiteral("second.csv"));
    r = runCli({QStringLiteral("export"), QStringLiteral("--db"), copy, QStringLiteral("-o"), second,
                QStringLiteral("--as-of"), QStringLiteral("2024-06-30"), QStringLiteral("--review"),
                QStringLiteral("Child X"), QStringLiteral("--format"), QStringLiteral("csv")});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    const QByteArray a = test::readAll(first);
    const QByteArray b = test::readAll(second);
    EXPECT_GT(a.size(), 5000);
    EXPECT_EQ(QString::fromUtf8(a).toStdString(), QString::fromUtf8(b).toStdString());
}

TEST_F(ExportCommandTest, TheWholeDatabaseRoundTripsThroughJson)
{
    const QString first = dir.file(QStringLiteral("first.json"));
    auto r = runCli({QStringLiteral("export"), QStringLiteral("--db"), dbPath, QStringLiteral("--format"),
                     QStringLiteral("json"), QStringLiteral("-o"), first});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    const QString copy = dir.file(QStringLiteral("copy.rtdb"));
    r = runCli({QStringLiteral("import"), QStringLiteral("--db"), copy, first});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("\"actions\"")));
    const QString second = dir.file(QStringLiteral("second.json"));
    r = runCli({QStringLiteral("export"), QStringLiteral("--db"), copy, QStringLiteral("--format"),
                QStringLiteral("json"), QStringLiteral("--all"), QStringLiteral("-o"), second});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_EQ(test::readAll(first), test::readAll(second));
}

TEST_F(ExportCommandTest, HighlightCsvHasOneRowPerListedAction)
{
    const QString csv = dir.file(QStringLiteral("highlight.csv"));
    const auto r = exportTo(csv, {QStringLiteral("--paper"), QStringLiteral("highlight"),
                                  QStringLiteral("--format"), QStringLiteral("csv")});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    QFile file(csv);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    SheetTable table;
    CsvReader reader;
    ASSERT_TRUE(reader.read(&file, csv, &table)) << reader.errorString().toStdString();
    // The sample has no RAG ratings, so the overdue ones: 20 as of 30/06/2024, plus the header.
    EXPECT_EQ(table.rows.size(), 21);
    EXPECT_EQ(table.text(0, 0), QStringLiteral("Agency"));
}

TEST_F(ExportCommandTest, BadArgumentsAreRefusedAndWriteNothing)
{
    const QString out = dir.file(QStringLiteral("x.pdf"));
    EXPECT_EQ(exportTo(out, {QStringLiteral("--format"), QStringLiteral("pdf")}).code, 1); // nothing chosen
    EXPECT_EQ(
        exportTo(out, {QStringLiteral("--all"), QStringLiteral("--format"), QStringLiteral("odt")}).code, 1);
    EXPECT_EQ(exportTo(out, {QStringLiteral("--review"), QStringLiteral("Child X"), QStringLiteral("--all"),
                             QStringLiteral("--format"), QStringLiteral("pdf")})
                  .code,
              1);
    EXPECT_EQ(exportTo(out, {QStringLiteral("--review"), QStringLiteral("Child X"),
                             QStringLiteral("--format"), QStringLiteral("json")})
                  .code,
              1);
    EXPECT_EQ(exportTo(out, {QStringLiteral("--owner"), QStringLiteral("GCC HoQ"), QStringLiteral("--format"),
                             QStringLiteral("pdf")})
                  .code,
              1);
    EXPECT_EQ(exportTo(out, {QStringLiteral("--paper"), QStringLiteral("minutes"), QStringLiteral("--format"),
                             QStringLiteral("pdf")})
                  .code,
              1);
    const auto unknown = exportTo(out, {QStringLiteral("--review"), QStringLiteral("No such review"),
                                        QStringLiteral("--format"), QStringLiteral("pdf")});
    EXPECT_EQ(unknown.code, 2);
    EXPECT_TRUE(unknown.err.contains(QStringLiteral("No such review")));
    EXPECT_FALSE(QFile::exists(out));

    // A folder that does not exist: a clear error, no file.
    const QString nowhere = dir.file(QStringLiteral("missing/folder/x.pdf"));
    const auto r = exportTo(nowhere, {QStringLiteral("--paper"), QStringLiteral("summary"),
                                      QStringLiteral("--format"), QStringLiteral("pdf")});
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(r.err.contains(nowhere)) << r.err.toStdString();
    EXPECT_FALSE(QFile::exists(nowhere));
}

TEST_F(ExportCommandTest, AWriterThatFailsHalfWayLeavesAnEarlierFileOfThatNameAlone)
{
    const QString out = dir.file(QStringLiteral("summary.pdf"));
    {
        QFile f(out);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("an earlier paper");
    }
    QString error;
    const bool ok = writeFileSafely(
        out,
        [](QIODevice* device, QString* cause) {
            device->write(QByteArray(100000, 'x')); // half a file …
            *cause = QStringLiteral("the disk filled up");
            return false; // … then the writer fails
        },
        &error);
    EXPECT_FALSE(ok);
    EXPECT_TRUE(error.contains(QStringLiteral("the disk filled up")));
    EXPECT_EQ(test::readAll(out), QByteArray("an earlier paper"));
    EXPECT_EQ(QDir(dir.file(QString())).entryList(QDir::Files).filter(QStringLiteral("summary")).size(), 1);
}

} // namespace
