#include "SheetTable.h"

#include "CsvReader.h"
#include "XlsxReader.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <cmath>

namespace rt {

QDate SheetCell::date() const
{
    if (!isDate || !number)
        return QDate();
    // Whole days; the fraction is the time of day. Excel counts a 29
    // February 1900 that never was, so serials before it start a day later.
    // Checked as a double: 1e300 or NaN ("nan" is a number to Qt) made a
    // whole number would be undefined behaviour.
    const double whole = std::floor(*number);
    if (!(whole >= 1 && whole <= 2958465)) // 1 January 1900 … 31 December 9999
        return QDate();
    const qint64 days = qint64(whole);
    if (days < 60)
        return QDate(1899, 12, 31).addDays(days);
    if (days == 60)
        return QDate(); // 29/02/1900
    return QDate(1899, 12, 30).addDays(days);
}

QString SheetTable::text(int row, int column) const
{
    if (row < 0 || row >= rows.size())
        return QString();
    const QVector<SheetCell>& cells = rows.at(row);
    if (column < 0 || column >= cells.size())
        return QString();
    return cells.at(column).text;
}

QString SheetTable::columnLetter(int column)
{
    // Bijective base 26: A..Z, then AA..AZ, BA.. — there is no zero digit.
    QString letters;
    for (int n = column + 1; n > 0; n = (n - 1) / 26)
        letters.prepend(QChar(u'A' + (n - 1) % 26));
    return letters;
}

int SheetTable::columnFromReference(QStringView reference)
{
    int column = 0;
    int letters = 0;
    for (const QChar c : reference) {
        const char16_t u = c.toUpper().unicode();
        if (u < u'A' || u > u'Z')
            break;
        column = column * 26 + (u - u'A' + 1);
        // XFD (16384) is the last column a workbook may have.
        if (++letters > 3)
            return -1;
    }
    return letters == 0 ? -1 : column - 1;
}

bool SheetTable::isReadable(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == QLatin1String("csv") || suffix == QLatin1String("xlsx") ||
           suffix == QLatin1String("xlsm");
}

bool SheetTable::readFile(const QString& path, QVector<SheetTable>* sheets, QString* error)
{
    const auto tr = [](const char* text) { return QCoreApplication::translate("rt::SheetTable", text); };
    sheets->clear();
    const QString name = QFileInfo(path).fileName();
    if (!isReadable(path)) {
        *error = tr("%1: not a spreadsheet this program reads; give a .csv or .xlsx file").arg(path);
        return false;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("%1: cannot be opened: %2").arg(path, file.errorString());
        return false;
    }
    if (QFileInfo(path).suffix().toLower() == QLatin1String("csv")) {
        CsvReader reader;
        SheetTable sheet;
        if (!reader.read(&file, name, &sheet)) {
            *error = reader.errorString();
            return false;
        }
        sheets->append(std::move(sheet));
        return true;
    }
    XlsxReader reader;
    if (!reader.read(&file, name)) {
        *error = reader.errorString();
        return false;
    }
    *sheets = reader.sheets();
    return true;
}

} // namespace rt
