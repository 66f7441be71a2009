#include "HtmlPaperWriter.h"

#include "PaperLayout.h"

namespace rt {

namespace {

using paperlayout::Medium;

// Escaped for HTML, with characters no HTML may carry dropped and line breaks kept.
QString esc(const QString& text)
{
    QString e = paperlayout::xmlSafe(text).toHtmlEscaped();
    e.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    e.replace(QLatin1Char('\n'), QLatin1String("<br>"));
    return e;
}

QString ragClass(Rag r)
{
    return QStringLiteral("rag-") + rag::code(r);
}

QString styleSheet(const Paper& paper)
{
    QString css =
        QStringLiteral(
            "@page { size: A4 %1; margin: 12mm 12mm 14mm; }\n"
            "body { font-family: \"DejaVu Sans\", Arial, Helvetica, sans-serif; font-size: 10pt; color: #000;"
            " margin: 1.5em; -webkit-print-color-adjust: exact; print-color-adjust: exact; }\n"
            ".organisation { font-weight: bold; color: #1f3864; margin: 0; }\n"
            "h1 { font-size: 18pt; color: #1f3864; margin: .2em 0; }\n"
            ".subtitle { font-size: 12pt; color: #404040; margin: 0 0 .8em; }\n"
            "table { border-collapse: collapse; }\n"
            "table.facts { margin: 0 0 1em; }\n"
            "table.facts th { text-align: left; padding: 2px 16px 2px 0; vertical-align: top; white-space: "
            "nowrap; }\n"
            "table.facts td { padding: 2px 0; vertical-align: top; }\n"
            ".introduction p { margin: 0 0 .6em; max-width: 60em; }\n"
            "h2 { font-size: 13pt; color: #1f3864; margin: 1.4em 0 .3em; break-after: avoid; }\n"
            ".note { font-style: italic; margin: 0 0 .4em; }\n"
            "table.paper { width: 100%; table-layout: fixed; }\n"
            "table.paper th, table.paper td { border: 1px solid #999; padding: 3px 5px; vertical-align: top;"
            " text-align: left; overflow-wrap: anywhere; }\n"
            "table.paper thead { display: table-header-group; }\n"
            "table.paper thead th { background: %2; }\n"
            "table.paper tr.group th { background: %3; }\n"
            "table.paper td p { margin: 0 0 .35em; }\n"
            "table.paper td p:last-child { margin-bottom: 0; }\n"
            // A blank repeat reads as one merged cell with the one above: "hidden" wins the collapsed border.
            "table.paper td.repeat { border-top-style: hidden; }\n"
            "footer { margin-top: 2em; color: #555; font-size: 8pt; }\n")
            .arg(paper.landscape ? QStringLiteral("landscape") : QStringLiteral("portrait"),
                 paperlayout::headerFill().name(), paperlayout::groupFill().name());
    for (Rag r : {Rag::Red, Rag::Amber, Rag::Green, Rag::Blue}) {
        css += QStringLiteral("table.paper td.%1 { background: %2; }\n")
                   .arg(ragClass(r), paperlayout::ragFill(r).name());
    }
    return css;
}

void writeCell(QString* html, const PaperCell& cell, bool blank)
{
    if (blank)
        *html += QLatin1String("<td class=\"repeat\">");
    else if (cell.fill != Rag::None)
        *html += QStringLiteral("<td class=\"%1\">").arg(ragClass(cell.fill));
    else
        *html += QLatin1String("<td>");
    if (!blank) {
        const QVector<PaperParagraph> paragraphs = paperlayout::documentParagraphs(cell);
        for (const PaperParagraph& p : paragraphs) {
            *html += QLatin1String("<p>");
            const QString label = p.shownLabel();
            if (!label.isEmpty())
                *html += QStringLiteral("<strong>%1</strong>").arg(esc(label)) +
                         (p.text.isEmpty() ? QString() : QStringLiteral(" "));
            *html += esc(p.text) + QLatin1String("</p>");
        }
    }
    *html += QLatin1String("</td>");
}

void writeTable(QString* html, const PaperTable& table, bool landscape)
{
    if (!table.heading.isEmpty())
        *html += QStringLiteral("<h2>%1</h2>\n").arg(esc(table.heading));
    if (!table.note.isEmpty())
        *html += QStringLiteral("<p class=\"note\">%1</p>\n").arg(esc(table.note));
    const QVector<int> columns = paperlayout::shownColumns(table, Medium::Document);
    // Printed on A4 with 12 mm margins: the width a word may claim, in points.
    const double width = (landscape ? 297 - 24 : 210 - 24) / 25.4 * 72;
    const QVector<double> shares =
        paperlayout::fittedShares(table, columns, width, 10, paperlayout::estimatedWordWidth);
    const QVector<QVector<bool>> blanked = paperlayout::blankedCells(table, Medium::Document);
    *html += QLatin1String("<table class=\"paper\">\n<colgroup>");
    for (double share : shares)
        *html += QStringLiteral("<col style=\"width: %1%\">").arg(share * 100, 0, 'f', 2);
    // thead: browsers repeat it at the top of every printed page.
    *html += QLatin1String("</colgroup>\n<thead><tr>");
    for (int c : columns)
        *html += QStringLiteral("<th scope=\"col\">%1</th>").arg(esc(table.columns.at(c).header));
    *html += QLatin1String("</tr></thead>\n<tbody>\n");
    for (int r = 0; r < table.rows.size(); ++r) {
        const PaperRow& row = table.rows.at(r);
        if (!row.groupHeading.isEmpty()) {
            *html +=
                QStringLiteral("<tr class=\"group\"><th colspan=\"%1\" scope=\"colgroup\">%2</th></tr>\n")
                    .arg(columns.size())
                    .arg(esc(row.groupHeading));
        }
        *html += QLatin1String("<tr>");
        for (int c : columns)
            writeCell(html, row.cells.at(c), blanked.at(r).at(c));
        *html += QLatin1String("</tr>\n");
    }
    *html += QLatin1String("</tbody>\n</table>\n");
}

} // namespace

bool HtmlPaperWriter::write(const Paper& paper, QIODevice* device)
{
    const QString what = paperformat::label(PaperFormat::Html);
    QString problem = paperlayout::deviceProblem(device, what);
    if (problem.isEmpty())
        problem = paperlayout::checkTables(paper);
    if (!problem.isEmpty())
        return fail(problem);

    QString html;
    html.reserve(64 * 1024);
    html += QStringLiteral("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
                           "<meta name=\"generator\" content=\"Review Tracker\">\n<title>%1</title>\n"
                           "<style>\n%2</style>\n</head>\n<body>\n")
                .arg(esc(paper.title), styleSheet(paper));
    html += QLatin1String("<header>\n");
    if (!paper.organisation.isEmpty())
        html += QStringLiteral("<p class=\"organisation\">%1</p>\n").arg(esc(paper.organisation));
    if (!paper.title.isEmpty())
        html += QStringLiteral("<h1>%1</h1>\n").arg(esc(paper.title));
    if (!paper.subtitle.isEmpty())
        html += QStringLiteral("<p class=\"subtitle\">%1</p>\n").arg(esc(paper.subtitle));
    const auto facts = paperlayout::titleFacts(paper);
    if (!facts.isEmpty()) {
        html += QLatin1String("<table class=\"facts\">\n");
        for (const auto& fact : facts) {
            html += QStringLiteral("<tr><th scope=\"row\">%1</th><td>%2</td></tr>\n")
                        .arg(esc(fact.first), esc(fact.second));
        }
        html += QLatin1String("</table>\n");
    }
    html += QLatin1String("</header>\n");
    if (!paper.introduction.isEmpty()) {
        html += QLatin1String("<section class=\"introduction\">\n");
        for (const QString& p : paper.introduction)
            html += QStringLiteral("<p>%1</p>\n").arg(esc(p));
        html += QLatin1String("</section>\n");
    }
    for (const PaperTable& table : paper.tables)
        writeTable(&html, table, paper.landscape);
    if (!paper.footer.isEmpty())
        html += QStringLiteral("<footer>%1</footer>\n").arg(esc(paper.footer));
    html += QLatin1String("</body>\n</html>\n");

    problem = paperlayout::writeAll(device, html.toUtf8(), what);
    if (!problem.isEmpty())
        return fail(problem);
    return true;
}

} // namespace rt
