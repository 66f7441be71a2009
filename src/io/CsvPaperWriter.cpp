#include "CsvPaperWriter.h"

#include "PaperLayout.h"

#include <QRegularExpression>

namespace rt {

namespace {

using paperlayout::Medium;

// What a spreadsheet would read from the cell: a full day as dd/mm/yyyy
// (what a UK Excel shows, and what the tracker importer reads), else the text.
QString cellText(const PaperCell& cell)
{
    if (cell.date.isValid())
        return cell.date.toString(QStringLiteral("dd/MM/yyyy"));
    return cell.plainText();
}

// OWASP's advice against CSV injection: a cell a spreadsheet would take for a
// formula gets a leading apostrophe. The tracker importer strips it again.
QString neutralised(const QString& text)
{
    if (text.isEmpty())
        return text;
    const QChar first = text.front();
    bool risky = first == QLatin1Char('=') || first == QLatin1Char('+') || first == QLatin1Char('@') ||
                 first == QLatin1Char('\t') || first == QLatin1Char('\r');
    if (first == QLatin1Char('-')) {
        static const QRegularExpression negative(QStringLiteral("^-[0-9]+([.][0-9]+)?$"));
        risky = !negative.match(text).hasMatch();
    }
    return risky ? QLatin1Char('\'') + text : text;
}

// RFC 4180: a cell holding a comma, quote, CR or LF is quoted, its quotes doubled.
QString quoted(const QString& text)
{
    static const QRegularExpression special(QStringLiteral("[,\"\r\n]"));
    if (!text.contains(special))
        return text;
    QString q = text;
    q.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

void appendLine(QString* out, const QStringList& cells)
{
    for (int i = 0; i < cells.size(); ++i) {
        if (i > 0)
            out->append(QLatin1Char(','));
        out->append(quoted(neutralised(cells.at(i))));
    }
    out->append(QLatin1String("\r\n"));
}

} // namespace

bool CsvPaperWriter::write(const Paper& paper, QIODevice* device)
{
    const QString what = paperformat::label(PaperFormat::Csv);
    QString problem = paperlayout::deviceProblem(device, what);
    if (problem.isEmpty())
        problem = paperlayout::checkTables(paper);
    if (problem.isEmpty())
        problem = paperlayout::checkMainColumnsAgree(paper, Medium::Spreadsheet);
    if (!problem.isEmpty())
        return fail(problem);

    // Every Main table under the first one's header: one list to sort and filter.
    const QVector<int> mains = paperlayout::mainTables(paper);
    const PaperTable& first = paper.tables.at(mains.first());
    QString text;
    QStringList header;
    for (int c : paperlayout::shownColumns(first, Medium::Spreadsheet))
        header.append(first.columns.at(c).header);
    appendLine(&text, header);
    for (int t : mains) {
        const PaperTable& table = paper.tables.at(t);
        const QVector<int> columns = paperlayout::shownColumns(table, Medium::Spreadsheet);
        for (const PaperRow& row : table.rows) {
            QStringList cells;
            for (int c : columns)
                cells.append(cellText(row.cells.at(c)));
            appendLine(&text, cells);
        }
    }
    // The byte order mark tells Excel the file is UTF-8 ("Zoë" stays Zoë).
    const QByteArray bytes = QByteArray("\xEF\xBB\xBF") + text.toUtf8();
    problem = paperlayout::writeAll(device, bytes, what);
    if (!problem.isEmpty())
        return fail(problem);
    return true;
}

} // namespace rt
