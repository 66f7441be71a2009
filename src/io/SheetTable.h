#pragma once

#include <QDate>
#include <QString>
#include <QVector>
#include <optional>

// A spreadsheet's cells as read from a .csv or one sheet of an .xlsx, before
// any meaning is given to them. Rows and columns count from 0 here; messages
// to users count from 1 and name columns by letter, as spreadsheets do.
namespace rt {

struct SheetCell
{
    QString text; // as the user sees it (an .xlsx number: its plain digits)
    // An .xlsx numeric cell's value; a date cell's is its serial in the 1900
    // date system (XlsxReader converts a 1904 workbook's).
    std::optional<double> number;
    bool isDate = false; // the .xlsx cell's number format is a date format
    // A date cell's number format code ("dd/mm/yyyy", "mmm-yy"), so a
    // reader can tell a month ("Mar-24") from a day; "" for other cells.
    QString format;

    // The day a date cell shows (Excel's serial, counting its 29 February
    // 1900 that never was); invalid for any other cell.
    QDate date() const;
};

struct SheetTable
{
    QString name; // sheet name; the file name for a .csv
    QVector<QVector<SheetCell>> rows;

    // "" when out of range.
    QString text(int row, int column) const;
    // "A", …, "Z", "AA" …
    static QString columnLetter(int column);
    // The column of "C" or of a reference "C7" (0 for "A"); -1 when it names none.
    static int columnFromReference(QStringView reference);

    // True for the files readFile() reads: .csv, .xlsx, .xlsm.
    static bool isReadable(const QString& path);
    // The sheets of a .csv (one, named after the file) or an .xlsx (each in
    // workbook order); false with *error naming the file and the cause.
    static bool readFile(const QString& path, QVector<SheetTable>* sheets, QString* error);
};

} // namespace rt
