#pragma once

// The papers the writer tests write, and the independent readers they check
// the files with: poppler's pdftotext / pdfinfo for PDF, libzip and an XML
// reader for Word and Excel. Only PaperWriterTest.cpp includes it.

#include "TestSupport.h"
#include "io/Paper.h"
#include "io/PaperWriter.h"
#include "io/ZipArchive.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QXmlStreamReader>
#include <gtest/gtest.h>

// Readable failure messages.
inline void PrintTo(const QString& s, std::ostream* os)
{
    *os << '"' << s.toStdString() << '"';
}

namespace rt::papertest {

inline const QString kAction = QStringLiteral(
    "Develop a clear set of safe standard operating procedures for the setting up, management and delivery "
    "of crisis care packages, that may be unregistered, when this option is required as a last resort. In "
    "parallel ensure clear guidance, staff training and partnership wide understanding of the arrangements "
    "is communicated across the partnership.");
inline const QString kUpdate = QStringLiteral(
    "The AD Integrated Commissioning has undertaken a functional review of the whole Hub inclusive of "
    "Placements. Improvements following include: integration of the CQAT team in Placements, introduction "
    "of ContrOcc to improve commissioning, designated staff portfolios. The refresh of CYPMARP and the daily "
    "directors’ sign-off meetings add further decision-making oversight and ‘quality assurance’ of "
    "provision.");
inline const QString kOwners[] = {QStringLiteral("Interim Assistant Director Commissioning"),
                                  QStringLiteral("Zoë Hartley-Smith, Head of Quality"),
                                  QStringLiteral("GSCP Business Unit / Designated Nurse"),
                                  QStringLiteral("Constabulary Detective Superintendent")};

struct Expected
{
    QString number;
    QString owner;
    QString target;
};

// Columns as the published plans have them, plus the spreadsheet's filter columns.
inline QVector<PaperColumn> planColumns()
{
    using Use = PaperColumn::Use;
    return {
        {QStringLiteral("#"), 0.45, 6, Use::Everywhere, true},
        {QStringLiteral("Recommendation"), 2.2, 50, Use::Everywhere, true},
        {QStringLiteral("Agreed / Partly Agreed / Not Agreed"), 0.9, 14, Use::Everywhere, true},
        {QStringLiteral("Response Action Taken/Planned"), 3.6, 60, Use::DocumentOnly, false},
        {QStringLiteral("Action"), 1, 60, Use::SpreadsheetOnly, false},
        {QStringLiteral("Latest update"), 1, 60, Use::SpreadsheetOnly, false},
        {QStringLiteral("Responsible Owner"), 1.3, 30, Use::Everywhere, false},
        {QStringLiteral("Target Date"), 0.8, 12, Use::Everywhere, false},
        {QStringLiteral("Status"), 0.8, 12, Use::Everywhere, false},
        {QStringLiteral("RAG"), 0.6, 8, Use::Everywhere, false},
        {QStringLiteral("Review"), 1, 12, Use::SpreadsheetOnly, false},
    };
}

inline PaperRow planRow(const QString& number, const QString& recommendation, int n, const QString& owner,
                        const PaperCell& target, Rag r)
{
    PaperRow row;
    PaperCell response;
    response.paragraphs = {{QStringLiteral("Action Planned"), kAction},
                           {QStringLiteral("Action Update"), kUpdate + QStringLiteral(" (Feb 2024)")}};
    const QString update = n == 4 ? QStringLiteral("=HYPERLINK(\"x\")") : kUpdate;
    row.cells = {PaperCell::plain(number),
                 PaperCell::plain(recommendation),
                 PaperCell::plain(n == 6 ? QStringLiteral("Partly Agreed") : QStringLiteral("Agreed")),
                 response,
                 PaperCell::plain(kAction),
                 PaperCell::plain(update),
                 PaperCell::plain(owner),
                 target,
                 PaperCell::plain(r == Rag::Blue ? QStringLiteral("Complete") : QStringLiteral("Partially")),
                 PaperCell::ragCell(r, rag::label(r)),
                 PaperCell::plain(QStringLiteral("Child X"))};
    return row;
}

// A Child X–like plan: recommendations 1.1 … 10.1 under their themes, long
// texts, a second action under 2.1, a version history.
inline Paper childXPaper(QVector<Expected>* expected = nullptr)
{
    Paper paper;
    paper.organisation = QStringLiteral("Gloucestershire Safeguarding Children Partnership");
    paper.title =
        QStringLiteral("Action Plan in Response to: Child X Local Child Safeguarding Practice Review");
    paper.subtitle = QStringLiteral("A Multi-Agency Safeguarding Review undertaken by the GSCP 2023");
    paper.facts = {{QStringLiteral("Review"), QStringLiteral("Child X")},
                   {QStringLiteral("Plan version"), QStringLiteral("8.0 (26/02/2024)")},
                   {QStringLiteral("Monitored by"), QStringLiteral("QiiP Subgroup")}};
    paper.introduction = {QStringLiteral(
        "The action plan confirms whether recommendations are agreed, partly agreed, or not agreed. Progress "
        "against the plan is monitored by the GSCP Quality and Improvement in Practice Subgroup (QiiP).")};
    paper.asOf = QDate(2024, 6, 30);
    paper.footer = QStringLiteral("Review Tracker · 01/07/2024");

    PaperTable plan;
    plan.heading = QStringLiteral("Recommendations and actions");
    plan.sheetName = QStringLiteral("Action plan [Child X]: recommendations/actions");
    plan.note = QStringLiteral("Two actions are overdue.");
    plan.columns = planColumns();
    const Rag rags[] = {Rag::Amber, Rag::Green, Rag::Red, Rag::Blue};
    int n = 0;
    for (int g = 1; g <= 10; ++g) {
        const int subs = g == 1 ? 3 : (g % 3 == 0 ? 2 : 1);
        for (int s = 1; s <= subs; ++s) {
            const QString number = QStringLiteral("%1.%2").arg(g).arg(s);
            const QString recommendation =
                QStringLiteral("Ensure regular and robust quality assurance of placements for recommendation "
                               "%1, so that providers meet the needs in the child’s care plan.")
                    .arg(number);
            const int actions = number == QLatin1String("2.1") ? 2 : 1;
            for (int a = 0; a < actions; ++a, ++n) {
                const QString owner = kOwners[n % 4];
                const bool day = n % 2 == 0;
                const QDate due(2024, 1 + n % 12, 1);
                const QString target =
                    day ? due.addMonths(1).addDays(-1).toString(QStringLiteral("dd/MM/yyyy"))
                        : QLocale(QLocale::English).toString(due, QStringLiteral("MMMM yyyy"));
                PaperRow row = planRow(number, recommendation, n, owner,
                                       day ? PaperCell::day(due.addMonths(1).addDays(-1), target)
                                           : PaperCell::plain(target),
                                       rags[n % 4]);
                if (s == 1 && a == 0)
                    row.groupHeading =
                        QStringLiteral("%1  Undertake a comprehensive review of theme %1").arg(g);
                plan.rows.append(row);
                if (expected && a == 0)
                    expected->append({number, owner, target});
            }
        }
    }
    paper.tables.append(plan);

    PaperTable history;
    history.heading = QStringLiteral("Version history");
    history.sheetName = QStringLiteral("History");
    history.role = PaperTable::Role::Supplementary;
    history.columns = {{QStringLiteral("Version"), 1, 10},
                       {QStringLiteral("Date"), 1, 12},
                       {QStringLiteral("Comment"), 4, 50}};
    for (int v = 1; v <= 8; ++v) {
        const QDate d(2023, 3 + v, 10);
        history.rows.append({QString(),
                             {PaperCell::plain(QStringLiteral("%1.0").arg(v)),
                              PaperCell::day(d, d.toString(QStringLiteral("dd/MM/yyyy"))),
                              PaperCell::plain(v == 1 ? QStringLiteral("Initial Action Plan Drafted")
                                                      : QStringLiteral("Progress Update"))}});
    }
    paper.tables.append(history);
    return paper;
}

inline QByteArray render(PaperFormat format, const Paper& paper, QString* error = nullptr)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    auto writer = PaperWriter::create(format);
    const bool ok = writer->write(paper, &buffer);
    if (error)
        *error = writer->errorString();
    EXPECT_TRUE(ok || error) << writer->errorString().toStdString();
    if (!ok)
        return QByteArray();
    // RT_KEEP_PAPERS=folder keeps the files, so a person can open them.
    const QString keep = qEnvironmentVariable("RT_KEEP_PAPERS");
    if (!keep.isEmpty()) {
        const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
        QFile out(QDir(keep).filePath(QString::fromUtf8(test ? test->name() : "paper") +
                                      paperformat::suffix(format)));
        if (out.open(QIODevice::WriteOnly))
            out.write(buffer.data());
    }
    return buffer.data();
}

// Runs a tool on a file holding bytes; the test is skipped when the tool is missing.
inline QString runTool(const QString& program, const QByteArray& bytes, const QStringList& before,
                       const QStringList& after = {})
{
    const QString exe = QStandardPaths::findExecutable(program);
    if (exe.isEmpty())
        return QString();
    test::TempDir dir;
    QFile file(dir.file(QStringLiteral("input")));
    EXPECT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(bytes);
    file.close();
    QProcess process;
    process.start(exe, before + QStringList{file.fileName()} + after);
    EXPECT_TRUE(process.waitForFinished(30000));
    EXPECT_EQ(process.exitCode(), 0) << process.readAllStandardError().toStdString();
    return QString::fromUtf8(process.readAllStandardOutput());
}

inline QMap<QString, QByteArray> unzip(const QByteArray& bytes)
{
    QMap<QString, QByteArray> files;
    ZipReader zip;
    EXPECT_TRUE(zip.open(bytes)) << zip.errorString().toStdString();
    const QStringList names = zip.entryNames();
    for (const QString& name : names) {
        QByteArray data;
        EXPECT_TRUE(zip.read(name, &data)) << zip.errorString().toStdString();
        files.insert(name, data);
    }
    return files;
}

inline void expectWellFormed(const QString& name, const QByteArray& xml)
{
    QXmlStreamReader reader(xml);
    while (!reader.atEnd())
        reader.readNext();
    EXPECT_FALSE(reader.hasError()) << name.toStdString() << ": " << reader.errorString().toStdString();
}

inline QString hex(const QColor& c)
{
    return c.name().mid(1).toUpper();
}

// Number n (e.g. "2.1") as a whole token, not part of "12.1" or "2.10".
inline QRegularExpression numberPattern(const QString& number)
{
    return QRegularExpression(
        QStringLiteral("(?<![0-9.])%1(?![0-9])").arg(QRegularExpression::escape(number)));
}

inline Paper smallPaper()
{
    using Use = PaperColumn::Use;
    PaperTable first;
    first.columns = {{QStringLiteral("Ref"), 1, 8},
                     {QStringLiteral("Combined"), 1, 8, Use::DocumentOnly},
                     {QStringLiteral("Text"), 1, 8, Use::SpreadsheetOnly},
                     {QStringLiteral("Due"), 1, 8}};
    auto row = [](const QString& a, const QString& c, const PaperCell& d) {
        return PaperRow{
            QStringLiteral("A group heading spreadsheets ignore"),
            {PaperCell::plain(a), PaperCell::plain(QStringLiteral("document only")), PaperCell::plain(c), d}};
    };
    first.rows = {
        row(QStringLiteral("1.1"), QStringLiteral("Zoë, ‘quoted’ \"x\""),
            PaperCell::day(QDate(2024, 3, 31), QStringLiteral("31 March 2024"))),
        row(QStringLiteral("=1+1"), QStringLiteral("line one\nline two"), PaperCell::plain(QString())),
        row(QStringLiteral("-3"), QStringLiteral("-x"), PaperCell::plain(QStringLiteral("+44"))),
        row(QStringLiteral("@SUM(A1)"), QStringLiteral("\tTab"), PaperCell::count(-2.5, QString())),
    };
    PaperTable second = first;
    second.rows = {
        row(QStringLiteral("2.1"), QStringLiteral("\rCR"), PaperCell::ragCell(Rag::Red, QString()))};
    PaperTable history;
    history.role = PaperTable::Role::Supplementary;
    history.columns = {{QStringLiteral("Version"), 1, 8}};
    history.rows = {{QString(), {PaperCell::plain(QStringLiteral("8.0"))}}};
    Paper paper;
    paper.title = QStringLiteral("Small");
    paper.tables = {first, history, second};
    return paper;
}

struct WordTable
{
    bool headerRepeats = false;
    QVector<QStringList> rows; // cell texts; a w:br is a line break, paragraphs are joined by "\n"
    QStringList fills;         // "row,column=RRGGBB" for every shaded cell
    QStringList spans;         // "row=N" for every gridSpan
};

inline QVector<WordTable> wordTables(const QByteArray& documentXml)
{
    QVector<WordTable> tables;
    QXmlStreamReader xml(documentXml);
    int depth = 0; // nested tables are not written
    QString cell;
    bool firstParagraph = true;
    while (!xml.atEnd()) {
        xml.readNext();
        const QStringView name = xml.name();
        if (xml.isStartElement()) {
            if (name == u"tbl") {
                tables.append(WordTable());
                ++depth;
            } else if (depth && name == u"tr") {
                tables.last().rows.append(QStringList());
            } else if (depth && name == u"tblHeader") {
                tables.last().headerRepeats = tables.last().headerRepeats || tables.last().rows.size() == 1;
            } else if (depth && name == u"tc") {
                cell.clear();
                firstParagraph = true;
            } else if (depth && name == u"p") {
                if (!firstParagraph)
                    cell += QLatin1Char('\n');
                firstParagraph = false;
            } else if (depth && name == u"br") {
                cell += QLatin1Char('\n');
            } else if (depth && name == u"t") {
                cell += xml.readElementText();
            } else if (depth && name == u"shd") {
                tables.last().fills.append(QStringLiteral("%1,%2=%3")
                                               .arg(tables.last().rows.size() - 1)
                                               .arg(tables.last().rows.last().size())
                                               .arg(xml.attributes().value(QStringLiteral("w:fill"))));
            } else if (depth && name == u"gridSpan") {
                tables.last().spans.append(QStringLiteral("%1=%2")
                                               .arg(tables.last().rows.size() - 1)
                                               .arg(xml.attributes().value(QStringLiteral("w:val"))));
            }
        } else if (xml.isEndElement()) {
            if (name == u"tbl")
                --depth;
            else if (depth && name == u"tc")
                tables.last().rows.last().append(cell);
        }
    }
    EXPECT_FALSE(xml.hasError()) << xml.errorString().toStdString();
    return tables;
}

struct XlsxCell
{
    QString type;  // t attribute: "s" shared string, "" number
    int style = 0; // s attribute
    QString value; // <v>
    bool formula = false;
};

// Just enough of SpreadsheetML to check what the writer wrote.
struct Xlsx
{
    QStringList sheetNames;
    QStringList strings;
    QStringList fills; // each fill's fgColor rgb
    QMap<int, QString> numberFormats;
    QVector<QPair<int, int>> cellStyles; // numFmtId, fillId
    QMap<QString, QByteArray> parts;

    explicit Xlsx(const QByteArray& bytes) : parts(unzip(bytes))
    {
        for (auto it = parts.begin(); it != parts.end(); ++it)
            expectWellFormed(it.key(), it.value());
        QXmlStreamReader workbook(parts.value(QStringLiteral("xl/workbook.xml")));
        while (!workbook.atEnd()) {
            workbook.readNext();
            if (workbook.isStartElement() && workbook.name() == u"sheet")
                sheetNames.append(workbook.attributes().value(QStringLiteral("name")).toString());
        }
        QXmlStreamReader sst(parts.value(QStringLiteral("xl/sharedStrings.xml")));
        while (!sst.atEnd()) {
            sst.readNext();
            if (sst.isStartElement() && sst.name() == u"si")
                strings.append(QString());
            else if (sst.isStartElement() && sst.name() == u"t")
                strings.last() += sst.readElementText();
        }
        QXmlStreamReader styles(parts.value(QStringLiteral("xl/styles.xml")));
        QString section;
        while (!styles.atEnd()) {
            styles.readNext();
            if (!styles.isStartElement())
                continue;
            const auto a = styles.attributes();
            if (styles.name() == u"numFmt")
                numberFormats.insert(a.value(QStringLiteral("numFmtId")).toInt(),
                                     a.value(QStringLiteral("formatCode")).toString());
            else if (styles.name() == u"fills" || styles.name() == u"cellXfs" ||
                     styles.name() == u"cellStyleXfs")
                section = styles.name().toString();
            else if (section == QLatin1String("fills") && styles.name() == u"fill")
                fills.append(QString());
            else if (section == QLatin1String("fills") && styles.name() == u"fgColor")
                fills.last() = a.value(QStringLiteral("rgb")).toString();
            else if (section == QLatin1String("cellXfs") && styles.name() == u"xf")
                cellStyles.append(
                    {a.value(QStringLiteral("numFmtId")).toInt(), a.value(QStringLiteral("fillId")).toInt()});
        }
    }

    QByteArray sheetXml(int index) const
    {
        return parts.value(QStringLiteral("xl/worksheets/sheet%1.xml").arg(index + 1));
    }

    QMap<QString, XlsxCell> cells(int index) const
    {
        QMap<QString, XlsxCell> out;
        QXmlStreamReader xml(sheetXml(index));
        QString ref;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == u"c") {
                ref = xml.attributes().value(QStringLiteral("r")).toString();
                out[ref].type = xml.attributes().value(QStringLiteral("t")).toString();
                out[ref].style = xml.attributes().value(QStringLiteral("s")).toInt();
            } else if (xml.name() == u"v") {
                out[ref].value = xml.readElementText();
            } else if (xml.name() == u"f") {
                out[ref].formula = true;
            }
        }
        return out;
    }

    // The text a cell shows when it is a string.
    QString text(const XlsxCell& cell) const
    {
        return cell.type == QLatin1String("s") ? strings.value(cell.value.toInt()) : QString();
    }
};

} // namespace rt::papertest
