#include "ZipArchive.h"

#include <QCoreApplication>
#include <QVector>
#include <zip.h>

namespace rt {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("rt::ZipArchive", text);
}

QString zipError(zip_error_t* error)
{
    return QString::fromUtf8(zip_error_strerror(error));
}

} // namespace

struct ZipReader::Data
{
    zip_t* archive = nullptr;
};

ZipReader::ZipReader() : m_d(std::make_unique<Data>()) {}

ZipReader::~ZipReader()
{
    if (m_d->archive)
        zip_discard(m_d->archive);
}

bool ZipReader::open(const QByteArray& bytes)
{
    if (m_d->archive) {
        zip_discard(m_d->archive);
        m_d->archive = nullptr;
    }
    m_bytes = bytes;
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source =
        zip_source_buffer_create(m_bytes.constData(), zip_uint64_t(m_bytes.size()), 0, &error);
    if (source) {
        m_d->archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
        if (!m_d->archive)
            zip_source_free(source);
    }
    if (!m_d->archive) {
        m_error = tr("not a zip archive (%1)").arg(zipError(&error));
        zip_error_fini(&error);
        return false;
    }
    zip_error_fini(&error);
    return true;
}

QStringList ZipReader::entryNames() const
{
    QStringList names;
    if (!m_d->archive)
        return names;
    const zip_int64_t n = zip_get_num_entries(m_d->archive, 0);
    for (zip_int64_t i = 0; i < n; ++i)
        if (const char* name = zip_get_name(m_d->archive, zip_uint64_t(i), ZIP_FL_ENC_GUESS))
            names.append(QString::fromUtf8(name));
    return names;
}

bool ZipReader::contains(const QString& name) const
{
    return m_d->archive && zip_name_locate(m_d->archive, name.toUtf8().constData(), 0) >= 0;
}

bool ZipReader::read(const QString& name, QByteArray* out)
{
    if (!m_d->archive) {
        m_error = tr("no archive is open");
        return false;
    }
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat(m_d->archive, name.toUtf8().constData(), 0, &stat) != 0) {
        m_error = tr("the archive has no part %1").arg(name);
        return false;
    }
    const auto tooLarge = [&] {
        m_error = tr("part %1 unpacks to more than %2 MB, more than any part this program reads (a damaged "
                     "file or a zip bomb)")
                      .arg(name)
                      .arg(kMaxEntrySize / (1024 * 1024));
        return false;
    };
    if ((stat.valid & ZIP_STAT_SIZE) && stat.size > zip_uint64_t(kMaxEntrySize))
        return tooLarge();
    zip_file_t* file = zip_fopen(m_d->archive, name.toUtf8().constData(), 0);
    if (!file) {
        m_error = tr("cannot open part %1: %2").arg(name, QString::fromUtf8(zip_strerror(m_d->archive)));
        return false;
    }
    out->clear();
    // Room for what the directory claims, up to a size that costs nothing much if it lies.
    if (stat.valid & ZIP_STAT_SIZE)
        out->reserve(qsizetype(qMin<zip_uint64_t>(stat.size, 16 * 1024 * 1024)));
    // The size in the directory is a claim, not a promise: read until the end.
    char buffer[65536];
    zip_int64_t got = 0;
    while ((got = zip_fread(file, buffer, sizeof buffer)) > 0) {
        // The directory's size may lie: the bytes themselves are counted too.
        if (out->size() + got > kMaxEntrySize) {
            zip_fclose(file);
            out->clear();
            out->squeeze();
            return tooLarge();
        }
        // Grown by doubling but never past the limit: no 256 MB block for 128 MB.
        if (out->capacity() < out->size() + got)
            out->reserve(
                qsizetype(qMin<qint64>(kMaxEntrySize, qMax<qint64>(2 * out->capacity(), out->size() + got))));
        out->append(buffer, int(got));
    }
    const bool ok = got == 0;
    if (!ok)
        m_error = tr("part %1 is damaged: %2").arg(name, QString::fromUtf8(zip_file_strerror(file)));
    zip_fclose(file);
    return ok;
}

struct ZipWriter::Data
{
    zip_source_t* buffer = nullptr; // the archive's bytes, kept past zip_close
    zip_t* archive = nullptr;
    QVector<QByteArray> contents; // libzip reads entries at zip_close
};

ZipWriter::ZipWriter() : m_d(std::make_unique<Data>())
{
    zip_error_t error;
    zip_error_init(&error);
    m_d->buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    if (m_d->buffer) {
        zip_source_keep(m_d->buffer);
        m_d->archive = zip_open_from_source(m_d->buffer, ZIP_TRUNCATE, &error);
    }
    if (!m_d->archive)
        m_error = tr("cannot start a zip archive: %1").arg(zipError(&error));
    zip_error_fini(&error);
}

ZipWriter::~ZipWriter()
{
    if (m_d->archive)
        zip_discard(m_d->archive);
    if (m_d->buffer)
        zip_source_free(m_d->buffer);
}

bool ZipWriter::add(const QString& name, const QByteArray& bytes)
{
    if (!m_d->archive)
        return false;
    m_d->contents.append(bytes);
    const QByteArray& kept = m_d->contents.constLast();
    zip_source_t* source = zip_source_buffer(m_d->archive, kept.constData(), zip_uint64_t(kept.size()), 0);
    if (!source) {
        m_error = tr("cannot add %1: %2").arg(name, QString::fromUtf8(zip_strerror(m_d->archive)));
        return false;
    }
    const zip_int64_t index =
        zip_file_add(m_d->archive, name.toUtf8().constData(), source, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
    if (index < 0) {
        zip_source_free(source);
        m_error = tr("cannot add %1: %2").arg(name, QString::fromUtf8(zip_strerror(m_d->archive)));
        return false;
    }
    zip_set_file_compression(m_d->archive, zip_uint64_t(index), ZIP_CM_DEFLATE, 6);
    return true;
}

bool ZipWriter::finish(QByteArray* out)
{
    if (!m_d->archive)
        return false;
    if (zip_close(m_d->archive) != 0) {
        m_error = tr("cannot finish the zip archive: %1").arg(QString::fromUtf8(zip_strerror(m_d->archive)));
        zip_discard(m_d->archive);
        m_d->archive = nullptr;
        return false;
    }
    m_d->archive = nullptr;
    out->clear();
    if (zip_source_open(m_d->buffer) < 0) {
        m_error = tr("cannot read the zip archive back from memory");
        return false;
    }
    char buffer[65536];
    zip_int64_t got = 0;
    while ((got = zip_source_read(m_d->buffer, buffer, sizeof buffer)) > 0)
        out->append(buffer, int(got));
    zip_source_close(m_d->buffer);
    return got == 0;
}

} // namespace rt
