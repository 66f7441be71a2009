#include "XlsxPaperWriter.h"

#include "PaperLayout.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QTemporaryFile>
#include <cmath>
#include <numeric>
#include <xlsxwriter.h>

namespace rt {

namespace {

using paperlayout::Medium;

QString tr(const char* text)
{
    return QCoreApplication::translate("rt::XlsxPaperWriter", text);
}

constexpr uint8_t kA4 = 9; // Excel's paper code
// The About sheet's columns, in characters: a sheet name (31 characters) fits the first.
constexpr double kAboutKeyWidth = 33;
constexpr double kAboutValueWidth = 100;
// Characters of column width that still print legibly across landscape A4.
constexpr double kFitWidth = 200;

// How many lines text takes in a column `width` characters wide, wrapped at
// spaces as Excel does. On the generous side: a row a little too tall reads
// better than a last line cut off.
int wrappedLines(const QString& text, int width)
{
    const double capacity = std::max(1.0, width - 1.0);
    int lines = 0;
    for (const QString& paragraph : text.split(QLatin1Char('\n'))) {
        ++lines;
        double used = 0;
        for (const QString& word : paragraph.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            const double w = word.size() * 0.95;
            if (used > 0 && used + 1 + w > capacity) {
                ++lines;
                used = 0;
            }
            if (used == 0 && w > capacity) {
                // A word longer than the column breaks over several lines.
                const int more = int(std::ceil(w / capacity)) - 1;
                lines += more;
                used = w - capacity * more;
            } else {
                used += (used > 0 ? 1 : 0) + w;
            }
        }
    }
    return lines;
}

// LibreOffice does not grow a row to its wrapped text on opening, so each
// row's height is set from its tallest cell.
constexpr double kLineHeight = 15; // points, for Excel's default 11 pt Calibri
constexpr double kMaxRowHeight = 409;

lxw_color_t rgb(const QColor& c)
{
    return lxw_color_t((c.red() << 16) | (c.green() << 8) | c.blue());
}

QString errorText(lxw_error e)
{
    return QString::fromUtf8(lxw_strerror(e));
}

// One sheet to write: its name, whose columns head it, and the tables whose rows it lists.
struct Sheet
{
    QString name;
    int index; // of the table whose columns head it
    const PaperTable* columns;
    QVector<const PaperTable*> tables;
};

class Workbook
{
public:
    Workbook(const Paper& paper, const QString& path)
        : m_paper(paper), m_book(workbook_new(QFile::encodeName(path).constData()))
    {
    }
    ~Workbook()
    {
        if (m_book)
            workbook_close(m_book); // after a failure: frees it; the file is thrown away
    }

    bool isOpen() const { return m_book != nullptr; }
    QString error() const { return m_error; }

    // Writes every sheet; false with error() set on the first failure.
    bool build()
    {
        makeFormats();
        m_titleUtf8 = paperlayout::xmlSafe(m_paper.title).toUtf8();
        lxw_doc_properties properties = {};
        properties.title = m_titleUtf8.data();
        properties.author = m_creator.data();
        if (workbook_set_properties(m_book, &properties) != LXW_NO_ERROR)
            return setError(tr("the workbook's title could not be set"));
        QVector<Sheet> sheets;
        bool mainsDone = false;
        const QVector<int> mains = paperlayout::mainTables(m_paper);
        for (int t = 0; t < m_paper.tables.size(); ++t) {
            const PaperTable& table = m_paper.tables.at(t);
            if (m_paper.oneSheet && table.role == PaperTable::Role::Main) {
                if (mainsDone)
                    continue;
                // Every Main table under the first one's header: one list to filter.
                Sheet sheet{QString(), t, &table, {}};
                for (int m : mains)
                    sheet.tables.append(&m_paper.tables.at(m));
                sheets.append(sheet);
                mainsDone = true;
            } else {
                sheets.append({QString(), t, &table, {&table}});
            }
        }
        // "About" is named first, so it keeps its name whatever the tables are called.
        QStringList taken;
        const QString about = paperlayout::uniqueSheetName(tr("About"), tr("About"), &taken);
        for (Sheet& sheet : sheets)
            sheet.name = paperlayout::uniqueSheetName(sheet.columns->sheetName,
                                                      tr("Table %1").arg(sheet.index + 1), &taken);
        if (!writeAbout(about, sheets))
            return false;
        for (const Sheet& sheet : sheets) {
            if (!writeTableSheet(sheet))
                return false;
        }
        return true;
    }

    // Writes the file; false with error() set when libxlsxwriter could not.
    bool close()
    {
        const lxw_error e = workbook_close(m_book);
        m_book = nullptr;
        if (e != LXW_NO_ERROR)
            return setError(tr("the workbook could not be saved: %1").arg(errorText(e)));
        return true;
    }

private:
    bool setError(const QString& message)
    {
        m_error = message;
        return false;
    }

    bool check(lxw_error e, const QString& sheet, int row, int column)
    {
        if (e == LXW_NO_ERROR)
            return true;
        if (column < 0)
            return setError(tr("sheet “%1”, row %2: %3").arg(sheet).arg(row + 1).arg(errorText(e)));
        return setError(tr("sheet “%1”, row %2, column %3: %4")
                            .arg(sheet)
                            .arg(row + 1)
                            .arg(columnName(column), errorText(e)));
    }

    static QString columnName(int column)
    {
        QString name;
        for (int n = column + 1; n > 0; n = (n - 1) / 26)
            name.prepend(QChar(u'A' + (n - 1) % 26));
        return name;
    }

    lxw_format* format() { return workbook_add_format(m_book); }

    void makeFormats()
    {
        m_organisation = format();
        format_set_bold(m_organisation);
        format_set_font_color(m_organisation, 0x1F3864);
        m_title = format();
        format_set_bold(m_title);
        format_set_font_size(m_title, 14);
        format_set_font_color(m_title, 0x1F3864);
        m_bold = format();
        format_set_bold(m_bold);
        format_set_align(m_bold, LXW_ALIGN_VERTICAL_TOP);
        m_wrap = format();
        format_set_text_wrap(m_wrap);
        format_set_align(m_wrap, LXW_ALIGN_VERTICAL_TOP);
        m_italic = format();
        format_set_italic(m_italic);
        format_set_font_color(m_italic, 0x404040);
        m_header = bordered();
        format_set_bold(m_header);
        format_set_bg_color(m_header, rgb(paperlayout::headerFill()));
    }

    lxw_format* bordered()
    {
        lxw_format* f = format();
        format_set_text_wrap(f);
        format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
        format_set_border(f, LXW_BORDER_THIN);
        format_set_border_color(f, 0xBFBFBF);
        return f;
    }

    // Data cell formats, made once per combination of fill and date.
    lxw_format* cellFormat(Rag fill, bool date)
    {
        const int key = int(fill) * 2 + (date ? 1 : 0);
        auto it = m_cellFormats.find(key);
        if (it != m_cellFormats.end())
            return it.value();
        lxw_format* f = bordered();
        if (fill != Rag::None)
            format_set_bg_color(f, rgb(paperlayout::ragFill(fill)));
        if (date) {
            format_set_num_format(f, "dd/mm/yyyy");
            format_set_align(f, LXW_ALIGN_LEFT);
        }
        m_cellFormats.insert(key, f);
        return f;
    }

    bool writeString(lxw_worksheet* ws, const QString& sheet, int row, int column, const QString& text,
                     lxw_format* f)
    {
        // Always a string: a cell reading "=HYPERLINK(…)" must not become a formula.
        return check(
            worksheet_write_string(ws, row, column, XlsxPaperWriter::cellText(text).toUtf8().constData(), f),
            sheet, row, column);
    }

    lxw_worksheet* addSheet(const QString& name)
    {
        lxw_worksheet* ws = workbook_add_worksheet(m_book, paperlayout::xmlSafe(name).toUtf8().constData());
        if (!ws)
            setError(tr("the sheet “%1” could not be added").arg(name));
        return ws;
    }

    bool pageSetup(lxw_worksheet* ws, const QString& sheet, double totalWidth)
    {
        if (m_paper.landscape)
            worksheet_set_landscape(ws);
        worksheet_set_paper(ws, kA4);
        // All columns on the page's width, as many pages long as it takes — unless
        // that would shrink the text past reading.
        if (totalWidth <= kFitWidth)
            worksheet_fit_to_pages(ws, 1, 0);
        // Excel's header/footer codes: && is a literal ampersand; the footer holds 255 characters.
        QString footer = m_paper.footer;
        footer.replace(QLatin1Char('&'), QLatin1String("&&"));
        const QString pages = tr("Page %1 of %2").arg(QStringLiteral("&P"), QStringLiteral("&N"));
        footer = QStringLiteral("&L") + footer.left(200) + QStringLiteral("&R") + pages;
        return check(worksheet_set_footer(ws, paperlayout::xmlSafe(footer).toUtf8().constData()), sheet, 0,
                     -1);
    }

    bool writeAbout(const QString& name, const QVector<Sheet>& sheets)
    {
        lxw_worksheet* ws = addSheet(name);
        if (!ws)
            return false;
        worksheet_set_column(ws, 0, 0, kAboutKeyWidth, nullptr);
        worksheet_set_column(ws, 1, 1, kAboutValueWidth, nullptr);
        if (!pageSetup(ws, name, kAboutKeyWidth + kAboutValueWidth))
            return false;
        int row = 0;
        auto line = [&](const QString& text, lxw_format* f) {
            return text.isEmpty() || writeString(ws, name, row++, 0, text, f);
        };
        if (!line(m_paper.organisation, m_organisation) || !line(m_paper.title, m_title) ||
            !line(m_paper.subtitle, nullptr))
            return false;
        ++row;
        for (const auto& fact : paperlayout::titleFacts(m_paper)) {
            if (!writeString(ws, name, row, 0, fact.first, m_bold) ||
                !writeString(ws, name, row, 1, fact.second, m_wrap))
                return false;
            ++row;
        }
        ++row;
        for (const QString& paragraph : m_paper.introduction) {
            // A merged cell does not grow to its text: the height is set from its length.
            const double perLine = (kAboutKeyWidth + kAboutValueWidth) * 1.1;
            const int lines = std::max(1, int(std::ceil(paragraph.size() / perLine)));
            worksheet_set_row(ws, row, 15 * lines, nullptr);
            if (!check(worksheet_merge_range(ws, row, 0, row, 1,
                                             XlsxPaperWriter::cellText(paragraph).toUtf8().constData(),
                                             m_wrap),
                       name, row, -1))
                return false;
            ++row;
        }
        ++row;
        if (!writeString(ws, name, row++, 0, tr("Sheets"), m_bold))
            return false;
        for (const Sheet& sheet : sheets) {
            QString what = sheet.columns->heading;
            if (sheet.tables.size() > 1) {
                QStringList headings;
                for (const PaperTable* t : sheet.tables)
                    headings.append(t->heading);
                what = headings.join(QStringLiteral("; "));
            }
            if (!sheet.columns->note.isEmpty() && sheet.tables.size() == 1)
                what += QStringLiteral(" — ") + sheet.columns->note;
            if (!writeString(ws, name, row, 0, sheet.name, nullptr) ||
                !writeString(ws, name, row, 1, what, m_wrap))
                return false;
            ++row;
        }
        ++row;
        return line(m_paper.footer, m_italic);
    }

    bool writeCell(lxw_worksheet* ws, const QString& sheet, int row, int column, const PaperCell& cell)
    {
        if (cell.date.isValid()) {
            // A real date: sorts and filters as one, shown dd/mm/yyyy.
            lxw_datetime when{cell.date.year(), cell.date.month(), cell.date.day(), 0, 0, 0.0};
            return check(worksheet_write_datetime(ws, row, column, &when, cellFormat(cell.fill, true)), sheet,
                         row, column);
        }
        lxw_format* f = cellFormat(cell.fill, false);
        if (cell.number)
            return check(worksheet_write_number(ws, row, column, *cell.number, f), sheet, row, column);
        const QString text = cell.plainText();
        if (text.isEmpty())
            return check(worksheet_write_blank(ws, row, column, f), sheet, row, column);
        return writeString(ws, sheet, row, column, text, f);
    }

    bool setHeight(lxw_worksheet* ws, const QString& sheet, int row, int lines)
    {
        if (lines <= 1)
            return true;
        const double height = std::min(kMaxRowHeight, lines * kLineHeight + 2);
        return check(worksheet_set_row(ws, row, height, nullptr), sheet, row, -1);
    }

    bool writeTableSheet(const Sheet& sheet)
    {
        lxw_worksheet* ws = addSheet(sheet.name);
        if (!ws)
            return false;
        // No title rows: the header is row 1, so the sheet filters and imports cleanly.
        const QVector<int> columns = paperlayout::shownColumns(*sheet.columns, Medium::Spreadsheet);
        for (int i = 0; i < columns.size(); ++i) {
            const PaperColumn& column = sheet.columns->columns.at(columns.at(i));
            if (!check(worksheet_set_column(ws, i, i, std::max(1, column.excelWidth), nullptr), sheet.name, 0,
                       i) ||
                !writeString(ws, sheet.name, 0, i, column.header, m_header))
                return false;
        }
        QVector<int> widths;
        int headerLines = 1;
        for (int c : columns) {
            const PaperColumn& column = sheet.columns->columns.at(c);
            widths.append(std::max(1, column.excelWidth));
            headerLines = std::max(headerLines, wrappedLines(column.header, widths.last()));
        }
        if (!setHeight(ws, sheet.name, 0, headerLines))
            return false;
        int row = 1;
        for (const PaperTable* table : sheet.tables) {
            const QVector<int> own = paperlayout::shownColumns(*table, Medium::Spreadsheet);
            for (const PaperRow& r : table->rows) {
                int lines = 1;
                for (int i = 0; i < own.size(); ++i) {
                    const PaperCell& cell = r.cells.at(own.at(i));
                    if (!writeCell(ws, sheet.name, row, i, cell))
                        return false;
                    if (!cell.date.isValid() && !cell.number)
                        lines = std::max(lines, wrappedLines(cell.plainText(), widths.at(i)));
                }
                if (!setHeight(ws, sheet.name, row, lines))
                    return false;
                ++row;
            }
        }
        worksheet_freeze_panes(ws, 1, 0);
        if (!columns.isEmpty() &&
            !check(worksheet_autofilter(ws, 0, 0, std::max(0, row - 1), columns.size() - 1), sheet.name, 0,
                   -1))
            return false;
        return pageSetup(ws, sheet.name, std::accumulate(widths.begin(), widths.end(), 0.0)) &&
               check(worksheet_repeat_rows(ws, 0, 0), sheet.name, 0, -1);
    }

    const Paper& m_paper;
    lxw_workbook* m_book;
    QString m_error;
    lxw_format* m_organisation = nullptr;
    lxw_format* m_title = nullptr;
    lxw_format* m_bold = nullptr;
    lxw_format* m_wrap = nullptr;
    lxw_format* m_italic = nullptr;
    lxw_format* m_header = nullptr;
    QHash<int, lxw_format*> m_cellFormats;
    QByteArray m_titleUtf8;
    QByteArray m_creator = QByteArrayLiteral("Review Tracker");
};

} // namespace

QString XlsxPaperWriter::cellText(const QString& text)
{
    static const QRegularExpression escapeLike(QStringLiteral("_(x[0-9A-Fa-f]{4}_)"));
    const auto clean = [](QString t) {
        t.remove(QChar(0));
        t.replace(QChar(0xFFFE), QChar(0xFFFD));
        t.replace(QChar(0xFFFF), QChar(0xFFFD));
        // Excel reads "_x0041_" in a cell as "A"; "_x005F_" is its escaped underscore.
        if (t.contains(QLatin1String("_x")))
            t.replace(escapeLike, QStringLiteral("_x005F_\\1"));
        return t;
    };
    QString out = clean(text);
    if (out.size() <= kMaxCellLength)
        return out;
    // Cut rather than refuse the whole export: the cell says what happened.
    const QString note = tr(" … [cut to fit an Excel cell: the whole text is %1 characters; the program, the "
                            "CSV and the PDF show it all]")
                             .arg(text.size());
    qsizetype keep = kMaxCellLength - note.size();
    for (;;) {
        if (keep > 0 && text.at(keep - 1).isHighSurrogate())
            --keep; // never half an emoji
        out = clean(text.left(keep)) + note;
        if (out.size() <= kMaxCellLength)
            return out;
        keep -= out.size() - kMaxCellLength;
    }
}

bool XlsxPaperWriter::write(const Paper& paper, QIODevice* device)
{
    const QString what = paperformat::label(PaperFormat::Xlsx);
    QString problem = paperlayout::deviceProblem(device, what);
    if (problem.isEmpty())
        problem = paperlayout::checkTables(paper);
    if (problem.isEmpty() && paper.oneSheet)
        problem = paperlayout::checkMainColumnsAgree(paper, Medium::Spreadsheet);
    if (!problem.isEmpty())
        return fail(problem);

    // libxlsxwriter writes to a named file: a temporary one, copied to the device at the end.
    QTemporaryFile file(QDir::temp().filePath(QStringLiteral("review-tracker-XXXXXX.xlsx")));
    if (!file.open())
        return fail(tr("Cannot write the %1: no temporary file: %2").arg(what, file.errorString()));
    QByteArray bytes;
    {
        Workbook book(paper, file.fileName());
        if (!book.isOpen())
            return fail(tr("Cannot write the %1: the workbook could not be started.").arg(what));
        if (!book.build() || !book.close())
            return fail(tr("Cannot write the %1: %2").arg(what, book.error()));
    }
    QFile written(file.fileName());
    if (!written.open(QIODevice::ReadOnly))
        return fail(tr("Cannot write the %1: %2").arg(what, written.errorString()));
    bytes = written.readAll();
    problem = paperlayout::writeAll(device, bytes, what);
    if (!problem.isEmpty())
        return fail(problem);
    return true;
}

} // namespace rt
