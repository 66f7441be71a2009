#pragma once

// What HostileInputTest checks files with and makes hostile files from: XML
// well-formedness of every part of a zip, the cells of a workbook or a CSV as
// written, a process's peak memory, minimal workbooks and zip bombs.

#include "TestSupport.h"
#include "io/XlsxReader.h"
#include "io/ZipArchive.h"

#include <QBuffer>
#include <QByteArray>
#include <QFile>
#include <QString>
#include <QStringList>
#include <QVector>
#include <QXmlStreamReader>
#include <cstring>
#include <functional>
#include <gtest/gtest.h>
#include <zip.h>

namespace rt::test {

// Every XML part of a zip (.xlsx, .docx) parsed through: "" when all are
// well-formed XML 1.0, else the first part and what is wrong with it.
inline QString xmlProblems(const QString& path)
{
    ZipReader zip;
    if (!zip.open(readAll(path)))
        return QStringLiteral("not a zip: ") + zip.errorString();
    for (const QString& name : zip.entryNames()) {
        if (!name.endsWith(QLatin1String(".xml")) && !name.endsWith(QLatin1String(".rels")))
            continue;
        QByteArray bytes;
        if (!zip.read(name, &bytes))
            return name + QStringLiteral(": ") + zip.errorString();
        QXmlStreamReader xml(bytes);
        while (!xml.atEnd())
            xml.readNext();
        if (xml.hasError())
            return QStringLiteral("%1: %2 at line %3").arg(name, xml.errorString()).arg(xml.lineNumber());
    }
    return QString();
}

// The worksheet parts of an .xlsx, concatenated.
inline QByteArray worksheetXml(const QString& path)
{
    ZipReader zip;
    EXPECT_TRUE(zip.open(readAll(path)));
    QByteArray all;
    for (const QString& name : zip.entryNames()) {
        QByteArray bytes;
        if (name.startsWith(QLatin1String("xl/worksheets/")) && zip.read(name, &bytes))
            all += bytes;
    }
    return all;
}

// Every cell text of every sheet of an .xlsx as XlsxReader reads it.
inline QStringList xlsxCells(const QString& path)
{
    QFile f(path);
    XlsxReader reader;
    EXPECT_TRUE(reader.read(&f, path)) << reader.errorString().toStdString();
    QStringList cells;
    for (const SheetTable& sheet : reader.sheets())
        for (const QVector<SheetCell>& row : sheet.rows)
            for (const SheetCell& cell : row)
                cells << cell.text;
    return cells;
}

// The cells of a CSV exactly as written: RFC 4180 quoting undone, nothing
// else (CsvReader would take off a protecting apostrophe).
inline QStringList rawCsvCells(const QByteArray& bytes)
{
    const QString text = QString::fromUtf8(bytes.startsWith("\xEF\xBB\xBF") ? bytes.mid(3) : bytes);
    QStringList cells;
    QString cell;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"')
                cell += text.at(++i);
            else if (c == u'"')
                quoted = false;
            else
                cell += c;
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',' || c == u'\n') {
            cells << cell;
            cell.clear();
        } else if (c != u'\r') {
            cell += c;
        }
    }
    return cells;
}

// How much the process's peak resident memory grew while fn ran, in MB;
// -1 where Linux cannot reset the peak (then nothing can be said).
inline qint64 peakGrowthMb(const std::function<void()>& fn)
{
    const auto peakKb = [] {
        QFile status(QStringLiteral("/proc/self/status"));
        if (!status.open(QIODevice::ReadOnly))
            return qint64(-1);
        for (const QByteArray& line : status.readAll().split('\n'))
            if (line.startsWith("VmHWM:"))
                return line.mid(6).trimmed().split(' ').first().toLongLong();
        return qint64(-1);
    };
    QFile reset(QStringLiteral("/proc/self/clear_refs"));
    const bool canReset = reset.open(QIODevice::WriteOnly) && reset.write("5") == 1;
    reset.close();
    const qint64 before = peakKb();
    fn();
    const qint64 after = peakKb();
    return canReset && before >= 0 && after >= 0 ? (after - before) / 1024 : -1;
}

// A minimal workbook: one sheet, optional shared strings and styles, written
// with our own zip writer so nothing checks what it holds.
inline QByteArray workbookBytes(const QByteArray& sheetXml, const QByteArray& sharedXml = QByteArray(),
                                const QByteArray& stylesXml = QByteArray())
{
    ZipWriter zip;
    if (!stylesXml.isEmpty())
        zip.add(QStringLiteral("xl/styles.xml"), stylesXml); // found by its usual name
    zip.add(QStringLiteral("xl/workbook.xml"),
            "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
            "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
            "<sheet name=\"Tracker\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
    QByteArray rels =
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
        "relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>";
    if (!sharedXml.isEmpty()) {
        rels += "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                "relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>";
        zip.add(QStringLiteral("xl/sharedStrings.xml"), sharedXml);
    }
    zip.add(QStringLiteral("xl/_rels/workbook.xml.rels"), rels + "</Relationships>");
    zip.add(QStringLiteral("xl/worksheets/sheet1.xml"),
            "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">" + sheetXml +
                "</worksheet>");
    QByteArray bytes;
    EXPECT_TRUE(zip.finish(&bytes)) << zip.errorString().toStdString();
    return bytes;
}

inline bool readWorkbook(const QByteArray& bytes, XlsxReader* reader)
{
    QBuffer buffer;
    buffer.setData(bytes);
    return reader->read(&buffer, QStringLiteral("hostile.xlsx"));
}

// A zip source that gives head, then unit `count` times, then tail, without
// ever holding it all: a zip bomb made in a few megabytes of memory.
struct Repeated
{
    QByteArray head, unit, tail;
    qint64 count = 0;
    qint64 at = 0;

    qint64 size() const { return head.size() + unit.size() * count + tail.size(); }
    // Copies up to n bytes from position i; how many it copied.
    qint64 copy(char* out, qint64 i, qint64 n) const
    {
        const qint64 body = unit.size() * count;
        if (i < head.size()) {
            n = qMin<qint64>(n, head.size() - i);
            std::memcpy(out, head.constData() + i, size_t(n));
        } else if (i < head.size() + body) {
            const qint64 offset = (i - head.size()) % unit.size();
            n = qMin<qint64>(n, qMin<qint64>(unit.size() - offset, head.size() + body - i));
            std::memcpy(out, unit.constData() + offset, size_t(n));
        } else {
            n = qMin<qint64>(n, size() - i);
            std::memcpy(out, tail.constData() + (i - head.size() - body), size_t(n));
        }
        return n;
    }
};

inline zip_int64_t repeatedSource(void* state, void* data, zip_uint64_t len, zip_source_cmd_t cmd)
{
    auto* r = static_cast<Repeated*>(state);
    switch (cmd) {
    case ZIP_SOURCE_OPEN:
        r->at = 0;
        return 0;
    case ZIP_SOURCE_READ: {
        auto* out = static_cast<char*>(data);
        qint64 done = 0;
        while (done < qint64(len) && r->at < r->size()) {
            const qint64 n = r->copy(out + done, r->at, qint64(len) - done);
            done += n;
            r->at += n;
        }
        return done;
    }
    case ZIP_SOURCE_STAT: {
        auto* st = static_cast<zip_stat_t*>(data);
        zip_stat_init(st);
        st->size = zip_uint64_t(r->size());
        st->valid |= ZIP_STAT_SIZE;
        return sizeof(zip_stat_t);
    }
    case ZIP_SOURCE_SUPPORTS:
        return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE,
                                              ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
    default:
        return 0;
    }
}

// A workbook whose shared strings unpack to `megabytes` from a few hundred kilobytes.
inline QByteArray sharedStringsBomb(qint64 megabytes)
{
    Repeated strings;
    strings.head = "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">";
    strings.unit = "<si><t>" + QByteArray(1009, 'A') + "</t></si>";
    strings.count = megabytes * 1024 * 1024 / strings.unit.size();
    strings.tail = "</sst>";
    // The rest of the workbook as usual, then the bomb added.
    QByteArray base =
        workbookBytes("<sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row></sheetData>",
                      "<sst><si><t>x</t></si></sst>");
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    zip_source_keep(buffer);
    zip_t* out = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
    ZipReader in;
    EXPECT_TRUE(in.open(base));
    QVector<QByteArray> kept;
    for (const QString& name : in.entryNames()) {
        QByteArray part;
        in.read(name, &part);
        if (name == QLatin1String("xl/sharedStrings.xml"))
            continue;
        kept << part;
        zip_file_add(out, name.toUtf8().constData(),
                     zip_source_buffer(out, kept.last().constData(), zip_uint64_t(kept.last().size()), 0), 0);
    }
    const zip_int64_t index =
        zip_file_add(out, "xl/sharedStrings.xml", zip_source_function(out, repeatedSource, &strings), 0);
    zip_set_file_compression(out, zip_uint64_t(index), ZIP_CM_DEFLATE, 1);
    EXPECT_EQ(zip_close(out), 0);
    zip_source_open(buffer);
    QByteArray bytes;
    char chunk[65536];
    zip_int64_t got = 0;
    while ((got = zip_source_read(buffer, chunk, sizeof chunk)) > 0)
        bytes.append(chunk, qsizetype(got));
    zip_source_close(buffer);
    zip_source_free(buffer);
    zip_error_fini(&error);
    return bytes;
}

// Makes the zip's directory and local header claim `claimed` bytes for the
// entry: a bomb that lies about its size.
inline void claimSize(QByteArray* zip, const QByteArray& entry, quint32 claimed)
{
    const auto put = [&](qsizetype at) {
        for (int i = 0; i < 4; ++i)
            (*zip)[at + i] = char((claimed >> (8 * i)) & 0xFF);
    };
    for (qsizetype at = zip->indexOf("PK\x03\x04"); at >= 0; at = zip->indexOf("PK\x03\x04", at + 4))
        if (zip->mid(at + 30, entry.size()) == entry)
            put(at + 22);
    for (qsizetype at = zip->indexOf("PK\x01\x02"); at >= 0; at = zip->indexOf("PK\x01\x02", at + 4))
        if (zip->mid(at + 46, entry.size()) == entry)
            put(at + 24);
}

} // namespace rt::test
