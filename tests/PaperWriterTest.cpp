#include "PaperTestSupport.h"
#include "io/PaperLayout.h"

// Each writer's output is read back with a tool that does not share its code
// (see PaperTestSupport.h); the tests name what a reader of the file would see.
using namespace rt;
using namespace rt::papertest;

// ---- the model and the shared layout rules ----

TEST(PaperTest, CellFactoriesAndPlainText)
{
    PaperCell cell;
    cell.paragraphs = {{QStringLiteral("Action Planned"), QStringLiteral("Draft the guidance.")},
                       {QStringLiteral("Action Update:"), QStringLiteral("Done (Feb 2024)")},
                       {QString(), QStringLiteral("Closed.")}};
    EXPECT_EQ(cell.plainText(),
              QStringLiteral("Action Planned: Draft the guidance.\nAction Update: Done (Feb "
                             "2024)\nClosed."));
    EXPECT_EQ(PaperCell::plain(QString()).paragraphs.size(), 0);
    const PaperCell day = PaperCell::day(QDate(2024, 3, 31), QString());
    EXPECT_EQ(day.plainText(), QStringLiteral("31/03/2024"));
    EXPECT_EQ(day.date, QDate(2024, 3, 31));
    const PaperCell count = PaperCell::count(75, QStringLiteral("75%"));
    EXPECT_EQ(count.number.value_or(-1), 75);
    EXPECT_EQ(count.plainText(), QStringLiteral("75%"));
    EXPECT_EQ(PaperCell::ragCell(Rag::Red, QString()).plainText(), QStringLiteral("Red"));
    EXPECT_EQ(PaperCell::ragCell(Rag::Red, QString()).fill, Rag::Red);
}

TEST(PaperTest, FormatCodesRoundTrip)
{
    for (PaperFormat f :
         {PaperFormat::Pdf, PaperFormat::Docx, PaperFormat::Xlsx, PaperFormat::Csv, PaperFormat::Html}) {
        PaperFormat back = PaperFormat::Pdf;
        EXPECT_TRUE(paperformat::fromCode(paperformat::code(f), &back));
        EXPECT_EQ(back, f);
        EXPECT_EQ(paperformat::suffix(f), QLatin1Char('.') + paperformat::code(f));
        EXPECT_FALSE(paperformat::label(f).isEmpty());
        ASSERT_NE(PaperWriter::create(f), nullptr);
    }
    PaperFormat out;
    EXPECT_TRUE(paperformat::fromCode(QStringLiteral("XLSX"), &out));
    EXPECT_EQ(out, PaperFormat::Xlsx);
    EXPECT_FALSE(paperformat::fromCode(QStringLiteral("odt"), &out));
}

TEST(PaperLayoutTest, BlanksRepeatsHierarchicallyWithinAGroup)
{
    PaperTable t;
    t.columns = {{QStringLiteral("#"), 1, 5, PaperColumn::Use::Everywhere, true},
                 {QStringLiteral("Decision"), 1, 5, PaperColumn::Use::Everywhere, true},
                 {QStringLiteral("Action"), 1, 5}};
    auto row = [](const char* a, const char* b, const char* c, const char* group = "") {
        return PaperRow{QString::fromUtf8(group),
                        {PaperCell::plain(QString::fromUtf8(a)), PaperCell::plain(QString::fromUtf8(b)),
                         PaperCell::plain(QString::fromUtf8(c))}};
    };
    t.rows = {row("1.1", "Agreed", "x"), row("1.1", "Agreed", "x"), row("1.2", "Agreed", "y"),
              row("1.2", "Agreed", "z", "2  Next theme")};
    const auto doc = paperlayout::blankedCells(t, paperlayout::Medium::Document);
    EXPECT_EQ(doc[1], (QVector<bool>{true, true, false}));   // non-repeating column never blanks
    EXPECT_EQ(doc[2], (QVector<bool>{false, false, false})); // "Agreed" under another number is shown
    EXPECT_EQ(doc[3], (QVector<bool>{false, false, false})); // a group heading starts afresh
    const auto sheet = paperlayout::blankedCells(t, paperlayout::Medium::Spreadsheet);
    EXPECT_EQ(sheet[1], (QVector<bool>{false, false, false}));
}

TEST(PaperLayoutTest, ShownColumnsAndShares)
{
    const Paper paper = childXPaper();
    const PaperTable& t = paper.tables.first();
    EXPECT_EQ(paperlayout::shownColumns(t, paperlayout::Medium::Document),
              (QVector<int>{0, 1, 2, 3, 6, 7, 8, 9}));
    EXPECT_EQ(paperlayout::shownColumns(t, paperlayout::Medium::Spreadsheet),
              (QVector<int>{0, 1, 2, 4, 5, 6, 7, 8, 9, 10}));
    const QVector<double> shares = paperlayout::widthShares(t, {0, 1});
    EXPECT_NEAR(shares[0] + shares[1], 1.0, 1e-9);
    EXPECT_NEAR(shares[1] / shares[0], 2.2 / 0.45, 1e-9);
}

TEST(PaperLayoutTest, SheetNamesAreValidAndUnique)
{
    QStringList taken{QStringLiteral("About")};
    EXPECT_EQ(paperlayout::uniqueSheetName(QStringLiteral("about"), QStringLiteral("T"), &taken),
              QStringLiteral("about (2)"));
    EXPECT_EQ(paperlayout::uniqueSheetName(QStringLiteral("History"), QStringLiteral("T"), &taken),
              QStringLiteral("History (2)"));
    const QString cut = paperlayout::uniqueSheetName(
        QStringLiteral("'Plan [Child X]: 1/2 *?\\ and a very long tail'"), QStringLiteral("T"), &taken);
    EXPECT_EQ(cut, QStringLiteral("Plan -Child X-- 1-2 --- and a v"));
    EXPECT_EQ(cut.size(), 31);
    const QString again = paperlayout::uniqueSheetName(QStringLiteral("Plan -Child X-- 1-2 --- and a very"),
                                                       QStringLiteral("T"), &taken);
    EXPECT_EQ(again, QStringLiteral("Plan -Child X-- 1-2 --- and (2)"));
    EXPECT_EQ(paperlayout::uniqueSheetName(QStringLiteral("[]"), QStringLiteral("Table 3"), &taken),
              QStringLiteral("--"));
    EXPECT_EQ(paperlayout::uniqueSheetName(QStringLiteral(" ' "), QStringLiteral("Table 3"), &taken),
              QStringLiteral("Table 3"));
}

TEST(PaperWriterTest, EveryWriterRefusesAReadOnlyDeviceAndAFullDisk)
{
    const Paper paper = childXPaper();
    for (PaperFormat f :
         {PaperFormat::Pdf, PaperFormat::Docx, PaperFormat::Xlsx, PaperFormat::Csv, PaperFormat::Html}) {
        SCOPED_TRACE(paperformat::code(f).toStdString());
        auto writer = PaperWriter::create(f);
        QBuffer readOnly;
        readOnly.open(QIODevice::ReadOnly);
        EXPECT_FALSE(writer->write(paper, &readOnly));
        EXPECT_TRUE(writer->errorString().contains(QStringLiteral("not open for writing")))
            << writer->errorString().toStdString();
        QFile full(QStringLiteral("/dev/full"));
        if (full.open(QIODevice::WriteOnly)) {
            EXPECT_FALSE(writer->write(paper, &full));
            EXPECT_TRUE(writer->errorString().contains(QStringLiteral("No space left")))
                << writer->errorString().toStdString();
        }
    }
}

TEST(PaperWriterTest, EveryWriterNamesARowThatDoesNotFitItsColumns)
{
    Paper paper = childXPaper();
    paper.tables[1].rows[2].cells.removeLast();
    for (PaperFormat f :
         {PaperFormat::Pdf, PaperFormat::Docx, PaperFormat::Xlsx, PaperFormat::Csv, PaperFormat::Html}) {
        auto writer = PaperWriter::create(f);
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        EXPECT_FALSE(writer->write(paper, &buffer));
        EXPECT_EQ(writer->errorString(),
                  QStringLiteral("Table “Version history”, row 3: 2 cells for 3 columns."));
        EXPECT_TRUE(buffer.data().isEmpty()) << "nothing half-written";
    }
}

// ---- PDF ----

TEST(PdfPaperWriterTest, LandscapeA4WithEveryRowPageNumbersAndRepeatedHeader)
{
    QVector<Expected> expected;
    const Paper paper = childXPaper(&expected);
    const QByteArray pdf = render(PaperFormat::Pdf, paper);
    ASSERT_TRUE(pdf.startsWith("%PDF"));
    const QString info = runTool(QStringLiteral("pdfinfo"), pdf, {});
    if (info.isEmpty())
        GTEST_SKIP() << "pdfinfo (poppler-utils) is not installed";
    const QRegularExpressionMatch size =
        QRegularExpression(QStringLiteral("Page size:\\s+([0-9.]+) x ([0-9.]+) pts")).match(info);
    ASSERT_TRUE(size.hasMatch()) << info.toStdString();
    EXPECT_EQ(qRound(size.captured(1).toDouble()), 842);
    EXPECT_EQ(qRound(size.captured(2).toDouble()), 595);
    EXPECT_TRUE(info.contains(QRegularExpression(QStringLiteral("Title:\\s+") + paper.title)))
        << info.toStdString();
    EXPECT_TRUE(info.contains(QRegularExpression(QStringLiteral("Creator:\\s+Review Tracker"))))
        << info.toStdString();
    const int pages = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(info).captured(1).toInt();
    ASSERT_GE(pages, 2) << "the plan should span pages";

    const QString text =
        runTool(QStringLiteral("pdftotext"), pdf, {QStringLiteral("-layout")}, {QStringLiteral("-")});
    const QStringList pageTexts = text.split(QLatin1Char('\f'), Qt::SkipEmptyParts);
    ASSERT_EQ(pageTexts.size(), pages);
    for (int i = 0; i < pages; ++i) {
        EXPECT_TRUE(pageTexts[i].contains(QStringLiteral("Page %1 of %2").arg(i + 1).arg(pages))) << i;
        EXPECT_TRUE(pageTexts[i].contains(QStringLiteral("Review Tracker · 01/07/2024"))) << i;
    }
    EXPECT_TRUE(text.contains(QStringLiteral("Gloucestershire Safeguarding Children Partnership")));
    EXPECT_TRUE(text.contains(QStringLiteral("Figures as of")));
    EXPECT_TRUE(text.contains(QStringLiteral("30/06/2024")));
    EXPECT_TRUE(text.contains(QStringLiteral("Zoë Hartley-Smith")));
    EXPECT_TRUE(text.contains(QStringLiteral("Action Planned:")));
    EXPECT_TRUE(text.contains(
        QRegularExpression(QStringLiteral("1\\s+Undertake a comprehensive review of theme 1"))));
    EXPECT_FALSE(text.contains(QStringLiteral("HYPERLINK"))) << "a spreadsheet-only column";

    // Every recommendation in order; its first line carries the first word of
    // its target ("31/01/2024", "February") and of its owner.
    const QStringList lines = text.split(QLatin1Char('\n'));
    int line = 0;
    for (const Expected& e : expected) {
        const QRegularExpression number = numberPattern(e.number);
        const QString target = e.target.section(QLatin1Char(' '), 0, 0);
        while (line < lines.size() && !(lines[line].contains(number) && lines[line].contains(target)))
            ++line;
        ASSERT_LT(line, lines.size()) << e.number.toStdString() << " with " << e.target.toStdString();
        EXPECT_TRUE(lines[line].contains(e.owner.section(QLatin1Char(' '), 0, 0)))
            << lines[line].toStdString();
    }
    // The header row is repeated on every page that holds rows of the plan.
    for (int i = 0; i < pages; ++i) {
        if (pageTexts[i].contains(QStringLiteral("Action Update:"))) {
            EXPECT_TRUE(pageTexts[i].contains(QStringLiteral("Responsible"))) << "page " << i + 1;
        }
    }
    EXPECT_GE(text.count(QStringLiteral("Responsible")), 2);
    // RAG cells say their colour in words, for grey-scale printers.
    EXPECT_TRUE(text.contains(QStringLiteral("Amber")));
}

TEST(PdfPaperWriterTest, PortraitWhenAsked)
{
    Paper paper = childXPaper();
    paper.landscape = false;
    const QString info = runTool(QStringLiteral("pdfinfo"), render(PaperFormat::Pdf, paper), {});
    if (info.isEmpty())
        GTEST_SKIP() << "pdfinfo (poppler-utils) is not installed";
    const QRegularExpressionMatch size =
        QRegularExpression(QStringLiteral("Page size:\\s+([0-9.]+) x ([0-9.]+) pts")).match(info);
    EXPECT_EQ(qRound(size.captured(1).toDouble()), 595);
    EXPECT_EQ(qRound(size.captured(2).toDouble()), 842);
}

// ---- Word ----

TEST(DocxPaperWriterTest, AWordPackageWithLandscapeSectionRepeatedHeaderAndShading)
{
    const Paper paper = childXPaper();
    const QMap<QString, QByteArray> parts = unzip(render(PaperFormat::Docx, paper));
    for (const char* name :
         {"[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/document.xml",
          "word/styles.xml", "word/footer1.xml", "docProps/core.xml"}) {
        ASSERT_TRUE(parts.contains(QString::fromUtf8(name))) << name;
    }
    for (auto it = parts.begin(); it != parts.end(); ++it)
        expectWellFormed(it.key(), it.value());

    const QByteArray document = parts.value(QStringLiteral("word/document.xml"));
    const QString text = QString::fromUtf8(document);
    EXPECT_TRUE(
        text.contains(QStringLiteral("<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>")));
    EXPECT_TRUE(text.contains(QStringLiteral("<w:pStyle w:val=\"Title\"/>")));
    EXPECT_TRUE(text.contains(QStringLiteral("<w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/>")));
    // Labels are bold runs of their own.
    EXPECT_TRUE(
        text.contains(QStringLiteral("<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">Action Planned: "
                                     "</w:t></w:r>")));

    const QVector<WordTable> tables = wordTables(document);
    ASSERT_EQ(tables.size(), 3); // the title block's facts, the plan, the version history
    EXPECT_EQ(tables[0].rows[3],
              (QStringList{QStringLiteral("Figures as of"), QStringLiteral("30/06/2024")}));
    const WordTable& plan = tables[1];
    EXPECT_TRUE(plan.headerRepeats);
    EXPECT_EQ(plan.rows[0], (QStringList{QStringLiteral("#"), QStringLiteral("Recommendation"),
                                         QStringLiteral("Agreed / Partly Agreed / Not Agreed"),
                                         QStringLiteral("Response Action Taken/Planned"),
                                         QStringLiteral("Responsible Owner"), QStringLiteral("Target Date"),
                                         QStringLiteral("Status"), QStringLiteral("RAG")}));
    // Row 1 is the first group heading, spanning the table; row 2 is 1.1.
    EXPECT_EQ(plan.rows[1], QStringList{QStringLiteral("1  Undertake a comprehensive review of theme 1")});
    EXPECT_TRUE(plan.spans.contains(QStringLiteral("1=8")));
    EXPECT_EQ(plan.rows[2][0], QStringLiteral("1.1"));
    EXPECT_EQ(plan.rows[2][3], QStringLiteral("Action Planned: ") + kAction +
                                   QStringLiteral("\nAction Update: ") + kUpdate +
                                   QStringLiteral(" (Feb 2024)"));
    EXPECT_EQ(plan.rows[2][5], QStringLiteral("31/01/2024"));
    EXPECT_EQ(plan.rows[2][7], QStringLiteral("Amber"));
    EXPECT_TRUE(plan.fills.contains(QStringLiteral("2,7=") + hex(paperlayout::ragFill(Rag::Amber))));
    // The second action under 2.1 leaves the repeated number, text and decision blank.
    int secondAction = -1;
    for (int r = plan.rows.size() - 1; r >= 0; --r) {
        if (plan.rows[r].value(0) == QLatin1String("2.1"))
            secondAction = r + 1;
    }
    ASSERT_GT(secondAction, 0);
    ASSERT_EQ(plan.rows[secondAction].size(), 8);
    EXPECT_EQ(plan.rows[secondAction].mid(0, 3), (QStringList{QString(), QString(), QString()}));
    EXPECT_FALSE(plan.rows[secondAction][3].isEmpty());
    EXPECT_EQ(text.count(QStringLiteral(">2.1<")), 1);
    EXPECT_TRUE(text.contains(QStringLiteral("Zoë Hartley-Smith")));
    EXPECT_TRUE(text.contains(QStringLiteral("‘quality assurance’")));
    EXPECT_FALSE(text.contains(QStringLiteral("HYPERLINK"))) << "a spreadsheet-only column";

    const QString footer = QString::fromUtf8(parts.value(QStringLiteral("word/footer1.xml")));
    EXPECT_TRUE(footer.contains(QStringLiteral(" PAGE ")));
    EXPECT_TRUE(footer.contains(QStringLiteral(" NUMPAGES ")));
    EXPECT_TRUE(footer.contains(QStringLiteral("Review Tracker · 01/07/2024")));
    const QString core = QString::fromUtf8(parts.value(QStringLiteral("docProps/core.xml")));
    EXPECT_TRUE(core.contains(QStringLiteral("<dc:title>") + paper.title + QStringLiteral("</dc:title>")));
    EXPECT_TRUE(core.contains(QStringLiteral("<dc:creator>Review Tracker</dc:creator>")));
    const QString styles = QString::fromUtf8(parts.value(QStringLiteral("word/styles.xml")));
    for (const char* id : {"Title", "Heading1", "Heading2"})
        EXPECT_TRUE(styles.contains(QStringLiteral("w:styleId=\"%1\"").arg(QLatin1String(id)))) << id;
}

TEST(DocxPaperWriterTest, PortraitAndHostileTextStayWellFormed)
{
    Paper paper = childXPaper();
    paper.landscape = false;
    paper.title = QStringLiteral("<Plan> & \"quotes\" \x01 control");
    paper.tables[1].rows[0].cells[2] = PaperCell::plain(QStringLiteral("a\tb\nc & <d>"));
    const QMap<QString, QByteArray> parts = unzip(render(PaperFormat::Docx, paper));
    for (auto it = parts.begin(); it != parts.end(); ++it)
        expectWellFormed(it.key(), it.value());
    const QString text = QString::fromUtf8(parts.value(QStringLiteral("word/document.xml")));
    EXPECT_TRUE(text.contains(QStringLiteral("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>")));
    EXPECT_TRUE(text.contains(QStringLiteral("&lt;Plan&gt; &amp; &quot;quotes&quot;  control")));
    EXPECT_EQ(wordTables(parts.value(QStringLiteral("word/document.xml")))[2].rows[1][2],
              QStringLiteral("ab\nc & <d>"));
}

// ---- Excel ----

TEST(XlsxPaperWriterTest, OneSheetPerTableWithHeaderFilterFrozenPaneDatesAndFills)
{
    Paper paper = childXPaper();
    paper.tables[1].rows[0].cells[0] = PaperCell::count(1, QStringLiteral("1.0"));
    const Xlsx book(render(PaperFormat::Xlsx, paper));
    EXPECT_EQ(book.sheetNames,
              (QStringList{QStringLiteral("About"), QStringLiteral("Action plan -Child X-- recommen"),
                           QStringLiteral("History (2)")}));

    // The About sheet carries the title block.
    QStringList about;
    for (const XlsxCell& c : book.cells(0))
        about.append(book.text(c));
    EXPECT_TRUE(about.contains(paper.title));
    EXPECT_TRUE(about.contains(QStringLiteral("Figures as of")));
    EXPECT_TRUE(about.contains(QStringLiteral("Action plan -Child X-- recommen")));

    // The plan: the header is row 1, then every action (16 rows), spreadsheet columns only.
    const QMap<QString, XlsxCell> plan = book.cells(1);
    QStringList header;
    for (const char* ref : {"A1", "B1", "C1", "D1", "E1", "F1", "G1", "H1", "I1", "J1"})
        header.append(book.text(plan.value(QLatin1String(ref))));
    EXPECT_EQ(header,
              (QStringList{QStringLiteral("#"), QStringLiteral("Recommendation"),
                           QStringLiteral("Agreed / Partly Agreed / Not Agreed"), QStringLiteral("Action"),
                           QStringLiteral("Latest update"), QStringLiteral("Responsible Owner"),
                           QStringLiteral("Target Date"), QStringLiteral("Status"), QStringLiteral("RAG"),
                           QStringLiteral("Review")}));
    EXPECT_FALSE(plan.contains(QStringLiteral("K1")));
    EXPECT_EQ(book.text(plan.value(QStringLiteral("A2"))), QStringLiteral("1.1"));
    EXPECT_EQ(book.text(plan.value(QStringLiteral("A17"))), QStringLiteral("10.1"));
    EXPECT_FALSE(plan.contains(QStringLiteral("A18")));
    // Spreadsheets repeat what documents leave blank: the second action under 2.1 says 2.1.
    EXPECT_EQ(book.text(plan.value(QStringLiteral("A5"))), QStringLiteral("2.1"));
    EXPECT_EQ(book.text(plan.value(QStringLiteral("A6"))), QStringLiteral("2.1"));
    EXPECT_EQ(book.text(plan.value(QStringLiteral("J2"))), QStringLiteral("Child X"));
    EXPECT_EQ(book.text(plan.value(QStringLiteral("F3"))), kOwners[1]);

    const QString sheet = QString::fromUtf8(book.sheetXml(1));
    EXPECT_TRUE(sheet.contains(QStringLiteral("<autoFilter ref=\"A1:J17\"/>")))
        << sheet.left(2000).toStdString();
    EXPECT_TRUE(
        sheet.contains(QRegularExpression(QStringLiteral("<pane [^>]*ySplit=\"1\"[^>]*state=\"frozen\""))));

    // A full day is a number with a dd/mm/yyyy style; a month target stays text.
    const XlsxCell due = plan.value(QStringLiteral("G2"));
    EXPECT_EQ(due.type, QString());
    EXPECT_EQ(due.value.toInt(), QDate(1899, 12, 30).daysTo(QDate(2024, 1, 31)));
    EXPECT_EQ(book.numberFormats.value(book.cellStyles.value(due.style).first), QStringLiteral("dd/mm/yyyy"));
    EXPECT_EQ(book.text(plan.value(QStringLiteral("G3"))), QStringLiteral("February 2024"));

    // The RAG cell is filled with its colour and says the word.
    const XlsxCell amber = plan.value(QStringLiteral("I2"));
    EXPECT_EQ(book.text(amber), QStringLiteral("Amber"));
    EXPECT_EQ(book.fills.value(book.cellStyles.value(amber.style).second),
              QStringLiteral("FF") + hex(paperlayout::ragFill(Rag::Amber)));

    // A cell that looks like a formula is written as text, and no sheet holds a formula.
    const XlsxCell link = plan.value(QStringLiteral("E6"));
    EXPECT_EQ(book.text(link), QStringLiteral("=HYPERLINK(\"x\")"));
    for (int i = 0; i < book.sheetNames.size(); ++i)
        EXPECT_FALSE(book.sheetXml(i).contains("<f>")) << i;
    EXPECT_TRUE(book.strings.contains(QStringLiteral("Zoë Hartley-Smith, Head of Quality")));
    const QString multiLine = book.text(plan.value(QStringLiteral("B2")));
    EXPECT_TRUE(multiLine.startsWith(QStringLiteral("Ensure regular")));

    // The version history has its own sheet and real dates.
    const QMap<QString, XlsxCell> history = book.cells(2);
    EXPECT_EQ(book.text(history.value(QStringLiteral("A1"))), QStringLiteral("Version"));
    EXPECT_EQ(history.value(QStringLiteral("B2")).value.toInt(),
              QDate(1899, 12, 30).daysTo(QDate(2023, 4, 10)));
    // A count is a number, not the text "1.0".
    EXPECT_EQ(history.value(QStringLiteral("A2")).type, QString());
    EXPECT_EQ(history.value(QStringLiteral("A2")).value, QStringLiteral("1"));
    EXPECT_EQ(book.text(history.value(QStringLiteral("A3"))), QStringLiteral("2.0"));
}

TEST(XlsxPaperWriterTest, ACellBeyondExcelsLimitIsCutAndSaysSo)
{
    // Excel holds 32,767 characters in a cell: the text is cut to fit and
    // ends saying how long it was, rather than the whole export failing.
    Paper paper = childXPaper();
    paper.tables[1].rows[2].cells[2] = PaperCell::plain(QString(40000, QLatin1Char('x')));
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    auto writer = PaperWriter::create(PaperFormat::Xlsx);
    ASSERT_TRUE(writer->write(paper, &buffer)) << writer->errorString().toStdString();
    const Xlsx book(buffer.data());
    const auto cut = std::find_if(book.strings.begin(), book.strings.end(),
                                  [](const QString& s) { return s.startsWith(QStringLiteral("xxxx")); });
    ASSERT_NE(cut, book.strings.end());
    EXPECT_LE(cut->size(), 32767);
    EXPECT_TRUE(cut->contains(QStringLiteral("the whole text is 40000 characters")))
        << cut->right(200).toStdString();
}

TEST(XlsxPaperWriterTest, OneSheetPutsEveryMainTableUnderOneHeader)
{
    Paper paper = childXPaper();
    PaperTable second = paper.tables[0];
    second.heading = QStringLiteral("Second review");
    second.rows = second.rows.mid(0, 2);
    paper.tables.insert(1, second);
    paper.oneSheet = true;
    const Xlsx book(render(PaperFormat::Xlsx, paper));
    EXPECT_EQ(book.sheetNames.size(), 3);
    const QMap<QString, XlsxCell> all = book.cells(1);
    EXPECT_EQ(book.text(all.value(QStringLiteral("A17"))), QStringLiteral("10.1"));
    EXPECT_EQ(book.text(all.value(QStringLiteral("A18"))), QStringLiteral("1.1"));
    EXPECT_EQ(book.text(all.value(QStringLiteral("A19"))), QStringLiteral("1.2"));
    EXPECT_FALSE(all.contains(QStringLiteral("A20")));
    EXPECT_TRUE(book.sheetXml(1).contains("<autoFilter ref=\"A1:J19\"/>"));

    // Tables with other columns cannot share the header.
    paper.tables[1].columns[1].header = QStringLiteral("Finding");
    QString error;
    EXPECT_TRUE(render(PaperFormat::Xlsx, paper, &error).isEmpty());
    EXPECT_TRUE(error.contains(QStringLiteral("“Second review”"))) << error.toStdString();
}

// ---- CSV ----

TEST(CsvPaperWriterTest, ExactBytesWithBomCrlfQuotingAndNeutralisedFormulas)
{
    const QByteArray expected =
        QByteArray("\xEF\xBB\xBF") + QStringLiteral("Ref,Text,Due\r\n"
                                                    "1.1,\"Zoë, ‘quoted’ \"\"x\"\"\",31/03/2024\r\n"
                                                    "'=1+1,\"line one\nline two\",\r\n"
                                                    "-3,'-x,'+44\r\n"
                                                    "'@SUM(A1),'\tTab,-2.5\r\n"
                                                    "2.1,\"'\rCR\",Red\r\n")
                                         .toUtf8();
    const QByteArray csv = render(PaperFormat::Csv, smallPaper());
    EXPECT_EQ(csv, expected) << csv.toStdString();
}

TEST(CsvPaperWriterTest, MainTablesMustShareTheirColumns)
{
    Paper paper = smallPaper();
    paper.tables[2].columns[2].header = QStringLiteral("Other");
    QString error;
    EXPECT_TRUE(render(PaperFormat::Csv, paper, &error).isEmpty());
    EXPECT_TRUE(error.contains(QStringLiteral("“Ref, Other, Due”"))) << error.toStdString();
    // A column only documents show may differ.
    paper = smallPaper();
    paper.tables[2].columns[1].header = QStringLiteral("Other");
    EXPECT_FALSE(render(PaperFormat::Csv, paper).isEmpty());
}

TEST(CsvPaperWriterTest, TheChildXPlanListsEveryActionOnce)
{
    const QString csv = QString::fromUtf8(render(PaperFormat::Csv, childXPaper()));
    const QStringList records = csv.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    EXPECT_EQ(records.size(), 1 + 16); // the header, then every action; the version history is not data
    EXPECT_TRUE(records[0].endsWith(QStringLiteral("Target Date,Status,RAG,Review")));
    EXPECT_TRUE(csv.contains(QStringLiteral(",\"'=HYPERLINK(\"\"x\"\")\",")));
    EXPECT_TRUE(records[1].startsWith(QStringLiteral("1.1,")));
    EXPECT_TRUE(records[1].contains(QStringLiteral(",31/01/2024,Partially,Amber,Child X")));
}

// ---- HTML ----

TEST(HtmlPaperWriterTest, AStandalonePageWithEscapedTextGroupRowsAndRagColours)
{
    Paper paper = childXPaper();
    paper.title = QStringLiteral("<Plan> & Co");
    paper.tables[0].rows[0].cells[6] = PaperCell::plain(QStringLiteral("A <b>bold</b> owner\nsecond line"));
    const QString html = QString::fromUtf8(render(PaperFormat::Html, paper));
    EXPECT_TRUE(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
    EXPECT_TRUE(html.contains(QStringLiteral("<meta charset=\"utf-8\">")));
    EXPECT_TRUE(html.contains(QStringLiteral("<title>&lt;Plan&gt; &amp; Co</title>")));
    EXPECT_TRUE(html.contains(QStringLiteral("<h1>&lt;Plan&gt; &amp; Co</h1>")));
    EXPECT_TRUE(
        html.contains(QStringLiteral("<td><p>A &lt;b&gt;bold&lt;/b&gt; owner<br>second line</p></td>")));
    EXPECT_FALSE(html.contains(QStringLiteral("<b>bold</b>")));
    EXPECT_TRUE(
        html.contains(QStringLiteral("<tr class=\"group\"><th colspan=\"8\" scope=\"colgroup\">1  Undertake "
                                     "a comprehensive review of theme 1</th></tr>")));
    EXPECT_TRUE(html.contains(QStringLiteral("<thead><tr><th scope=\"col\">#</th>")));
    EXPECT_TRUE(html.contains(QStringLiteral("<td class=\"rag-amber\"><p>Amber</p></td>")));
    EXPECT_TRUE(html.contains(QStringLiteral("td.rag-amber { background: ") +
                              paperlayout::ragFill(Rag::Amber).name()));
    EXPECT_TRUE(html.contains(QStringLiteral("<p><strong>Action Planned:</strong> Develop a clear set")));
    EXPECT_TRUE(html.contains(QStringLiteral("Zoë Hartley-Smith")));
    EXPECT_TRUE(html.contains(QStringLiteral("@page { size: A4 landscape;")));
    EXPECT_EQ(html.count(QStringLiteral("<td><p>2.1</p></td>")), 1) << "the repeat under 2.1 is blank";
    EXPECT_EQ(html.count(QStringLiteral("<td class=\"repeat\"></td>")), 3);
    EXPECT_FALSE(html.contains(QStringLiteral("HYPERLINK"))) << "a spreadsheet-only column";
    EXPECT_TRUE(html.contains(QStringLiteral("<footer>Review Tracker · 01/07/2024</footer>")));
}
