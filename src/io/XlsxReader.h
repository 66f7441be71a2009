#pragma once

#include "SheetTable.h"

#include <QIODevice>
#include <QString>
#include <QStringList>
#include <QVector>

namespace rt {

// Reads the cells of an .xlsx workbook (ZipReader over the zip container,
// QXmlStreamReader over each sheet and the shared strings). Anything that is
// not a workbook, or is damaged, gives false and an error naming the part.
// Sheets come in workbook order (chart sheets left out); a cell is placed by
// its reference ("C7"), so cells the file leaves out read as blank; every cell
// of a merged area reads as the area's top-left value, as the sheet shows it.
class XlsxReader
{
public:
    bool read(QIODevice* device, const QString& sourceName);
    QStringList sheetNames() const;
    const QVector<SheetTable>& sheets() const { return m_sheets; }
    QString errorString() const { return m_error; }

    // Rows and cells (shared strings too) a workbook may make, twice a
    // 50,000-row tracker of 20 columns: past it the file is refused rather
    // than read until memory runs out. A blank cell costs nothing.
    static constexpr int kMaxCells = 2'000'000;
    static constexpr int kMaxStyles = 65'536;

private:
    QVector<SheetTable> m_sheets;
    QString m_error;
};

} // namespace rt
