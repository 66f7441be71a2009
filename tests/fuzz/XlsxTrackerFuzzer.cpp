// Fuzzes the .xlsx tracker import up to the database: XlsxReader turns the
// bytes of a workbook into sheets, the sheet a tracker import would choose is
// read by TrackerParser, as TrackerImporter::importFile does before any SQL.
//
// A workbook is a zip of XML parts whose entries carry CRCs: flipping bytes
// of the container mostly gives "damaged" and never reaches the XML. The
// custom mutator therefore usually unpacks the zip, mutates one part and
// packs it again, and only sometimes mutates the container's bytes.

#include "FuzzSupport.h"
#include "io/XlsxReader.h"
#include "io/ZipArchive.h"

#include <QBuffer>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <random>

extern "C" size_t LLVMFuzzerMutate(uint8_t* data, size_t size, size_t maxSize);

namespace {

// The parts worth mutating most: the cells, the strings, the styles that make
// numbers dates, the workbook and its relationships.
int weightOf(const QString& name)
{
    if (name.contains(QLatin1String("worksheets/")))
        return 6;
    if (name.contains(QLatin1String("sharedStrings")) || name.contains(QLatin1String("styles")))
        return 3;
    if (name.contains(QLatin1String("workbook")) || name.endsWith(QLatin1String(".rels")))
        return 2;
    return 1;
}

} // namespace

extern "C" size_t LLVMFuzzerCustomMutator(uint8_t* data, size_t size, size_t maxSize, unsigned int seed)
{
    std::minstd_rand random(seed);
    if (random() % 8 == 0)
        return LLVMFuzzerMutate(data, size, maxSize);
    rt::ZipReader zip;
    const QStringList names = zip.open(QByteArray(reinterpret_cast<const char*>(data), qsizetype(size)))
                                  ? zip.entryNames()
                                  : QStringList();
    if (names.isEmpty())
        return LLVMFuzzerMutate(data, size, maxSize);

    int total = 0;
    for (const QString& name : names)
        total += weightOf(name);
    int pick = int(random() % unsigned(total));
    int chosen = 0;
    while (pick >= weightOf(names.at(chosen)))
        pick -= weightOf(names.at(chosen++));

    rt::ZipWriter out;
    for (int i = 0; i < names.size(); ++i) {
        QByteArray part;
        if (!zip.read(names.at(i), &part))
            return LLVMFuzzerMutate(data, size, maxSize);
        if (i == chosen) {
            const qsizetype used = part.size();
            part.resize(qMax<qsizetype>(used * 2, used + 256));
            part.resize(qsizetype(LLVMFuzzerMutate(reinterpret_cast<uint8_t*>(part.data()), size_t(used),
                                                   size_t(part.size()))));
        }
        if (!out.add(names.at(i), part))
            return LLVMFuzzerMutate(data, size, maxSize);
    }
    QByteArray bytes;
    if (!out.finish(&bytes) || size_t(bytes.size()) > maxSize)
        return LLVMFuzzerMutate(data, size, maxSize);
    std::memcpy(data, bytes.constData(), size_t(bytes.size()));
    return size_t(bytes.size());
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace rt;
    QBuffer buffer;
    buffer.setData(reinterpret_cast<const char*>(data), qsizetype(size));
    buffer.open(QIODevice::ReadOnly);

    XlsxReader reader;
    const bool ok = reader.read(&buffer, QStringLiteral("fuzz.xlsx"));
    RT_FUZZ_CHECK(ok == reader.errorString().isEmpty(), reader.errorString());
    if (!ok) {
        RT_FUZZ_CHECK(reader.sheets().isEmpty(), QString());
        RT_FUZZ_CHECK(reader.errorString().startsWith(QStringLiteral("fuzz.xlsx")), reader.errorString());
        return 0;
    }
    RT_FUZZ_CHECK(!reader.sheets().isEmpty(), QString());
    for (const SheetTable& sheet : reader.sheets()) {
        for (const QVector<SheetCell>& row : sheet.rows) {
            for (const SheetCell& cell : row) {
                // A date cell always has its serial and the format it shows.
                RT_FUZZ_CHECK(!cell.isDate || (cell.number && !cell.format.isEmpty()), cell.text);
                // The day it shows is one the program can write back.
                const QDate day = cell.date();
                RT_FUZZ_CHECK(!day.isValid() || (day.year() >= 1900 && day.year() <= 9999), cell.text);
            }
        }
    }
    QString error;
    const int index = TrackerColumns::chooseSheet(reader.sheets(), QString(), &error);
    RT_FUZZ_CHECK(index >= -1 && index < reader.sheets().size(), QString::number(index));
    RT_FUZZ_CHECK(index >= 0 || !error.isEmpty(), QString());
    // The chosen sheet, or the first one: its "no header row" is a path too.
    rt::fuzz::parseTracker(reader.sheets().at(qMax(0, index)), QStringLiteral("fuzz.xlsx"));
    return 0;
}
