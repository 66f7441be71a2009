#include "CsvReader.h"

#include <QCoreApplication>

namespace rt {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("rt::CsvReader", text);
}

// The offset of the first byte that does not start a well-formed UTF-8
// sequence (Unicode 15, table 3-7: no overlong forms, no surrogates, nothing
// past U+10FFFF), or -1 when all of it is UTF-8.
qsizetype firstInvalidUtf8(const QByteArray& bytes)
{
    const auto* s = reinterpret_cast<const unsigned char*>(bytes.constData());
    const qsizetype n = bytes.size();
    for (qsizetype i = 0; i < n;) {
        const unsigned char b = s[i];
        if (b < 0x80) {
            ++i;
            continue;
        }
        int more = 0;
        unsigned char low = 0x80, high = 0xBF; // the range of the second byte
        if (b >= 0xC2 && b <= 0xDF)
            more = 1;
        else if (b >= 0xE0 && b <= 0xEF) {
            more = 2;
            low = b == 0xE0 ? 0xA0 : 0x80;
            high = b == 0xED ? 0x9F : 0xBF;
        } else if (b >= 0xF0 && b <= 0xF4) {
            more = 3;
            low = b == 0xF0 ? 0x90 : 0x80;
            high = b == 0xF4 ? 0x8F : 0xBF;
        } else {
            return i;
        }
        if (i + more >= n || s[i + 1] < low || s[i + 1] > high)
            return i;
        for (int k = 2; k <= more; ++k) {
            if (s[i + k] < 0x80 || s[i + k] > 0xBF)
                return i;
        }
        i += 1 + more;
    }
    return -1;
}

// The delimiter: a comma unless the first lines have more semicolons or tabs
// (Excel writes ";" where the comma is the decimal mark). Several lines are
// counted, so a title row above the headers does not decide it alone.
QChar detectDelimiter(const QString& text)
{
    int commas = 0, semicolons = 0, tabs = 0, lines = 0;
    bool quoted = false;
    for (const QChar c : text) {
        if (c == u'"')
            quoted = !quoted;
        else if (quoted)
            continue;
        else if (c == u'\n' && ++lines == 30)
            break;
        else if (c == u',')
            ++commas;
        else if (c == u';')
            ++semicolons;
        else if (c == u'\t')
            ++tabs;
    }
    if (semicolons > commas && semicolons >= tabs)
        return u';';
    if (tabs > commas && tabs > semicolons)
        return u'\t';
    return u',';
}

// Our CSV writer (like most) puts an apostrophe before a cell starting with
// = + - @, a tab or a CR, so a spreadsheet does not run it as a formula;
// reading it back the apostrophe is not part of the text. (A CR in a quoted
// cell has become a line break by now.)
QString unprotected(QString cell)
{
    if (cell.size() >= 2 && cell.at(0) == u'\'') {
        const QChar next = cell.at(1);
        if (next == u'=' || next == u'+' || next == u'-' || next == u'@' || next == u'\t' || next == u'\r' ||
            next == u'\n')
            cell.remove(0, 1);
    }
    return cell;
}

} // namespace

bool CsvReader::read(QIODevice* device, const QString& sourceName, SheetTable* out)
{
    m_error.clear();
    *out = SheetTable();
    out->name = sourceName;
    if (!device->isOpen() && !device->open(QIODevice::ReadOnly)) {
        m_error = tr("%1: cannot be opened: %2").arg(sourceName, device->errorString());
        return false;
    }
    QByteArray bytes = device->readAll();
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    // Text that is not UTF-8 (a Latin-1 "Zoë" from an old Excel "CSV") is
    // refused, never guessed at: the cell it is in is found by reading on
    // with the bad bytes as U+FFFD, and named with the line and byte.
    const qsizetype badByte = firstInvalidUtf8(bytes);
    const qsizetype badChar = badByte < 0 ? -1 : QString::fromUtf8(bytes.left(badByte)).size();
    int badRow = 0;
    int badColumn = 0;
    const QString text = QString::fromUtf8(bytes);
    const QChar delimiter = detectDelimiter(text);

    QVector<SheetCell> row;
    QString cell;
    int line = 1;
    bool quoted = false;
    bool rowHasContent = false; // something (even an empty quoted cell) since the row began
    int quoteLine = 0;
    auto endCell = [&] {
        SheetCell c;
        c.text = unprotected(cell);
        row.append(std::move(c));
        cell.clear();
    };
    auto endRow = [&] {
        endCell();
        out->rows.append(std::move(row));
        row = QVector<SheetCell>();
        rowHasContent = false;
    };

    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (i == badChar) {
            badRow = int(out->rows.size()) + 1;
            badColumn = int(row.size());
        }
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < n && text.at(i + 1) == u'"') {
                    cell += u'"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == u'\n')
                    ++line;
                // A CRLF inside a cell is one line break, as the spreadsheet shows it.
                if (c == u'\r' && i + 1 < n && text.at(i + 1) == u'\n')
                    continue;
                cell += c == u'\r' ? QChar(u'\n') : c;
            }
            continue;
        }
        if (c == u'"' && cell.isEmpty()) {
            quoted = true;
            quoteLine = line;
            rowHasContent = true;
        } else if (c == delimiter) {
            endCell();
            rowHasContent = true;
        } else if (c == u'\r' || c == u'\n') {
            if (c == u'\r' && i + 1 < n && text.at(i + 1) == u'\n')
                ++i;
            endRow();
            ++line;
        } else {
            cell += c;
            rowHasContent = true;
        }
    }
    if (badByte >= 0) {
        m_error = tr("%1, line %2 (row %3, column %4): not UTF-8 text (byte 0x%5); save the file as “CSV "
                     "UTF-8” and try again; nothing was read")
                      .arg(sourceName)
                      .arg(bytes.left(badByte).count('\n') + 1)
                      .arg(badRow)
                      .arg(SheetTable::columnLetter(badColumn))
                      .arg(QString::number(quint8(bytes.at(badByte)), 16).toUpper());
        out->rows.clear();
        return false;
    }
    if (quoted) {
        m_error =
            tr("%1, line %2: a quoted cell is never closed (a \" is missing)").arg(sourceName).arg(quoteLine);
        out->rows.clear();
        return false;
    }
    if (rowHasContent || !cell.isEmpty())
        endRow();
    return true;
}

} // namespace rt
