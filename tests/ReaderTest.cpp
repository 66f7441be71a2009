// The readers under the tracker import: CSV as spreadsheets write it, and
// .xlsx workbooks written here with libxlsxwriter (as Excel would).

#include "TestSupport.h"
#include "XlsxFixtureWriter.h"
#include "io/CsvReader.h"
#include "io/SheetTable.h"
#include "io/XlsxReader.h"

#include <QBuffer>
#include <QFile>
#include <gtest/gtest.h>

using namespace rt;

namespace {

SheetCell textCell(const QString& text)
{
    SheetCell c;
    c.text = text;
    return c;
}

bool readCsv(const QByteArray& bytes, SheetTable* out, QString* error = nullptr)
{
    QBuffer buffer;
    buffer.setData(bytes);
    CsvReader reader;
    const bool ok = reader.read(&buffer, QStringLiteral("tracker.csv"), out);
    if (error)
        *error = reader.errorString();
    return ok;
}

QStringList rowTexts(const SheetTable& t, int row)
{
    QStringList texts;
    for (const SheetCell& c : t.rows.value(row))
        texts << c.text;
    return texts;
}

bool readXlsx(const QString& path, XlsxReader* reader)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    return reader->read(&f, QStringLiteral("tracker.xlsx"));
}

// CRC-32 (IEEE), for the hand-made zip below.
quint32 crc32(const QByteArray& data)
{
    quint32 crc = 0xFFFFFFFFu;
    for (const char ch : data) {
        crc ^= quint8(ch);
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

void put16(QByteArray& b, quint16 v)
{
    b.append(char(v & 0xFF)).append(char(v >> 8));
}
void put32(QByteArray& b, quint32 v)
{
    put16(b, quint16(v & 0xFFFF));
    put16(b, quint16(v >> 16));
}

// A zip holding the given files uncompressed ("stored"), as any zip tool
// could write: enough to be a zip that is not a workbook.
QByteArray storedZip(const QList<QPair<QByteArray, QByteArray>>& files)
{
    QByteArray zip, central;
    for (const auto& [name, data] : files) {
        const quint32 offset = quint32(zip.size());
        const quint32 crc = crc32(data);
        put32(zip, 0x04034b50);
        put16(zip, 20);
        put16(zip, 0);
        put16(zip, 0); // stored
        put16(zip, 0);
        put16(zip, 0x21);
        put32(zip, crc);
        put32(zip, quint32(data.size()));
        put32(zip, quint32(data.size()));
        put16(zip, quint16(name.size()));
        put16(zip, 0);
        zip += name;
        zip += data;
        put32(central, 0x02014b50);
        put16(central, 20);
        put16(central, 20);
        put16(central, 0);
        put16(central, 0);
        put16(central, 0);
        put16(central, 0x21);
        put32(central, crc);
        put32(central, quint32(data.size()));
        put32(central, quint32(data.size()));
        put16(central, quint16(name.size()));
        put16(central, 0);
        put16(central, 0);
        put16(central, 0);
        put16(central, 0);
        put32(central, 0);
        put32(central, offset);
        central += name;
    }
    const quint32 centralOffset = quint32(zip.size());
    zip += central;
    put32(zip, 0x06054b50);
    put16(zip, 0);
    put16(zip, 0);
    put16(zip, quint16(files.size()));
    put16(zip, quint16(files.size()));
    put32(zip, quint32(central.size()));
    put32(zip, centralOffset);
    put16(zip, 0);
    return zip;
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

} // namespace

TEST(SheetTable, ColumnLettersAndReferences)
{
    EXPECT_EQ(SheetTable::columnLetter(0), QStringLiteral("A"));
    EXPECT_EQ(SheetTable::columnLetter(25), QStringLiteral("Z"));
    EXPECT_EQ(SheetTable::columnLetter(26), QStringLiteral("AA"));
    EXPECT_EQ(SheetTable::columnLetter(51), QStringLiteral("AZ"));
    EXPECT_EQ(SheetTable::columnLetter(52), QStringLiteral("BA"));
    EXPECT_EQ(SheetTable::columnLetter(16383), QStringLiteral("XFD"));
    EXPECT_EQ(SheetTable::columnFromReference(u"C7"), 2);
    EXPECT_EQ(SheetTable::columnFromReference(u"AA1"), 26);
    EXPECT_EQ(SheetTable::columnFromReference(u"XFD1048576"), 16383);
    EXPECT_EQ(SheetTable::columnFromReference(u"7"), -1);

    SheetTable t;
    t.rows = {{textCell(QStringLiteral("a"))}};
    EXPECT_EQ(t.text(0, 0), QStringLiteral("a"));
    EXPECT_EQ(t.text(0, 5), QString());
    EXPECT_EQ(t.text(3, 0), QString());
}

TEST(SheetTable, ExcelSerialsAreDays)
{
    SheetCell c;
    c.isDate = true;
    c.number = 45382; // Excel shows 31/03/2024
    EXPECT_EQ(c.date(), QDate(2024, 3, 31));
    c.number = 45382.75; // 18:00 the same day
    EXPECT_EQ(c.date(), QDate(2024, 3, 31));
    c.number = 1;
    EXPECT_EQ(c.date(), QDate(1900, 1, 1));
    c.number = 61;
    EXPECT_EQ(c.date(), QDate(1900, 3, 1));
    c.isDate = false;
    EXPECT_FALSE(c.date().isValid());
}

TEST(CsvReader, ReadsWithAndWithoutByteOrderMarkAndAnyLineEnd)
{
    const QByteArray body = "Review,Rec No,Action\r\nChild X,1,Write the guidance\r\n";
    for (const QByteArray& bytes :
         {body, QByteArray("\xEF\xBB\xBF") + body, QByteArray(body).replace("\r\n", "\n")}) {
        SheetTable t;
        ASSERT_TRUE(readCsv(bytes, &t));
        ASSERT_EQ(t.rows.size(), 2);
        EXPECT_EQ(rowTexts(t, 0), (QStringList{QStringLiteral("Review"), QStringLiteral("Rec No"),
                                               QStringLiteral("Action")}));
        EXPECT_EQ(t.text(1, 0), QStringLiteral("Child X"));
        EXPECT_EQ(t.text(1, 2), QStringLiteral("Write the guidance"));
    }
    SheetTable t;
    ASSERT_TRUE(readCsv("a,b\nc,d", &t)); // no line break at the end
    EXPECT_EQ(t.rows.size(), 2);
    EXPECT_EQ(t.text(1, 1), QStringLiteral("d"));
    EXPECT_EQ(t.name, QStringLiteral("tracker.csv"));
}

TEST(CsvReader, QuotedCellsHoldCommasQuotesAndLineBreaks)
{
    SheetTable t;
    ASSERT_TRUE(readCsv("A,B,C\r\n\"Zoë, “the child”\",\"She said \"\"no\"\"\",\"line one\r\nline two\nline "
                        "three\"\r\nlast,,\"\"\r\n",
                        &t));
    ASSERT_EQ(t.rows.size(), 3);
    EXPECT_EQ(t.text(1, 0), QStringLiteral("Zoë, “the child”"));
    EXPECT_EQ(t.text(1, 1), QStringLiteral("She said \"no\""));
    EXPECT_EQ(t.text(1, 2), QStringLiteral("line one\nline two\nline three"));
    EXPECT_EQ(rowTexts(t, 2), (QStringList{QStringLiteral("last"), QString(), QString()}));
}

TEST(CsvReader, KeepsBlankLinesAsRowsSoRowNumbersMatchTheSpreadsheet)
{
    SheetTable t;
    ASSERT_TRUE(readCsv("Title\n\nReview,Action\n", &t));
    ASSERT_EQ(t.rows.size(), 3);
    EXPECT_EQ(t.text(2, 0), QStringLiteral("Review"));
}

TEST(CsvReader, StripsTheApostropheThatProtectsAFormula)
{
    SheetTable t;
    ASSERT_TRUE(readCsv("'=SUM(A1),'+44 1452,'-1,'@home,'tis,it's\n", &t));
    EXPECT_EQ(rowTexts(t, 0),
              (QStringList{QStringLiteral("=SUM(A1)"), QStringLiteral("+44 1452"), QStringLiteral("-1"),
                           QStringLiteral("@home"), QStringLiteral("'tis"), QStringLiteral("it's")}));
}

TEST(CsvReader, ReadsSemicolonSeparatedFiles)
{
    SheetTable t;
    ASSERT_TRUE(readCsv("Review;Action;Target\nChild X;\"Write; then check\";March 2024\n", &t));
    EXPECT_EQ(t.text(1, 1), QStringLiteral("Write; then check"));
    EXPECT_EQ(t.text(1, 2), QStringLiteral("March 2024"));
    // A title row with a semicolon does not make a comma file semicolon-separated.
    ASSERT_TRUE(readCsv("Tracker; kept monthly\nReview,Action,Target\nChild X,Write it,March 2024\n", &t));
    EXPECT_EQ(t.text(0, 0), QStringLiteral("Tracker; kept monthly"));
    EXPECT_EQ(t.text(2, 1), QStringLiteral("Write it"));
}

TEST(CsvReader, InvalidUtf8IsRefusedNamingTheLine)
{
    SheetTable t;
    QString error;
    EXPECT_FALSE(readCsv("Review,Action\nChild X,ok\nZo\xEB,Latin-1 here\n", &t, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("tracker.csv"))) << error.toStdString();
    EXPECT_TRUE(error.contains(QStringLiteral("line 3"))) << error.toStdString();
    EXPECT_TRUE(error.contains(QStringLiteral("UTF-8"))) << error.toStdString();
}

TEST(CsvReader, AnUnclosedQuoteIsRefusedNamingTheLineItOpensOn)
{
    SheetTable t;
    QString error;
    EXPECT_FALSE(readCsv("Review,Action\nChild X,\"never closed\nmore\nmore\n", &t, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("line 2"))) << error.toStdString();
    EXPECT_TRUE(error.contains(QStringLiteral("never closed"))) << error.toStdString();
    EXPECT_TRUE(t.rows.isEmpty());
}

TEST(XlsxReader, ReadsStringsNumbersDatesAndBlanksOfEverySheet)
{
    test::TempDir dir;
    const QString path = dir.file(QStringLiteral("book.xlsx"));
    lxw_workbook* wb = lxw::workbook_new(path.toUtf8().constData());
    lxw_format* dayFormat = lxw::workbook_add_format(wb);
    lxw::format_set_num_format(dayFormat, "dd/mm/yyyy");
    lxw_format* monthFormat = lxw::workbook_add_format(wb);
    lxw::format_set_num_format(monthFormat, "mmm-yy");
    lxw_format* builtIn = lxw::workbook_add_format(wb);
    lxw::format_set_num_format_index(builtIn, 14);
    lxw_format* money = lxw::workbook_add_format(wb);
    lxw::format_set_num_format(money, "\"£\"#,##0.00");
    lxw_format* bold = lxw::workbook_add_format(wb);
    lxw::format_set_bold(bold);

    lxw_worksheet* first = lxw::workbook_add_worksheet(wb, "Tracker");
    lxw::worksheet_write_string(first, 0, 0, "Review", nullptr);
    lxw::worksheet_write_string(first, 0, 2, "Target", nullptr); // B1 left out
    lxw::worksheet_write_string(first, 2, 0, "Zoë “quoted”", nullptr);
    lxw::worksheet_write_number(first, 2, 1, 12.5, nullptr);
    lxw_datetime day = {2024, 3, 31, 0, 0, 0};
    lxw::worksheet_write_datetime(first, 2, 2, &day, dayFormat);
    lxw_datetime month = {2024, 3, 1, 0, 0, 0};
    lxw::worksheet_write_datetime(first, 2, 3, &month, monthFormat);
    lxw::worksheet_write_datetime(first, 2, 4, &day, builtIn);
    lxw::worksheet_write_number(first, 2, 5, 1250, money);
    lxw::worksheet_write_boolean(first, 2, 6, 1, nullptr);
    lxw_rich_string_tuple plain = {nullptr, const_cast<char*>("Rich ")};
    lxw_rich_string_tuple strong = {bold, const_cast<char*>("text")};
    lxw_rich_string_tuple* rich[] = {&plain, &strong, nullptr};
    lxw::worksheet_write_rich_string(first, 3, 27, rich, nullptr); // AB4
    lxw::worksheet_write_string(first, 4, 0, "line one\nline two", nullptr);

    lxw_worksheet* second = lxw::workbook_add_worksheet(wb, "Notes");
    lxw::worksheet_write_string(second, 1, 1, "On the second sheet", nullptr);
    ASSERT_EQ(lxw::workbook_close(wb), LXW_NO_ERROR);

    XlsxReader reader;
    ASSERT_TRUE(readXlsx(path, &reader)) << reader.errorString().toStdString();
    ASSERT_EQ(reader.sheetNames(), (QStringList{QStringLiteral("Tracker"), QStringLiteral("Notes")}));
    const SheetTable& t = reader.sheets().at(0);
    EXPECT_EQ(t.name, QStringLiteral("Tracker"));
    EXPECT_EQ(t.text(0, 0), QStringLiteral("Review"));
    EXPECT_EQ(t.text(0, 1), QString()); // the cell left out between
    EXPECT_EQ(t.text(0, 2), QStringLiteral("Target"));
    EXPECT_TRUE(t.rows.at(1).isEmpty()); // row 2 left out altogether
    EXPECT_EQ(t.text(2, 0), QStringLiteral("Zoë “quoted”"));

    const SheetCell& number = t.rows.at(2).at(1);
    EXPECT_EQ(number.text, QStringLiteral("12.5"));
    ASSERT_TRUE(number.number.has_value());
    EXPECT_DOUBLE_EQ(*number.number, 12.5);
    EXPECT_FALSE(number.isDate);

    const SheetCell& dayCell = t.rows.at(2).at(2);
    EXPECT_TRUE(dayCell.isDate);
    EXPECT_EQ(dayCell.text, QStringLiteral("45382"));
    EXPECT_EQ(dayCell.date(), QDate(2024, 3, 31));
    EXPECT_EQ(dayCell.format, QStringLiteral("dd/mm/yyyy"));
    const SheetCell& monthCell = t.rows.at(2).at(3);
    EXPECT_TRUE(monthCell.isDate);
    EXPECT_EQ(monthCell.date(), QDate(2024, 3, 1));
    EXPECT_EQ(monthCell.format, QStringLiteral("mmm-yy"));
    EXPECT_TRUE(t.rows.at(2).at(4).isDate); // built-in format 14
    EXPECT_FALSE(t.rows.at(2).at(5).isDate) << "a currency format is not a date";
    EXPECT_EQ(t.text(2, 6), QStringLiteral("TRUE"));
    EXPECT_EQ(t.text(3, 27), QStringLiteral("Rich text")); // both runs of AB4
    EXPECT_EQ(t.text(4, 0), QStringLiteral("line one\nline two"));

    const SheetTable& notes = reader.sheets().at(1);
    EXPECT_EQ(notes.text(1, 1), QStringLiteral("On the second sheet"));
    EXPECT_EQ(notes.text(0, 0), QString());
}

TEST(XlsxReader, ReadsInlineStringsAndFillsMergedAreas)
{
    test::TempDir dir;
    const QString path = dir.file(QStringLiteral("inline.xlsx"));
    // constant_memory makes libxlsxwriter write inline strings, as some
    // exporting programs do.
    lxw_workbook_options options = {LXW_TRUE, nullptr, LXW_FALSE};
    lxw_workbook* wb = lxw::workbook_new_opt(path.toUtf8().constData(), &options);
    lxw_worksheet* ws = lxw::workbook_add_worksheet(wb, "Inline");
    lxw::worksheet_write_string(ws, 0, 0, "Inline text", nullptr);
    lxw::worksheet_write_string(ws, 0, 3, "After a gap", nullptr);
    ASSERT_EQ(lxw::workbook_close(wb), LXW_NO_ERROR);
    XlsxReader reader;
    ASSERT_TRUE(readXlsx(path, &reader)) << reader.errorString().toStdString();
    EXPECT_EQ(reader.sheets().at(0).text(0, 0), QStringLiteral("Inline text"));
    EXPECT_EQ(reader.sheets().at(0).text(0, 3), QStringLiteral("After a gap"));

    const QString merged = dir.file(QStringLiteral("merged.xlsx"));
    wb = lxw::workbook_new(merged.toUtf8().constData());
    ws = lxw::workbook_add_worksheet(wb, nullptr);
    lxw::worksheet_merge_range(ws, 1, 0, 3, 0, "Child X", nullptr);
    lxw::worksheet_write_string(ws, 2, 1, "second row", nullptr);
    ASSERT_EQ(lxw::workbook_close(wb), LXW_NO_ERROR);
    ASSERT_TRUE(readXlsx(merged, &reader)) << reader.errorString().toStdString();
    const SheetTable& t = reader.sheets().at(0);
    EXPECT_EQ(t.text(1, 0), QStringLiteral("Child X"));
    EXPECT_EQ(t.text(2, 0), QStringLiteral("Child X"));
    EXPECT_EQ(t.text(3, 0), QStringLiteral("Child X"));
    EXPECT_EQ(t.text(4, 0), QString());
    EXPECT_EQ(t.text(2, 1), QStringLiteral("second row"));
}

TEST(XlsxReader, SomethingElseIsRefusedWithAClearReason)
{
    test::TempDir dir;
    XlsxReader reader;

    const QString text = dir.file(QStringLiteral("not-a-zip.xlsx"));
    writeFile(text, "Review,Action\nChild X,Write it\n");
    EXPECT_FALSE(readXlsx(text, &reader));
    EXPECT_TRUE(reader.errorString().contains(QStringLiteral("not a zip file")))
        << reader.errorString().toStdString();
    EXPECT_TRUE(reader.errorString().startsWith(QStringLiteral("tracker.xlsx")));

    const QString zip = dir.file(QStringLiteral("zip.xlsx"));
    writeFile(zip, storedZip({{"readme.txt", "not a workbook"}}));
    EXPECT_FALSE(readXlsx(zip, &reader));
    EXPECT_TRUE(reader.errorString().contains(QStringLiteral("xl/workbook.xml is missing")))
        << reader.errorString().toStdString();

    const QString damaged = dir.file(QStringLiteral("damaged.xlsx"));
    writeFile(damaged, storedZip({{"xl/workbook.xml", "<workbook><sheets><sheet name=\"A\""}}));
    EXPECT_FALSE(readXlsx(damaged, &reader));
    EXPECT_TRUE(reader.errorString().contains(QStringLiteral("xl/workbook.xml is damaged")))
        << reader.errorString().toStdString();
    EXPECT_TRUE(reader.sheets().isEmpty());
}
