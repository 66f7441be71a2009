#pragma once

#include "Paper.h"

#include <QByteArray>
#include <QColor>
#include <QIODevice>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QVector>
#include <functional>

// What the five paper writers share, so each rule lives in one place: which
// columns a medium shows, which repeated cells a document leaves blank, the
// RAG fill colour, sheet names Excel accepts, and the checked final write.
namespace rt::paperlayout {

enum class Medium
{
    Document,   // PDF, Word, HTML
    Spreadsheet // Excel, CSV
};

bool shows(const PaperColumn& column, Medium medium);
// Indexes into table.columns of the columns the medium shows, in order.
QVector<int> shownColumns(const PaperTable& table, Medium medium);
// The shown columns' width shares, summing to 1 (equal shares when none is positive).
QVector<double> widthShares(const PaperTable& table, const QVector<int>& columns);

// widthShares, widened where a column could not hold its longest word (a date,
// "Superintendent", a bold header) so no word is broken in the middle; the
// other columns give up their spare width. wordWidth measures a word (bold
// for headers and labels) in the units of tableWidth; cellExtra is a cell's
// padding and border. No column is widened beyond a quarter of the table.
QVector<double> fittedShares(const PaperTable& table, const QVector<int>& columns, double tableWidth,
                             double cellExtra, const std::function<double(const QString&, bool)>& wordWidth);
// A word width estimate for when no font is at hand (Word, HTML): points of
// a 9 pt sans serif, on the wide side so that the real font fits.
double estimatedWordWidth(const QString& word, bool bold);

// blanked[row][column] (column: index into table.columns) is true when a
// document leaves that cell blank because it repeats the row above within the
// same group (see PaperColumn::blankRepeats). All false for spreadsheets.
QVector<QVector<bool>> blankedCells(const PaperTable& table, Medium medium);

// The cell's paragraphs as a document shows them: a RAG-filled cell whose text
// does not say its colour gets the word, so a grey-scale print still tells.
QVector<PaperParagraph> documentParagraphs(const PaperCell& cell);
// The fill behind a RAG cell: rag::colour lightened so black text reads on it.
QColor ragFill(Rag r);
// Background of header rows and of group heading rows.
QColor headerFill();
QColor groupFill();

// The title block's rows: the paper's facts, then "Figures as of" when asOf is set.
QVector<QPair<QString, QString>> titleFacts(const Paper& paper);
// "Action plan" or, without a heading, "table 2": how errors name a table.
QString tableName(const PaperTable& table, int index);

// An error naming the table and row whose cells do not match its columns;
// empty when every table is well formed.
QString checkTables(const Paper& paper);
// An error when the Main tables do not all have the first Main table's
// columns (what CSV and Excel's one sheet need); empty when they do.
QString checkMainColumnsAgree(const Paper& paper, Medium medium);
QVector<int> mainTables(const Paper& paper);

// A valid Excel sheet name (no []:*?/\, not starting or ending with ', at most
// 31 characters, not Excel's reserved "History"), different from every name in
// taken ignoring case; it is appended to taken. fallback is used when wanted
// has nothing left.
QString uniqueSheetName(const QString& wanted, const QString& fallback, QStringList* taken);

// text without the characters XML 1.0 cannot hold (control characters other
// than tab, line feed and carriage return; unpaired surrogates).
QString xmlSafe(const QString& text);

// An error when device cannot be written to; empty when it can.
QString deviceProblem(QIODevice* device, const QString& formatLabel);
// Writes all of bytes to device and flushes a file, so a full disk is
// noticed; an error message, or empty when everything was written.
QString writeAll(QIODevice* device, const QByteArray& bytes, const QString& formatLabel);

} // namespace rt::paperlayout
