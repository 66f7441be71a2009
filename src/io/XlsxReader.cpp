#include "XlsxReader.h"

#include "ZipArchive.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>
#include <QXmlStreamReader>

namespace rt {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("rt::XlsxReader", text);
}

// Date and time formats Excel numbers itself (ECMA-376 part 1, 18.8.30),
// with the codes a UK Excel shows them in. 27–36 and 50–58 are the East Asian
// date formats, which a workbook from such a locale may carry.
QString builtInDateFormat(int id)
{
    switch (id) {
    case 14:
        return QStringLiteral("dd/mm/yyyy");
    case 15:
        return QStringLiteral("d-mmm-yy");
    case 16:
        return QStringLiteral("d-mmm");
    case 17:
        return QStringLiteral("mmm-yy");
    case 18:
        return QStringLiteral("h:mm AM/PM");
    case 19:
        return QStringLiteral("h:mm:ss AM/PM");
    case 20:
        return QStringLiteral("h:mm");
    case 21:
        return QStringLiteral("h:mm:ss");
    case 22:
        return QStringLiteral("dd/mm/yyyy h:mm");
    case 45:
        return QStringLiteral("mm:ss");
    case 46:
        return QStringLiteral("[h]:mm:ss");
    case 47:
        return QStringLiteral("mmss.0");
    default:
        break;
    }
    if ((id >= 27 && id <= 36) || (id >= 50 && id <= 58))
        return QStringLiteral("yyyy-mm-dd");
    return QString();
}

// A custom format is a date format when it has a day, month or year letter
// outside its literals: "quoted text", [colour or locale], \x escapes and
// _x / *x padding do not count.
bool isDateFormatCode(const QString& code)
{
    bool quoted = false;
    int bracket = 0;
    for (qsizetype i = 0; i < code.size(); ++i) {
        const QChar c = code.at(i);
        if (quoted) {
            quoted = c != u'"';
            continue;
        }
        if (c == u'"')
            quoted = true;
        else if (c == u'[')
            ++bracket;
        else if (c == u']')
            bracket = qMax(0, bracket - 1);
        else if (bracket > 0)
            continue;
        else if (c == u'\\' || c == u'_' || c == u'*')
            ++i;
        else if (c == u';')
            break; // the first section decides; the rest are for negatives and text
        else {
            const QChar l = c.toLower();
            if (l == u'd' || l == u'm' || l == u'y')
                return true;
        }
    }
    return false;
}

QString joinPath(const QString& folder, const QString& target)
{
    if (target.startsWith(QLatin1Char('/')))
        return target.mid(1);
    QStringList parts = folder.isEmpty() ? QStringList() : folder.split(QLatin1Char('/'));
    for (const QString& part : target.split(QLatin1Char('/'))) {
        if (part == QLatin1String(".."))
            parts.isEmpty() ? void() : parts.removeLast();
        else if (!part.isEmpty() && part != QLatin1String("."))
            parts << part;
    }
    return parts.join(QLatin1Char('/'));
}

QString folderOf(const QString& path)
{
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    return slash < 0 ? QString() : path.left(slash);
}

// The relationship id attribute: r:id in transitional files, the same name
// in another namespace in strict ones.
QString relationshipId(const QXmlStreamAttributes& attributes)
{
    for (const QXmlStreamAttribute& a : attributes) {
        if (a.name() == QLatin1String("id") && !a.namespaceUri().isEmpty())
            return a.value().toString();
    }
    return QString();
}

struct Relationship
{
    QString type; // the last part of the type URI: "worksheet", "sharedStrings" …
    QString target;
};

// One workbook being read: the zip container and what the parts tell about
// one another. The container is read with ZipReader (libzip), not QuaZip:
// see ZipArchive.h.
class Workbook
{
public:
    Workbook(QIODevice* device, const QString& source) : m_device(device), m_source(source) {}

    bool open()
    {
        if (!m_device->isOpen() && !m_device->open(QIODevice::ReadOnly))
            return fail(tr("%1: cannot be opened: %2").arg(m_source, m_device->errorString()));
        if (!m_zip.open(m_device->readAll()))
            return fail(tr("%1: not an .xlsx workbook (it is not a zip file; an older .xls must be saved "
                           "as .xlsx first)")
                            .arg(m_source));
        const QStringList names = m_zip.entryNames();
        for (const QString& name : names)
            m_names.insert(name.toLower(), name);
        return true;
    }

    // Part names are matched ignoring case, as Excel does.
    bool has(const QString& path) const { return m_names.contains(path.toLower()); }

    bool part(const QString& path, QByteArray* bytes)
    {
        const QString stored = m_names.value(path.toLower());
        if (stored.isEmpty())
            return fail(tr("%1: not an .xlsx workbook: %2 is missing").arg(m_source, path));
        if (!m_zip.read(stored, bytes))
            return fail(tr("%1: %2 cannot be read (the file is damaged: %3)")
                            .arg(m_source, path, m_zip.errorString()));
        return true;
    }

    bool xmlError(const QString& path, const QXmlStreamReader& xml)
    {
        return fail(tr("%1: %2 is damaged (%3 at line %4)")
                        .arg(m_source, path, xml.errorString())
                        .arg(xml.lineNumber()));
    }

    bool relationships(const QString& partPath, QHash<QString, Relationship>* out)
    {
        const QString relsPath =
            joinPath(folderOf(partPath), QStringLiteral("_rels/%1.rels").arg(partPath.section(u'/', -1)));
        out->clear();
        if (!has(relsPath))
            return true;
        QByteArray bytes;
        if (!part(relsPath, &bytes))
            return false;
        QXmlStreamReader xml(bytes);
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement() || xml.name() != QLatin1String("Relationship"))
                continue;
            const auto a = xml.attributes();
            if (a.value(QLatin1String("TargetMode")) == QLatin1String("External"))
                continue;
            out->insert(a.value(QLatin1String("Id")).toString(),
                        {a.value(QLatin1String("Type")).toString().section(u'/', -1),
                         joinPath(folderOf(partPath), a.value(QLatin1String("Target")).toString())});
        }
        if (xml.hasError())
            return xmlError(relsPath, xml);
        return true;
    }

    QString errorString() const { return m_error; }

private:
    bool fail(const QString& error)
    {
        m_error = error;
        return false;
    }

    QIODevice* m_device;
    ZipReader m_zip;
    QString m_source;
    QString m_error;
    QHash<QString, QString> m_names; // lower case → as stored
};

// Excel writes a character XML cannot hold (a control character) as
// "_x0001_", and a "_x" that starts such an escape in the text itself as
// "_x005F_x"; libxlsxwriter (so our own exports) does the same.
QString unescaped(const QString& text)
{
    if (!text.contains(QLatin1String("_x")))
        return text;
    static const QRegularExpression escape(QStringLiteral("_x([0-9A-Fa-f]{4})_"));
    QString out;
    qsizetype from = 0;
    for (auto it = escape.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(text).mid(from, m.capturedStart() - from);
        out += QChar(char16_t(m.capturedView(1).toUShort(nullptr, 16)));
        from = m.capturedEnd();
    }
    out += QStringView(text).mid(from);
    return out;
}

// Reads the text of an <si> or <is>: its <t>, or the <t> of each rich-text
// run <r>, leaving out phonetic guides (<rPh>) which Excel does not show.
QString readStringItem(QXmlStreamReader& xml)
{
    QString text;
    int phonetic = 0;
    const QString end = xml.name().toString();
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (xml.name() == QLatin1String("rPh"))
                ++phonetic;
            else if (xml.name() == QLatin1String("t") && phonetic == 0)
                text += xml.readElementText(QXmlStreamReader::IncludeChildElements);
        } else if (xml.isEndElement()) {
            if (xml.name() == QLatin1String("rPh"))
                --phonetic;
            else if (xml.name() == end)
                break;
        }
    }
    return unescaped(text);
}

} // namespace

QStringList XlsxReader::sheetNames() const
{
    QStringList names;
    for (const SheetTable& s : m_sheets)
        names << s.name;
    return names;
}

bool XlsxReader::read(QIODevice* device, const QString& sourceName)
{
    m_sheets.clear();
    m_error.clear();
    // All sheets or none: a sheet that is damaged takes those read before it along.
    bool done = false;
    const auto clearOnFailure = qScopeGuard([&] {
        if (!done)
            m_sheets.clear();
    });
    Workbook book(device, sourceName);
    if (!book.open()) {
        m_error = book.errorString();
        return false;
    }

    // The package relationships name the workbook part; nearly always
    // xl/workbook.xml.
    QString workbookPath = QStringLiteral("xl/workbook.xml");
    QHash<QString, Relationship> rels;
    if (!book.relationships(QString(), &rels)) {
        m_error = book.errorString();
        return false;
    }
    for (const Relationship& r : std::as_const(rels)) {
        if (r.type == QLatin1String("officeDocument"))
            workbookPath = r.target;
    }
    QByteArray bytes;
    if (!book.part(workbookPath, &bytes)) {
        m_error = book.errorString();
        return false;
    }

    struct SheetEntry
    {
        QString name;
        QString relId;
    };
    QVector<SheetEntry> entries;
    bool date1904 = false;
    {
        QXmlStreamReader xml(bytes);
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == QLatin1String("sheet")) {
                entries.append({xml.attributes().value(QLatin1String("name")).toString(),
                                relationshipId(xml.attributes())});
            } else if (xml.name() == QLatin1String("workbookPr")) {
                const auto v = xml.attributes().value(QLatin1String("date1904"));
                date1904 = v == QLatin1String("1") || v == QLatin1String("true");
            }
        }
        if (xml.hasError()) {
            book.xmlError(workbookPath, xml);
            m_error = book.errorString();
            return false;
        }
    }
    if (entries.isEmpty()) {
        m_error = tr("%1: the workbook has no sheets").arg(sourceName);
        return false;
    }
    if (!book.relationships(workbookPath, &rels)) {
        m_error = book.errorString();
        return false;
    }

    // Shared strings.
    QStringList shared;
    QString sharedPath;
    for (const Relationship& r : std::as_const(rels)) {
        if (r.type == QLatin1String("sharedStrings"))
            sharedPath = r.target;
    }
    if (sharedPath.isEmpty() && book.has(QStringLiteral("xl/sharedStrings.xml")))
        sharedPath = QStringLiteral("xl/sharedStrings.xml");
    if (!sharedPath.isEmpty()) {
        if (!book.part(sharedPath, &bytes)) {
            m_error = book.errorString();
            return false;
        }
        QXmlStreamReader xml(bytes);
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == QLatin1String("si")) {
                if (shared.size() >= kMaxCells) {
                    m_error =
                        tr("%1: %2 holds more than %3 strings, more than any tracker this program reads")
                            .arg(sourceName, sharedPath)
                            .arg(kMaxCells);
                    return false;
                }
                shared << readStringItem(xml);
            }
        }
        if (xml.hasError()) {
            book.xmlError(sharedPath, xml);
            m_error = book.errorString();
            return false;
        }
    }

    // Styles: which cell formats (the s="n" of a cell) show a date.
    QVector<QString> dateFormatOfStyle; // "" when not a date
    QString stylesPath;
    for (const Relationship& r : std::as_const(rels)) {
        if (r.type == QLatin1String("styles"))
            stylesPath = r.target;
    }
    if (stylesPath.isEmpty() && book.has(QStringLiteral("xl/styles.xml")))
        stylesPath = QStringLiteral("xl/styles.xml");
    if (!stylesPath.isEmpty()) {
        if (!book.part(stylesPath, &bytes)) {
            m_error = book.errorString();
            return false;
        }
        QHash<int, QString> custom;
        QXmlStreamReader xml(bytes);
        bool inCellXfs = false;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isEndElement() && xml.name() == QLatin1String("cellXfs"))
                inCellXfs = false;
            if (!xml.isStartElement())
                continue;
            if (xml.name() == QLatin1String("numFmt")) {
                custom.insert(xml.attributes().value(QLatin1String("numFmtId")).toInt(),
                              xml.attributes().value(QLatin1String("formatCode")).toString());
            } else if (xml.name() == QLatin1String("cellXfs")) {
                inCellXfs = true;
            } else if (inCellXfs && xml.name() == QLatin1String("xf")) {
                // Excel itself allows 64,000 cell formats.
                if (dateFormatOfStyle.size() >= kMaxStyles) {
                    m_error = tr("%1: %2 holds more than %3 cell formats (the file is damaged)")
                                  .arg(sourceName, stylesPath)
                                  .arg(kMaxStyles);
                    return false;
                }
                const int id = xml.attributes().value(QLatin1String("numFmtId")).toInt();
                QString format;
                if (custom.contains(id))
                    format = isDateFormatCode(custom.value(id)) ? custom.value(id) : QString();
                else
                    format = builtInDateFormat(id);
                dateFormatOfStyle.append(format);
                xml.skipCurrentElement();
            }
        }
        if (xml.hasError()) {
            book.xmlError(stylesPath, xml);
            m_error = book.errorString();
            return false;
        }
    }

    // Serials are handed on in the 1900 date system, whichever the workbook
    // uses, so a reader needs to know only one.
    const double serialShift = date1904 ? 1462 : 0;
    // Rows and cells made in all sheets, so a few bytes of XML naming cell
    // XFD1048576 or merging A1:XFD1048576 cannot take all the memory there is.
    qint64 made = 0;
    auto makeRoom = [&](SheetTable& sheet, int row, int column) {
        const qint64 newRows = qMax<qint64>(0, row + 1 - sheet.rows.size());
        const qint64 newCells =
            qMax<qint64>(0, column + 1 - (row < sheet.rows.size() ? sheet.rows.at(row).size() : 0));
        if (made + newRows + newCells > kMaxCells)
            return false;
        made += newRows + newCells;
        if (newRows > 0)
            sheet.rows.resize(row + 1);
        if (newCells > 0)
            sheet.rows[row].resize(column + 1);
        return true;
    };
    auto tooManyCells = [&](const QString& sheetName) {
        m_error =
            tr("%1: sheet “%2” takes the workbook past %3 cells, more than any tracker this program reads")
                .arg(sourceName, sheetName)
                .arg(kMaxCells);
        return false;
    };
    for (const SheetEntry& entry : std::as_const(entries)) {
        const Relationship rel = rels.value(entry.relId);
        if (rel.type != QLatin1String("worksheet"))
            continue; // chart sheets and dialog sheets hold no cells
        if (!book.part(rel.target, &bytes)) {
            m_error = book.errorString();
            return false;
        }
        SheetTable sheet;
        sheet.name = entry.name;
        QXmlStreamReader xml(bytes);
        int rowIndex = -1;
        int columnIndex = -1;
        struct Merge
        {
            int top, left, bottom, right;
        };
        QVector<Merge> merges;
        auto cellError = [&](const QString& why) {
            m_error = tr("%1: sheet “%2”, cell %3%4: %5")
                          .arg(sourceName, entry.name, SheetTable::columnLetter(columnIndex))
                          .arg(rowIndex + 1)
                          .arg(why);
            return false;
        };
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == QLatin1String("row")) {
                const auto r = xml.attributes().value(QLatin1String("r"));
                rowIndex = r.isEmpty() ? rowIndex + 1 : r.toInt() - 1;
                columnIndex = -1;
                if (rowIndex < 0 || rowIndex >= 1048576) {
                    m_error = tr("%1: sheet “%2” has a row numbered “%3”").arg(sourceName, entry.name, r);
                    return false;
                }
            } else if (xml.name() == QLatin1String("c")) {
                if (rowIndex < 0)
                    rowIndex = 0;
                const QXmlStreamAttributes a = xml.attributes();
                const auto ref = a.value(QLatin1String("r"));
                columnIndex = ref.isEmpty() ? columnIndex + 1 : SheetTable::columnFromReference(ref);
                if (columnIndex < 0) {
                    m_error = tr("%1: sheet “%2” has a cell named “%3”").arg(sourceName, entry.name, ref);
                    return false;
                }
                const QString type = a.value(QLatin1String("t")).toString();
                const int style = a.value(QLatin1String("s")).toInt();
                QString value;
                QString inlineText;
                bool hasInline = false;
                while (!xml.atEnd()) {
                    xml.readNext();
                    if (xml.isEndElement() && xml.name() == QLatin1String("c"))
                        break;
                    if (!xml.isStartElement())
                        continue;
                    if (xml.name() == QLatin1String("v")) {
                        value = xml.readElementText();
                    } else if (xml.name() == QLatin1String("is")) {
                        inlineText = readStringItem(xml);
                        hasInline = true;
                    } else {
                        xml.skipCurrentElement(); // <f> formulas: the cached <v> is what shows
                    }
                }
                SheetCell cell;
                if (type == QLatin1String("s")) {
                    bool ok = false;
                    const int index = value.toInt(&ok);
                    if (!ok || index < 0 || index >= shared.size())
                        return cellError(tr("shared string %1 does not exist").arg(value));
                    cell.text = shared.at(index);
                } else if (type == QLatin1String("inlineStr")) {
                    cell.text = hasInline ? inlineText : value;
                } else if (type == QLatin1String("str") || type == QLatin1String("e")) {
                    cell.text = unescaped(value);
                } else if (type == QLatin1String("b")) {
                    cell.text =
                        value == QLatin1String("1") ? QStringLiteral("TRUE") : QStringLiteral("FALSE");
                } else if (type == QLatin1String("d")) {
                    // An ISO date in the cell itself (rare; strict files).
                    const QDateTime when = QDateTime::fromString(value, Qt::ISODate);
                    const QDate day = when.isValid() ? when.date() : QDate::fromString(value, Qt::ISODate);
                    if (!day.isValid())
                        return cellError(tr("“%1” is not a date").arg(value));
                    cell.number = double(QDate(1899, 12, 30).daysTo(day));
                    cell.text = QString::number(*cell.number, 'g', 15);
                    cell.isDate = true;
                    cell.format = style < dateFormatOfStyle.size() && !dateFormatOfStyle.at(style).isEmpty()
                                      ? dateFormatOfStyle.at(style)
                                      : QStringLiteral("dd/mm/yyyy");
                } else if (!value.isEmpty()) {
                    bool ok = false;
                    const double number = value.toDouble(&ok);
                    if (!ok)
                        return cellError(tr("“%1” is not a number").arg(value));
                    cell.number = number;
                    cell.text = value;
                    if (style >= 0 && style < dateFormatOfStyle.size() &&
                        !dateFormatOfStyle.at(style).isEmpty()) {
                        cell.isDate = true;
                        cell.format = dateFormatOfStyle.at(style);
                        if (serialShift != 0) {
                            cell.number = number + serialShift;
                            cell.text = QString::number(*cell.number, 'g', 15);
                        }
                    }
                }
                // A blank cell (Excel writes them for a border or a fill, down
                // to row 1048576) reads as one the file leaves out.
                if (cell.text.isEmpty() && !cell.number)
                    continue;
                if (!makeRoom(sheet, rowIndex, columnIndex))
                    return tooManyCells(entry.name);
                sheet.rows[rowIndex][columnIndex] = std::move(cell);
            } else if (xml.name() == QLatin1String("mergeCell")) {
                // "A2:A5": the top-left cell holds the value.
                const QString ref = xml.attributes().value(QLatin1String("ref")).toString();
                const QStringList corners = ref.split(QLatin1Char(':'));
                if (corners.size() == 2) {
                    auto rowOf = [](const QString& r) {
                        qsizetype i = 0;
                        while (i < r.size() && r.at(i).isLetter())
                            ++i;
                        return r.mid(i).toInt() - 1;
                    };
                    const Merge m{rowOf(corners.at(0)), SheetTable::columnFromReference(corners.at(0)),
                                  rowOf(corners.at(1)), SheetTable::columnFromReference(corners.at(1))};
                    if (m.top >= 0 && m.left >= 0 && m.bottom >= m.top && m.right >= m.left &&
                        m.bottom < 1048576 && m.right < 16384)
                        merges.append(m);
                }
            }
        }
        if (xml.hasError()) {
            book.xmlError(rel.target, xml);
            m_error = book.errorString();
            return false;
        }
        // A merged area shows its top-left value in every cell it covers, so
        // every covered cell reads as that value.
        for (const Merge& m : std::as_const(merges)) {
            if (m.top >= sheet.rows.size() || m.left >= sheet.rows.at(m.top).size())
                continue;
            const SheetCell source = sheet.rows.at(m.top).at(m.left);
            if (source.text.isEmpty())
                continue;
            for (int r = m.top; r <= m.bottom; ++r) {
                if (!makeRoom(sheet, r, m.right))
                    return tooManyCells(entry.name);
                QVector<SheetCell>& row = sheet.rows[r];
                for (int c = m.left; c <= m.right; ++c) {
                    if (row.at(c).text.isEmpty())
                        row[c] = source;
                }
            }
        }
        m_sheets.append(std::move(sheet));
    }
    if (m_sheets.isEmpty()) {
        m_error = tr("%1: the workbook has no worksheets").arg(sourceName);
        return false;
    }
    done = true;
    return true;
}

} // namespace rt
