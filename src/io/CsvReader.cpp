#include "CsvReader.h"

#include <QCoreApplication>
#include <QStringDecoder>

namespace rt {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("rt::CsvReader", text);
}

// The line (from 1) holding the first byte that is not UTF-8, or 0 when all
// of it is. A multi-byte sequence never holds a newline byte, so each line
// can be checked on its own.
int firstInvalidUtf8Line(const QByteArray& bytes)
{
    int line = 1;
    qsizetype start = 0;
    while (start <= bytes.size()) {
        qsizetype end = bytes.indexOf('\n', start);
        if (end < 0)
            end = bytes.size();
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString decoded = decoder.decode(QByteArrayView(bytes.constData() + start, end - start));
        Q_UNUSED(decoded);
        if (decoder.hasError())
            return line;
        ++line;
        start = end + 1;
    }
    return 0;
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
// = + - @ so a spreadsheet does not run it as a formula; reading it back the
// apostrophe is not part of the text.
QString unprotected(QString cell)
{
    if (cell.size() >= 2 && cell.at(0) == u'\'') {
        const QChar next = cell.at(1);
        if (next == u'=' || next == u'+' || next == u'-' || next == u'@')
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
    if (const int bad = firstInvalidUtf8Line(bytes)) {
        m_error = tr("%1, line %2: not UTF-8 text; save the file as “CSV UTF-8” and try again")
                      .arg(sourceName)
                      .arg(bad);
        return false;
    }
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
