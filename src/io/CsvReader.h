#pragma once

#include "SheetTable.h"

#include <QIODevice>
#include <QString>

namespace rt {

// RFC 4180 CSV: UTF-8 with or without a byte-order mark, CRLF or LF, quoted
// cells with commas, quotes and line breaks. Invalid UTF-8 or an unclosed
// quote gives false and an error naming the line.
class CsvReader
{
public:
    bool read(QIODevice* device, const QString& sourceName, SheetTable* out);
    QString errorString() const { return m_error; }

private:
    QString m_error;
};

} // namespace rt
