#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <memory>

// Zip containers (.docx, .xlsx) through libzip. Not QuaZip: QuaZip exports
// minizip's function names with other meanings, and libxlsxwriter, which
// calls the real minizip, would be bound to QuaZip's and crash in the same
// process. libzip's names (zip_*) clash with nothing.
namespace rt {

// Reads the entries of a zip held in memory.
class ZipReader
{
public:
    ZipReader();
    ~ZipReader();
    ZipReader(const ZipReader&) = delete;
    ZipReader& operator=(const ZipReader&) = delete;

    // False with errorString() when the bytes are not a zip archive.
    bool open(const QByteArray& bytes);
    QStringList entryNames() const;
    bool contains(const QString& name) const;
    // The entry's bytes; false with errorString() when it is missing or damaged,
    // or would unpack to more than kMaxEntrySize bytes.
    bool read(const QString& name, QByteArray* out);

    // No part of a workbook or document this program reads comes near this
    // (a 50,000-row sheet is some 50 MB of XML); a few kilobytes of zip that
    // unpack past it are a zip bomb, refused before memory runs out.
    static constexpr qint64 kMaxEntrySize = 128LL * 1024 * 1024;
    QString errorString() const { return m_error; }

private:
    struct Data;
    std::unique_ptr<Data> m_d;
    QByteArray m_bytes; // libzip reads from this buffer while open
    QString m_error;
};

// Builds a zip in memory, entry by entry (deflated), then hands back its bytes.
class ZipWriter
{
public:
    ZipWriter();
    ~ZipWriter();
    ZipWriter(const ZipWriter&) = delete;
    ZipWriter& operator=(const ZipWriter&) = delete;

    bool add(const QString& name, const QByteArray& bytes);
    // Closes the archive; false with errorString() on failure.
    bool finish(QByteArray* out);
    QString errorString() const { return m_error; }

private:
    struct Data;
    std::unique_ptr<Data> m_d;
    QString m_error;
};

} // namespace rt
