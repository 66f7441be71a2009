#pragma once

#include "core/Vocabulary.h"

#include <QDate>
#include <QString>
#include <QStringList>
#include <QVector>
#include <optional>

// A paper for the Executive or the QiiP subgroup, independent of its file
// format: a title block and tables. PaperQueries fills one from the database;
// each PaperWriter (PDF, Word, Excel, CSV, HTML) renders the same Paper, so
// every format says the same thing.
namespace rt {

// One paragraph of a cell. A label is shown in bold before the text, as the
// published plans write "Action Planned:" and "Action Update:".
struct PaperParagraph
{
    QString label;
    QString text;
    // The label as shown before the text: "Action Planned:" — a colon is added
    // unless the label already ends in punctuation; empty when there is no label.
    QString shownLabel() const;
};

struct PaperCell
{
    QVector<PaperParagraph> paragraphs;
    // A full day: spreadsheets write it as a real date (shown dd/mm/yyyy);
    // documents show the paragraphs' text.
    QDate date;
    // A count or percentage: spreadsheets write it as a number.
    std::optional<double> number;
    // The cell is filled with this RAG colour (Rag::None: no fill).
    Rag fill = Rag::None;

    static PaperCell plain(const QString& text);
    static PaperCell day(const QDate& date, const QString& shown);
    static PaperCell count(double value, const QString& shown);
    static PaperCell ragCell(Rag r, const QString& shown);
    // The paragraphs as plain text: "Label: text", one paragraph per line.
    QString plainText() const;
};

struct PaperColumn
{
    enum class Use
    {
        Everywhere,
        DocumentOnly,   // PDF, Word, HTML: e.g. one cell combining action and updates
        SpreadsheetOnly // Excel, CSV: e.g. the review's name on every row, for filtering
    };
    QString header;
    // Share of the page width in documents (the writer normalises the sum).
    double width = 1.0;
    // Column width in Excel, in characters.
    int excelWidth = 15;
    Use use = Use::Everywhere;
    // Documents leave a cell blank when it repeats the one above in the same
    // group, as a merged cell would read; spreadsheets repeat the value so a
    // filtered row still says what it belongs to. Hierarchical, like merged
    // cells: a cell is blanked only when it and every blankRepeats column to
    // its left repeat the row above ("Agreed" under another recommendation
    // number is shown again).
    bool blankRepeats = false;
};

struct PaperRow
{
    // Documents put a heading row across the whole table before this row
    // when set ("1  Undertake a comprehensive review …"); spreadsheets ignore it.
    QString groupHeading;
    QVector<PaperCell> cells; // one per column
};

struct PaperTable
{
    enum class Role
    {
        Main,         // the paper's data: CSV writes every Main table under one header
        Supplementary // e.g. the version history: documents and Excel only
    };
    QString heading;   // shown above the table in documents
    QString sheetName; // Excel sheet (writers make it valid and unique)
    QString note;      // a line under the heading, e.g. "None overdue."
    Role role = Role::Main;
    QVector<PaperColumn> columns;
    QVector<PaperRow> rows;
};

struct Paper
{
    QString organisation; // "Gloucestershire Safeguarding Children Partnership"
    QString title;        // "Action Plan in Response to: Child X …"
    QString subtitle;
    // The title block, in order: {"Review", "Child X"}, {"Plan version", "8.0 (26/02/2024)"} …
    QVector<QPair<QString, QString>> facts;
    QStringList introduction; // paragraphs under the title block
    QVector<PaperTable> tables;
    QDate asOf;     // the date the figures are for
    QString footer; // left of the page number: "Review Tracker · 23/11/2026"
    bool landscape = true;
    // Excel: every Main table on one sheet (first table's columns) instead of one sheet each.
    bool oneSheet = false;
};

enum class PaperFormat
{
    Pdf,
    Docx,
    Xlsx,
    Csv,
    Html
};

namespace paperformat {
QString code(PaperFormat f);   // "pdf", "docx", …
QString suffix(PaperFormat f); // ".pdf", …
QString label(PaperFormat f);  // "PDF document", "Word document" …
bool fromCode(const QString& code, PaperFormat* out);
} // namespace paperformat

} // namespace rt
