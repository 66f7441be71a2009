// Hostile and broken input through the real importers, the database and the
// exporters: huge text, control characters, right-to-left text and emoji,
// bytes that are not UTF-8, cells that look like formulas, and damaged,
// truncated or zip-bomb workbooks. Each must be kept exactly, neutralised, or
// refused with an error naming the place, and never take the memory there is.

#include "CliSupport.h"
#include "HostileInputSupport.h"
#include "TestSupport.h"
#include "core/TargetDate.h"
#include "db/ActionRepository.h"
#include "io/CsvReader.h"
#include "io/XlsxPaperWriter.h"
#include "io/XlsxReader.h"

#include <QBuffer>
#include <QFile>
#include <QRegularExpression>
#include <gtest/gtest.h>

using namespace rt;
using rt::test::runCli;
using rt::test::scalar;
using rt::test::text;
using namespace rt::test; // HostileInputSupport.h

namespace {

QString u8(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

void writeBytes(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly)) << path.toStdString();
    ASSERT_EQ(f.write(bytes), bytes.size());
}

// A CSV file as Excel's "CSV UTF-8" writes it, every cell quoted.
QByteArray csvBytes(const QList<QStringList>& rows)
{
    QByteArray out("\xEF\xBB\xBF");
    for (const QStringList& row : rows) {
        QStringList cells;
        for (QString cell : row)
            cells << QLatin1Char('"') + cell.replace(QLatin1Char('"'), QLatin1String("\"\"")) +
                         QLatin1Char('"');
        out += cells.join(QLatin1Char(',')).toUtf8() + "\r\n";
    }
    return out;
}

const QStringList kHeaders = {QStringLiteral("Review"),         QStringLiteral("Rec No"),
                              QStringLiteral("Recommendation"), QStringLiteral("Action"),
                              QStringLiteral("Owner"),          QStringLiteral("Target Date")};

// A tracker of one review and recommendation, an action per text.
QByteArray trackerCsv(const QString& review, const QStringList& actions, const QString& owner = QString())
{
    QList<QStringList> rows{kHeaders};
    for (const QString& action : actions)
        rows << QStringList{review, QStringLiteral("1"),         QStringLiteral("Keep the plan"), action,
                            owner,  QStringLiteral("March 2025")};
    return csvBytes(rows);
}

test::CliResult importInto(const QString& db, const QString& file)
{
    return runCli({QStringLiteral("import"), QStringLiteral("--db"), db, file});
}

test::CliResult exportReview(const QString& db, const QString& review, const QString& format,
                             const QString& out)
{
    return runCli({QStringLiteral("export"), QStringLiteral("--db"), db, QStringLiteral("--review"), review,
                   QStringLiteral("--format"), format, QStringLiteral("-o"), out, QStringLiteral("--as-of"),
                   QStringLiteral("2024-06-30")});
}

} // namespace

TEST(HostileInput, AMegabyteOfActionTextIsSavedReadBackAndExported)
{
    test::TempDir dir;
    const QString db = dir.file(QStringLiteral("big.rtdb"));
    const QString csv = dir.file(QStringLiteral("tracker.csv"));
    writeBytes(csv, trackerCsv(QStringLiteral("Big Review"), {QStringLiteral("Short for now")}));
    ASSERT_EQ(importInto(db, csv).code, 0);

    // 1 MiB of text: words, line breaks and non-ASCII letters, as a pasted report has.
    QString big;
    for (int line = 1; big.size() < 1024 * 1024; ++line)
        big += u8("Zoë’s step %1: agree the plan, review it with the “panel”, and report.\n").arg(line);
    big.truncate(1024 * 1024 - 1);
    big += QLatin1Char('.');
    {
        Database database;
        ASSERT_TRUE(database.open(db, Database::OpenMode::ReadWrite)) << database.errorString().toStdString();
        const qint64 id = scalar(database, QStringLiteral("SELECT id FROM actions"));
        ActionRepository actions(database.connection());
        ASSERT_TRUE(actions.setField(id, ActionRepository::Field::Text, big))
            << actions.errorString().toStdString();
        EXPECT_EQ(text(database, QStringLiteral("SELECT text FROM actions WHERE id = %1").arg(id)), big);
    }

    // CSV: all of it, exactly.
    const QString csvOut = dir.file(QStringLiteral("big.csv"));
    auto r = exportReview(db, QStringLiteral("Big Review"), QStringLiteral("csv"), csvOut);
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    SheetTable table;
    CsvReader reader;
    QFile csvFile(csvOut);
    ASSERT_TRUE(reader.read(&csvFile, QStringLiteral("big.csv"), &table))
        << reader.errorString().toStdString();
    bool found = false;
    for (const QVector<SheetCell>& row : table.rows)
        for (const SheetCell& cell : row)
            found |= cell.text == big;
    EXPECT_TRUE(found) << "the CSV export does not hold the whole text";

    // Excel: a cell holds 32,767 characters; the cell is cut and says so,
    // and the workbook is whole.
    const QString xlsx = dir.file(QStringLiteral("big.xlsx"));
    r = exportReview(db, QStringLiteral("Big Review"), QStringLiteral("xlsx"), xlsx);
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_EQ(xmlProblems(xlsx), QString());
    const QStringList cells = xlsxCells(xlsx);
    const auto cut = std::find_if(cells.begin(), cells.end(),
                                  [&](const QString& c) { return c.startsWith(big.left(1000)); });
    ASSERT_NE(cut, cells.end());
    EXPECT_LE(cut->size(), XlsxPaperWriter::kMaxCellLength);
    EXPECT_TRUE(big.startsWith(cut->left(cut->indexOf(u8(" … [cut")))));
    EXPECT_TRUE(
        cut->contains(QStringLiteral("cut to fit an Excel cell: the whole text is 1048576 characters")))
        << cut->right(200).toStdString();

    const QString pdf = dir.file(QStringLiteral("big.pdf"));
    r = exportReview(db, QStringLiteral("Big Review"), QStringLiteral("pdf"), pdf);
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_TRUE(test::readAll(pdf).startsWith("%PDF-"));
}

TEST(HostileInput, ExcelCellTextIsCutWholeCharactersAndKeepsEscapesLiteral)
{
    // An emoji (two UTF-16 units) across the limit is not split.
    const QString emoji = u8("😀");
    QString text = QString(XlsxPaperWriter::kMaxCellLength, QLatin1Char('a')) + emoji.repeated(10);
    QString cell = XlsxPaperWriter::cellText(text);
    EXPECT_LE(cell.size(), XlsxPaperWriter::kMaxCellLength);
    for (qsizetype i = 0; i < cell.size(); ++i)
        ASSERT_FALSE(cell.at(i).isHighSurrogate() &&
                     (i + 1 == cell.size() || !cell.at(i + 1).isLowSurrogate()));
    text = QString(XlsxPaperWriter::kMaxCellLength - 200, QLatin1Char('b')) + emoji.repeated(300);
    cell = XlsxPaperWriter::cellText(text);
    EXPECT_LE(cell.size(), XlsxPaperWriter::kMaxCellLength);
    EXPECT_FALSE(cell.contains(QChar(0xFFFD)));
    // Short text passes as it is, but for a NUL and Excel's own escapes.
    EXPECT_EQ(XlsxPaperWriter::cellText(u8("Zoë 😀")), u8("Zoë 😀"));
    EXPECT_EQ(XlsxPaperWriter::cellText(QStringLiteral("a") + QChar(0) + QStringLiteral("b")),
              QStringLiteral("ab"));
    EXPECT_EQ(XlsxPaperWriter::cellText(QStringLiteral("code _x0041_ here")),
              QStringLiteral("code _x005F_x0041_ here"));
}

TEST(HostileInput, ControlCharactersImportAndEveryExportStaysWellFormed)
{
    test::TempDir dir;
    const QString db = dir.file(QStringLiteral("ctl.rtdb"));
    const QString csv = dir.file(QStringLiteral("ctl.csv"));
    const QString bell = QStringLiteral("Bell\x01 escape \x1b[31m red, delete\x7f end");
    const QString nul = QStringLiteral("Nul") + QChar(0) + QStringLiteral(" inside");
    const QString loneCr = QStringLiteral("Lone\rCR inside"); // a quoted cell's CR is a line break
    writeBytes(csv, trackerCsv(QStringLiteral("Control Review"), {bell, nul, loneCr},
                               QStringLiteral("Owner\x02 Team")));
    auto r = importInto(db, csv);
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    {
        Database database;
        ASSERT_TRUE(database.open(db, Database::OpenMode::ReadWrite));
        // Kept as written: the program stores what the tracker said.
        EXPECT_EQ(text(database, QStringLiteral("SELECT text FROM actions WHERE text LIKE 'Bell%'")), bell);
        EXPECT_EQ(text(database, QStringLiteral("SELECT text FROM actions WHERE text LIKE 'Nul%'")), nul);
        EXPECT_EQ(text(database, QStringLiteral("SELECT text FROM actions WHERE text LIKE 'Lone%'")),
                  QStringLiteral("Lone\nCR inside"));
    }
    for (const QString& format : {QStringLiteral("xlsx"), QStringLiteral("docx")}) {
        const QString out = dir.file(QStringLiteral("ctl.") + format);
        r = exportReview(db, QStringLiteral("Control Review"), format, out);
        ASSERT_EQ(r.code, 0) << format.toStdString() << ": " << r.err.toStdString();
        EXPECT_EQ(xmlProblems(out), QString()) << format.toStdString();
    }
    // Excel escapes them (_x0001_) and reading the workbook back gives them
    // back; the NUL alone is left out.
    const QStringList cells = xlsxCells(dir.file(QStringLiteral("ctl.xlsx")));
    EXPECT_TRUE(cells.contains(bell));
    EXPECT_TRUE(cells.contains(QStringLiteral("Nul inside")));
    for (const QString& format : {QStringLiteral("csv"), QStringLiteral("pdf"), QStringLiteral("html")}) {
        r = exportReview(db, QStringLiteral("Control Review"), format,
                         dir.file(QStringLiteral("ctl.") + format));
        EXPECT_EQ(r.code, 0) << format.toStdString() << ": " << r.err.toStdString();
    }
    EXPECT_TRUE(rawCsvCells(test::readAll(dir.file(QStringLiteral("ctl.csv")))).contains(bell));

    const QString returns = dir.file(QStringLiteral("return.xlsx"));
    r = runCli({QStringLiteral("export"), QStringLiteral("--db"), db, QStringLiteral("--owner"),
                QStringLiteral("Owner\x02 Team"), QStringLiteral("--format"), QStringLiteral("xlsx"),
                QStringLiteral("-o"), returns});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_EQ(xmlProblems(returns), QString());
}

TEST(HostileInput, RightToLeftTextAndEmojiRoundTripByteForByte)
{
    test::TempDir dir;
    const QString db = dir.file(QStringLiteral("rtl.rtdb"));
    const QString csv = dir.file(QStringLiteral("rtl.csv"));
    const QStringList texts = {
        u8("مراجعة حالة الطفل: خطة العمل ١٢٣"), // Arabic, Arabic-Indic digits
        u8("תוכנית פעולה לילד — שלב 2"),        // Hebrew with a Latin digit
        u8("👩🏽‍⚕️ leads, 🇬🇧 partners ✅ done 👨‍👩‍👧"), // ZWJ sequences, skin
                                                                                      // tone, flag
        u8("Mixed \u200Fאבג\u200E (GCC) \u202Eevil\u202C text"), // bidi marks and overrides
        u8("Cafe\u0301 and café, ﬁne and ＦＵＬＬ"),             // not normalised: both é kept
    };
    writeBytes(csv, trackerCsv(u8("Child Ж מ"), texts, u8("مالك / Owner 😀")));
    auto r = importInto(db, csv);
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    {
        Database database;
        ASSERT_TRUE(database.open(db, Database::OpenMode::ReadWrite));
        for (int i = 0; i < texts.size(); ++i)
            EXPECT_EQ(text(database,
                           QStringLiteral("SELECT text FROM actions ORDER BY id LIMIT 1 OFFSET %1").arg(i))
                          .toUtf8(),
                      texts.at(i).toUtf8());
    }
    const QString out = dir.file(QStringLiteral("out.csv"));
    r = exportReview(db, u8("Child Ж מ"), QStringLiteral("csv"), out);
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    const QByteArray bytes = test::readAll(out);
    for (const QString& t : texts)
        EXPECT_TRUE(bytes.contains(t.toUtf8())) << t.toStdString();
    EXPECT_TRUE(bytes.contains(u8("مالك").toUtf8()));
}

TEST(HostileInput, BytesThatAreNotUtf8AreRefusedNamingRowAndColumn)
{
    test::TempDir dir;
    const QString db = dir.file(QStringLiteral("bad.rtdb"));
    const QString csv = dir.file(QStringLiteral("latin1.csv"));
    // Row 2 has a cell over two lines, so row 3 starts on line 4.
    writeBytes(csv, "Review,Rec No,Recommendation,Action\n"
                    "Child X,1,\"two\nlines\",Act\n"
                    "Child X,2,Zo\xEB wrote this,Act\n");
    const auto r = importInto(db, csv);
    EXPECT_EQ(r.code, 2);
    for (const char* part : {"latin1.csv", "line 4", "row 3", "column C", "0xEB", "UTF-8"})
        EXPECT_TRUE(r.err.contains(QLatin1String(part))) << part << " in " << r.err.toStdString();
    if (QFile::exists(db)) {
        Database database;
        ASSERT_TRUE(database.open(db, Database::OpenMode::ReadWrite));
        EXPECT_EQ(scalar(database, QStringLiteral("SELECT count(*) FROM reviews")), 0);
    }
    // Overlong forms, surrogates, a cut sequence and bytes past U+10FFFF are not UTF-8 either.
    for (const QByteArray& bad :
         {QByteArray("a,\xC0\xAF\n"), QByteArray("a,\xED\xA0\x80\n"), QByteArray("a,\xE2\x82"),
          QByteArray("a,\xF4\x90\x80\x80\n"), QByteArray("a,\xFF\n")}) {
        QBuffer buffer;
        buffer.setData(bad);
        SheetTable table;
        CsvReader reader;
        EXPECT_FALSE(reader.read(&buffer, QStringLiteral("x.csv"), &table)) << bad.toHex().toStdString();
        EXPECT_TRUE(reader.errorString().contains(QStringLiteral("row 1, column B")))
            << reader.errorString().toStdString();
        EXPECT_TRUE(table.rows.isEmpty());
    }
}

TEST(HostileInput, FormulaLookingCellsAreNeutralisedInCsvAndStringsInXlsx)
{
    test::TempDir dir;
    const QString db = dir.file(QStringLiteral("formula.rtdb"));
    const QString csv = dir.file(QStringLiteral("formula.csv"));
    const QStringList formulas = {QStringLiteral("=HYPERLINK(\"http://x\",\"click\")"),
                                  QStringLiteral("+cmd|' /C calc'!A0"), QStringLiteral("-2+3"),
                                  QStringLiteral("@SUM(A1)")};
    writeBytes(csv, trackerCsv(QStringLiteral("Formula Review"),
                               formulas + QStringList{QStringLiteral("Tab"), QStringLiteral("Cr")},
                               QStringLiteral("=Owner()")));
    auto r = importInto(db, csv);
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    QStringList stored = formulas;
    {
        Database database;
        ASSERT_TRUE(database.open(db, Database::OpenMode::ReadWrite));
        // A leading tab or CR only gets in by editing: the importer trims cells.
        ActionRepository actions(database.connection());
        for (const QString& word : {QStringLiteral("Tab"), QStringLiteral("Cr")}) {
            const qint64 id =
                scalar(database, QStringLiteral("SELECT id FROM actions WHERE text = '%1'").arg(word));
            const QString value =
                (word == QLatin1String("Tab") ? QStringLiteral("\t") : QStringLiteral("\r")) +
                QStringLiteral("=1+1");
            ASSERT_TRUE(actions.setField(id, ActionRepository::Field::Text, value));
            stored << text(database, QStringLiteral("SELECT text FROM actions WHERE id = %1").arg(id));
        }
        for (int i = 0; i < formulas.size(); ++i)
            EXPECT_EQ(
                scalar(database, QStringLiteral("SELECT count(*) FROM actions WHERE text = '%1'")
                                     .arg(QString(formulas.at(i)).replace(u'\'', QStringLiteral("''")))),
                1);
    }
    const QString csvOut = dir.file(QStringLiteral("out.csv"));
    r = exportReview(db, QStringLiteral("Formula Review"), QStringLiteral("csv"), csvOut);
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    const QStringList cells = rawCsvCells(test::readAll(csvOut));
    // The paper shows an action's text trimmed; either way it is protected.
    for (const QString& t : std::as_const(stored))
        EXPECT_TRUE(cells.contains(QLatin1Char('\'') + t) || cells.contains(QLatin1Char('\'') + t.trimmed()))
            << t.toStdString();
    static const QRegularExpression risky(QStringLiteral("^[=+@\\t\\r]|^-(?![0-9.]+$)"));
    for (const QString& cell : cells)
        EXPECT_FALSE(risky.match(cell).hasMatch()) << "not neutralised: " << cell.toStdString();

    // Read back, the apostrophe is not part of the text.
    const QString again = dir.file(QStringLiteral("again.rtdb"));
    r = importInto(again, csvOut);
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    {
        Database database;
        ASSERT_TRUE(database.open(again, Database::OpenMode::ReadWrite));
        for (const QString& f : formulas)
            EXPECT_EQ(scalar(database, QStringLiteral("SELECT count(*) FROM actions WHERE text = '%1'")
                                           .arg(QString(f).replace(u'\'', QStringLiteral("''")))),
                      1)
                << f.toStdString();
    }

    // Excel: string cells, no formula anywhere, in the plan and in an owner's return.
    const QString xlsx = dir.file(QStringLiteral("out.xlsx"));
    r = exportReview(db, QStringLiteral("Formula Review"), QStringLiteral("xlsx"), xlsx);
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    const QString returns = dir.file(QStringLiteral("return.xlsx"));
    r = runCli({QStringLiteral("export"), QStringLiteral("--db"), db, QStringLiteral("--owner"),
                QStringLiteral("=Owner()"), QStringLiteral("--format"), QStringLiteral("xlsx"),
                QStringLiteral("-o"), returns});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    for (const QString& file : {xlsx, returns}) {
        const QByteArray sheets = worksheetXml(file);
        EXPECT_FALSE(sheets.contains("<f>") || sheets.contains("<f ")) << file.toStdString();
        const QStringList read = xlsxCells(file);
        for (const QString& f : formulas)
            EXPECT_TRUE(read.contains(f)) << f.toStdString() << " in " << file.toStdString();
    }
}

TEST(HostileInput, TruncatedAndGarbageWorkbooksAreRefusedAndNothingIsImported)
{
    test::TempDir dir;
    const QString sample = dir.file(QStringLiteral("sample.rtdb"));
    test::sampleDatabase(sample);
    const QString good = dir.file(QStringLiteral("good.xlsx"));
    ASSERT_EQ(exportReview(sample, QStringLiteral("Child X"), QStringLiteral("xlsx"), good).code, 0);
    const QByteArray bytes = test::readAll(good);

    QByteArray brokenSheet =
        workbookBytes("<sheetData><row r=\"1\"><c r=\"A1\" t=\"str\"><v>Review</v></c><row>");
    const QList<QPair<QString, QByteArray>> cases = {
        {QStringLiteral("truncated.xlsx"), bytes.left(bytes.size() * 6 / 10)},
        {QStringLiteral("garbage.xlsx"), QByteArray(4096, '\x5a')},
        {QStringLiteral("empty.xlsx"), QByteArray()},
        {QStringLiteral("csv-named.xlsx"), QByteArray("Review,Action\nChild X,Act\n")},
        // Bytes of the sheet's compressed data overwritten: its CRC no longer matches.
        {QStringLiteral("damaged.xlsx"),
         QByteArray(bytes).replace(bytes.indexOf("xl/worksheets/sheet1.xml") + 80, 64, QByteArray(64, '\0'))},
        {QStringLiteral("bad-xml.xlsx"), brokenSheet},
    };
    for (const auto& [name, content] : cases) {
        const QString file = dir.file(name);
        const QString db = dir.file(name + QStringLiteral(".rtdb"));
        writeBytes(file, content);
        const auto r = importInto(db, file);
        EXPECT_EQ(r.code, 2) << name.toStdString();
        EXPECT_TRUE(r.err.contains(name)) << r.err.toStdString();
        EXPECT_TRUE(r.err.contains(QStringLiteral("not an .xlsx")) ||
                    r.err.contains(QStringLiteral("damaged")))
            << name.toStdString() << ": " << r.err.toStdString();
        if (QFile::exists(db)) {
            Database database;
            ASSERT_TRUE(database.open(db, Database::OpenMode::ReadWrite));
            EXPECT_EQ(scalar(database, QStringLiteral("SELECT count(*) FROM reviews")), 0)
                << name.toStdString();
        }
    }
}

TEST(HostileInput, AZipBombIsRefusedWithoutTakingTheMemory)
{
    QByteArray bomb = sharedStringsBomb(300);
    ASSERT_LT(bomb.size(), 4 * 1024 * 1024) << "a bomb is small";
    XlsxReader reader;
    // The directory says 300 MB: refused before unpacking anything.
    qint64 growth = peakGrowthMb([&] { EXPECT_FALSE(readWorkbook(bomb, &reader)); });
    EXPECT_TRUE(reader.errorString().contains(QStringLiteral("xl/sharedStrings.xml")))
        << reader.errorString().toStdString();
    EXPECT_TRUE(reader.errorString().contains(QStringLiteral("zip bomb")))
        << reader.errorString().toStdString();
    if (growth >= 0) {
        EXPECT_LT(growth, 64);
    }
    EXPECT_TRUE(reader.sheets().isEmpty());

    // The directory lies (1 kB): unpacking stops at the limit.
    claimSize(&bomb, "xl/sharedStrings.xml", 1000);
    growth = peakGrowthMb([&] { EXPECT_FALSE(readWorkbook(bomb, &reader)); });
    EXPECT_TRUE(reader.errorString().contains(QStringLiteral("xl/sharedStrings.xml")))
        << reader.errorString().toStdString();
    if (growth >= 0) {
        EXPECT_LT(growth, 3 * ZipReader::kMaxEntrySize / (1024 * 1024)) << "MB";
    }
}

TEST(HostileInput, HugeSheetsFromTinyXmlAreRefusedAndBlankCellsCostNothing)
{
    XlsxReader reader;
    // One merged area over the whole sheet: 17 billion cells.
    const QByteArray merged =
        workbookBytes("<sheetData><row r=\"1\"><c r=\"A1\" t=\"str\"><v>Child X</v></c></row>"
                      "</sheetData><mergeCells><mergeCell ref=\"A1:XFD1048576\"/></mergeCells>");
    qint64 growth = peakGrowthMb([&] { EXPECT_FALSE(readWorkbook(merged, &reader)); });
    EXPECT_TRUE(reader.errorString().contains(QStringLiteral("sheet “Tracker”")))
        << reader.errorString().toStdString();
    EXPECT_TRUE(reader.errorString().contains(QStringLiteral("2000000 cells")))
        << reader.errorString().toStdString();
    if (growth >= 0) {
        EXPECT_LT(growth, 1024);
    }

    // A border on the last cell Excel has reads as nothing: no million rows.
    ASSERT_TRUE(
        readWorkbook(workbookBytes("<sheetData><row r=\"1\"><c r=\"A1\" t=\"str\"><v>Review</v></c></row>"
                                   "<row r=\"1048576\"><c r=\"XFD1048576\" s=\"1\"/></row></sheetData>"),
                     &reader))
        << reader.errorString().toStdString();
    EXPECT_EQ(reader.sheets().at(0).rows.size(), 1);

    // So many shared strings from a small part is refused too.
    QByteArray many = "<sst>";
    many += QByteArray("<si/>").repeated(XlsxReader::kMaxCells + 1);
    many += "</sst>";
    EXPECT_FALSE(readWorkbook(workbookBytes("<sheetData/>", many), &reader));
    EXPECT_TRUE(reader.errorString().contains(QStringLiteral("strings")))
        << reader.errorString().toStdString();

    // Entities that expand a billion times ("billion laughs") are refused by the XML reader.
    QByteArray laughs = "<?xml version=\"1.0\"?><!DOCTYPE sst [<!ENTITY a \"ha\">";
    for (char c = 'b'; c <= 'k'; ++c) {
        const QByteArray previous = QByteArray("&") + char(c - 1) + ';';
        laughs += QByteArray("<!ENTITY ") + c + " \"" + previous.repeated(10) + "\">";
    }
    laughs += "]><sst><si><t>&k;</t></si></sst>";
    growth =
        peakGrowthMb([&] { EXPECT_FALSE(readWorkbook(workbookBytes("<sheetData/>", laughs), &reader)); });
    EXPECT_TRUE(reader.errorString().contains(QStringLiteral("damaged")))
        << reader.errorString().toStdString();
    if (growth >= 0) {
        EXPECT_LT(growth, 256);
    }
}

TEST(HostileInput, ATargetYearNoSpreadsheetCanHoldIsRefused)
{
    TargetDate t;
    QString error;
    // Day first like every other form, and as implausible as "0024" alone.
    EXPECT_FALSE(TargetDate::parse(QStringLiteral("31/03/0024"), &t, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("24"))) << error.toStdString();
    EXPECT_FALSE(TargetDate::parse(QStringLiteral("01/01/9999"), &t, &error));
    EXPECT_TRUE(TargetDate::parse(QStringLiteral("31/03/2024"), &t, &error));
    EXPECT_TRUE(TargetDate::parse(QStringLiteral("31/3/24"), &t, &error));
}

TEST(HostileInput, DateCellsOutsideEveryCalendarReadAsNoDate)
{
    // Style 1 shows a date; the serials are none a calendar has. Turning
    // them into a whole number of days was undefined behaviour (UBSan).
    const QByteArray styles =
        "<styleSheet><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>";
    const QByteArray sheet =
        "<sheetData><row r=\"1\"><c r=\"A1\" s=\"1\"><v>1e300</v></c>"
        "<c r=\"B1\" s=\"1\"><v>-1e300</v></c><c r=\"C1\" s=\"1\"><v>nan</v></c>"
        "<c r=\"D1\" s=\"1\"><v>inf</v></c><c r=\"E1\" s=\"1\"><v>45382</v></c></row></sheetData>";
    XlsxReader reader;
    ASSERT_TRUE(readWorkbook(workbookBytes(sheet, QByteArray(), styles), &reader))
        << reader.errorString().toStdString();
    const QVector<SheetCell>& cells = reader.sheets().at(0).rows.at(0);
    ASSERT_EQ(cells.size(), 5);
    for (int c = 0; c < 4; ++c) {
        if (cells.at(c).number) { // "nan" and "inf" may not read as numbers at all
            EXPECT_TRUE(cells.at(c).isDate) << c;
            EXPECT_FALSE(cells.at(c).date().isValid()) << c;
        }
    }
    EXPECT_EQ(cells.at(4).date(), QDate(2024, 3, 31));
}
