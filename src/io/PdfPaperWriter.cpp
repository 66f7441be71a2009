#include "PdfPaperWriter.h"

#include "PaperLayout.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QCoreApplication>
#include <QFontDatabase>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPainter>
#include <QPdfWriter>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextTable>

namespace rt {

namespace {

constexpr int kRowsPerPart = 120;

using paperlayout::Medium;

QString tr(const char* text)
{
    return QCoreApplication::translate("rt::PdfPaperWriter", text);
}

const QColor kDarkBlue(0x1F, 0x38, 0x64);
const QColor kBorder(0x99, 0x99, 0x99);
// Table lengths in 1/96 inch (scaled to the device); cell text size in points.
constexpr qreal kPadding = 3.5;
constexpr qreal kBorderWidth = 0.75;
constexpr qreal kCellPoints = 9;

// A font the PDF can embed: DejaVu Sans is installed with the program's
// dependencies; anything else falls back to the system's sans serif.
QFont paperFont(qreal points)
{
    // Asked once: the font database lookup is slow enough to show in a long plan.
    static const bool dejaVu = QFontDatabase::hasFamily(QStringLiteral("DejaVu Sans"));
    QFont font;
    if (dejaVu)
        font.setFamily(QStringLiteral("DejaVu Sans"));
    else
        font.setStyleHint(QFont::SansSerif);
    font.setPointSizeF(points);
    return font;
}

QTextCharFormat charFormat(qreal points, bool bold = false, const QColor& colour = Qt::black)
{
    QTextCharFormat f;
    f.setFont(paperFont(points));
    f.setFontWeight(bold ? QFont::Bold : QFont::Normal);
    f.setForeground(colour);
    return f;
}

class Builder
{
public:
    Builder(QTextDocument* doc, QPaintDevice* device, qreal pageWidth)
        : m_cursor(doc), m_normal(paperFont(kCellPoints), device),
          m_bold(bold(paperFont(kCellPoints)), device), m_pageWidth(pageWidth),
          m_scale(device->logicalDpiX() / 96.0)
    {
    }

    void paragraph(const QString& text, const QTextCharFormat& chars, const QTextBlockFormat& block)
    {
        if (m_first)
            m_cursor.setBlockFormat(block);
        else
            m_cursor.insertBlock(block);
        m_first = false;
        m_cursor.setCharFormat(chars);
        m_cursor.insertText(text, chars);
    }

    void titleBlock(const Paper& paper)
    {
        if (!paper.organisation.isEmpty())
            paragraph(paper.organisation, charFormat(10.5, true, kDarkBlue), block(0, 2));
        if (!paper.title.isEmpty())
            paragraph(paper.title, charFormat(17, true, kDarkBlue), block(0, 3));
        if (!paper.subtitle.isEmpty())
            paragraph(paper.subtitle, charFormat(11.5, false, QColor(0x40, 0x40, 0x40)), block(0, 8));
        const auto facts = paperlayout::titleFacts(paper);
        if (!facts.isEmpty())
            factsTable(facts);
        for (const QString& text : paper.introduction)
            paragraph(text, charFormat(9.5), block(0, 6));
    }

    void factsTable(const QVector<QPair<QString, QString>>& facts)
    {
        QTextTableFormat tf;
        tf.setBorder(0);
        tf.setBorderStyle(QTextFrameFormat::BorderStyle_None);
        tf.setCellSpacing(0);
        tf.setCellPadding(1.5);
        tf.setTopMargin(4);
        tf.setBottomMargin(8);
        tf.setColumnWidthConstraints(
            {QTextLength(QTextLength::VariableLength, 0), QTextLength(QTextLength::VariableLength, 0)});
        QTextTable* table = m_cursor.insertTable(facts.size(), 2, tf);
        for (int r = 0; r < facts.size(); ++r) {
            QTextCursor key = table->cellAt(r, 0).firstCursorPosition();
            key.setBlockFormat(block(0, 0));
            key.insertText(facts.at(r).first + QStringLiteral("    "), charFormat(9.5, true));
            QTextCursor value = table->cellAt(r, 1).firstCursorPosition();
            value.setBlockFormat(block(0, 0));
            value.insertText(facts.at(r).second, charFormat(9.5));
        }
        m_cursor.movePosition(QTextCursor::End);
    }

    // A long table is laid out as a run of tables of kRowsPerPart rows, each
    // with the header: Qt lays out one table as a whole again as it grows, so
    // one table of 2,600 rows took 19 s, and the run of parts a fraction of it.
    void table(const PaperTable& t)
    {
        if (t.rows.size() <= kRowsPerPart) {
            tablePart(t);
            return;
        }
        for (int from = 0; from < t.rows.size(); from += kRowsPerPart) {
            PaperTable part = t;
            part.rows = t.rows.mid(from, kRowsPerPart);
            if (from > 0) {
                part.heading.clear();
                part.note.clear();
            }
            tablePart(part);
        }
    }

    void tablePart(const PaperTable& t)
    {
        if (!t.heading.isEmpty())
            paragraph(t.heading, charFormat(12.5, true, kDarkBlue), block(14, 3));
        if (!t.note.isEmpty()) {
            QTextCharFormat note = charFormat(9.5);
            note.setFontItalic(true);
            paragraph(t.note, note, block(0, 3));
        }

        const QVector<int> columns = paperlayout::shownColumns(t, Medium::Document);
        const QVector<double> shares = paperlayout::fittedShares(
            t, columns, m_pageWidth, (2 * kPadding + 2 * kBorderWidth + 2) * m_scale,
            [this](const QString& word, bool bold) {
                return (bold ? m_bold : m_normal).horizontalAdvance(word);
            });
        const QVector<QVector<bool>> blanked = paperlayout::blankedCells(t, Medium::Document);
        int rowCount = 1 + t.rows.size();
        for (const PaperRow& row : t.rows)
            rowCount += row.groupHeading.isEmpty() ? 0 : 1;

        QTextTableFormat tf;
        tf.setHeaderRowCount(1); // repeated at the top of every page the table reaches
        tf.setCellSpacing(0);
        tf.setCellPadding(kPadding);
        tf.setBorder(kBorderWidth);
        tf.setBorderBrush(kBorder);
        tf.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
        tf.setBorderCollapse(true);
        tf.setWidth(QTextLength(QTextLength::PercentageLength, 100));
        QVector<QTextLength> widths;
        for (double share : shares)
            widths.append(QTextLength(QTextLength::PercentageLength, share * 100));
        tf.setColumnWidthConstraints(widths);
        QTextTable* table = m_cursor.insertTable(rowCount, columns.size(), tf);

        // Merges first, then every cell looked up once: each change to the table
        // makes its next cellAt() rebuild the grid, which over a long plan adds up.
        QVector<int> tableRow;
        for (int r = 0, at = 1; r < t.rows.size(); ++r, ++at) {
            if (!t.rows.at(r).groupHeading.isEmpty())
                table->mergeCells(at++, 0, 1, columns.size());
            tableRow.append(at);
        }
        QVector<QTextTableCell> cells;
        cells.reserve(rowCount * columns.size());
        for (int at = 0; at < rowCount; ++at) {
            for (int i = 0; i < columns.size(); ++i)
                cells.append(table->cellAt(at, i));
        }
        auto cellAt = [&](int at, int i) { return cells.at(at * columns.size() + i); };

        for (int i = 0; i < columns.size(); ++i)
            fillCell(cellAt(0, i), {{QString(), t.columns.at(columns.at(i)).header}}, true,
                     paperlayout::headerFill());
        for (int r = 0; r < t.rows.size(); ++r) {
            const PaperRow& row = t.rows.at(r);
            const int at = tableRow.at(r);
            if (!row.groupHeading.isEmpty())
                fillCell(cellAt(at - 1, 0), {{QString(), row.groupHeading}}, true, paperlayout::groupFill());
            for (int i = 0; i < columns.size(); ++i) {
                const int c = columns.at(i);
                // A blank repeat reads as one merged cell with the one above: no line between.
                const bool joinsAbove = blanked.at(r).at(c);
                const bool joinsBelow = r + 1 < t.rows.size() && blanked.at(r + 1).at(c);
                if (joinsAbove) {
                    fillCell(cellAt(at, i), {}, false, QColor(), joinsAbove, joinsBelow);
                    continue;
                }
                const PaperCell& data = row.cells.at(c);
                fillCell(cellAt(at, i), paperlayout::documentParagraphs(data), false,
                         paperlayout::ragFill(data.fill), joinsAbove, joinsBelow);
            }
        }
        m_cursor.movePosition(QTextCursor::End);
    }

private:
    // Margins, padding and borders are in 1/96 inch, as on a screen: the
    // layout scales them to its paint device.
    static QTextBlockFormat block(qreal top, qreal bottom)
    {
        QTextBlockFormat f;
        f.setTopMargin(top);
        f.setBottomMargin(bottom);
        return f;
    }

    // Qt lays out a table cell running over many pages in time that grows
    // with the square of its length: a 1 MB action took ten minutes and 700
    // pages. A cell keeps its first kMaxCellText characters and says so.
    static QString printable(const QString& text)
    {
        constexpr int kMaxCellText = 10000;
        if (text.size() <= kMaxCellText)
            return text;
        qsizetype cut = text.lastIndexOf(QLatin1Char(' '), kMaxCellText);
        if (cut < kMaxCellText / 2)
            cut = text.at(kMaxCellText - 1).isHighSurrogate() ? kMaxCellText - 1 : kMaxCellText;
        return text.left(cut) + tr(" … [cut for print: the whole text is %1 characters; the program and the "
                                   "CSV export show it all]")
                                    .arg(text.size());
    }

    void fillCell(QTextTableCell cell, const QVector<PaperParagraph>& paragraphs, bool bold,
                  const QColor& background, bool joinsAbove = false, bool joinsBelow = false)
    {
        // With collapsed borders the lines are the cells' own. A new format, not
        // cell.format(): that looks the cell up in the grid, slowly; spans are kept anyway.
        QTextTableCellFormat f;
        f.setBorder(kBorderWidth);
        f.setBorderBrush(kBorder);
        f.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
        if (joinsAbove)
            f.setTopBorder(0);
        if (joinsBelow)
            f.setBottomBorder(0);
        if (background.isValid())
            f.setBackground(background);
        cell.setFormat(f);
        QTextCursor c = cell.firstCursorPosition();
        const QTextCharFormat normal = charFormat(kCellPoints, bold);
        const QTextCharFormat strong = charFormat(kCellPoints, true);
        for (int i = 0; i < paragraphs.size(); ++i) {
            const PaperParagraph& p = paragraphs.at(i);
            if (i > 0)
                c.insertBlock(block(3, 0), normal);
            else
                c.setBlockFormat(block(0, 0));
            const QString label = p.shownLabel();
            if (!label.isEmpty())
                c.insertText(p.text.isEmpty() ? label : label + QLatin1Char(' '), strong);
            // insertText makes each line break a paragraph of the cell, which is what a reader sees.
            c.insertText(printable(p.text), normal);
        }
    }

    static QFont bold(QFont font)
    {
        font.setBold(true);
        return font;
    }

    QTextCursor m_cursor;
    QFontMetricsF m_normal;
    QFontMetricsF m_bold;
    qreal m_pageWidth;
    qreal m_scale;
    bool m_first = true;
};

} // namespace

bool PdfPaperWriter::render(const Paper& paper, QPagedPaintDevice* device)
{
    const QString what = paperformat::label(PaperFormat::Pdf);
    if (!qobject_cast<QGuiApplication*>(QCoreApplication::instance()))
        return fail(tr("Cannot write the %1: fonts are not available without a QGuiApplication.").arg(what));
    if (const QString problem = paperlayout::checkTables(paper); !problem.isEmpty())
        return fail(problem);
    const QRectF body = device->pageLayout().paintRectPixels(device->logicalDpiX());
    const qreal mm = device->logicalDpiX() / 25.4;
    const qreal footerHeight = 8 * mm;
    const QSizeF page(body.width(), body.height() - footerHeight);

    QTextDocument doc;
    // Before any content, or the layout measures text for the screen and it comes out tiny.
    doc.documentLayout()->setPaintDevice(device);
    doc.setPageSize(page);
    doc.setDocumentMargin(0);
    doc.setDefaultFont(paperFont(9));
    QTextOption option = doc.defaultTextOption();
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere); // long addresses wrap too
    doc.setDefaultTextOption(option);
    {
        // One edit block: the layout runs once at the end, not after every cell.
        QTextCursor block(&doc);
        block.beginEditBlock();
        Builder builder(&doc, device, page.width());
        builder.titleBlock(paper);
        for (const PaperTable& table : paper.tables)
            builder.table(table);
        block.endEditBlock();
    }

    QPainter painter;
    if (!painter.begin(device))
        return fail(tr("Cannot write the %1: the PDF could not be started.").arg(what));
    const int pages = doc.pageCount();
    const QFont footerFont = paperFont(7.5);
    for (int i = 0; i < pages; ++i) {
        if (i > 0)
            device->newPage();
        // Each page shows its slice of the one long layout; the clip keeps the
        // next page's first line off this one.
        const QRectF slice(0, i * page.height(), page.width(), page.height());
        painter.save();
        painter.translate(0, -slice.top());
        painter.setClipRect(slice);
        QAbstractTextDocumentLayout::PaintContext context;
        context.clip = slice;
        context.palette.setColor(QPalette::Text, Qt::black);
        doc.documentLayout()->draw(&painter, context);
        painter.restore();

        const QRectF footer(0, body.height() - footerHeight + 2 * mm, body.width(), footerHeight - 2 * mm);
        painter.setPen(QPen(kBorder, 0.25 * mm));
        painter.drawLine(footer.topLeft(), footer.topRight());
        painter.setFont(footerFont);
        painter.setPen(QColor(0x40, 0x40, 0x40));
        const QRectF text = footer.adjusted(0, 1.5 * mm, 0, 0);
        painter.drawText(text, Qt::AlignLeft | Qt::AlignTop, paper.footer);
        painter.drawText(text, Qt::AlignRight | Qt::AlignTop, tr("Page %1 of %2").arg(i + 1).arg(pages));
    }
    if (!painter.end())
        return fail(tr("Cannot write the %1: the PDF could not be finished.").arg(what));
    return true;
}

bool PdfPaperWriter::write(const Paper& paper, QIODevice* device)
{
    const QString what = paperformat::label(PaperFormat::Pdf);
    QString problem = paperlayout::deviceProblem(device, what);
    if (problem.isEmpty())
        problem = paperlayout::checkTables(paper);
    if (!problem.isEmpty())
        return fail(problem);
    // Fonts need a QGuiApplication (the offscreen platform will do): without
    // one Qt would abort, so say so instead.
    if (!qobject_cast<QGuiApplication*>(QCoreApplication::instance()))
        return fail(tr("Cannot write the %1: fonts are not available without a QGuiApplication.").arg(what));

    // The PDF is made in memory and written in one checked step, so a failing
    // device is reported (QPdfWriter itself does not say).
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setTitle(paper.title);
        writer.setCreator(QStringLiteral("Review Tracker"));
        writer.setResolution(600);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4),
                                         paper.landscape ? QPageLayout::Landscape : QPageLayout::Portrait,
                                         QMarginsF(14, 12, 14, 10), QPageLayout::Millimeter));
        if (!render(paper, &writer))
            return false;
    }
    problem = paperlayout::writeAll(device, buffer.data(), what);
    if (!problem.isEmpty())
        return fail(problem);
    return true;
}

} // namespace rt
