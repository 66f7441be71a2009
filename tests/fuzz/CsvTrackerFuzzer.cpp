// Fuzzes the CSV tracker import up to the database: CsvReader turns the bytes
// into a SheetTable, TrackerColumns finds the header row and TrackerParser
// reads the rows, as TrackerImporter::importFile does before any SQL.

#include "FuzzSupport.h"
#include "io/CsvReader.h"

#include <QBuffer>
#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace rt;
    QBuffer buffer;
    buffer.setData(reinterpret_cast<const char*>(data), qsizetype(size));
    buffer.open(QIODevice::ReadOnly);

    CsvReader reader;
    SheetTable sheet;
    const bool ok = reader.read(&buffer, QStringLiteral("fuzz.csv"), &sheet);
    // Either cells or an error naming the file, never both or neither.
    RT_FUZZ_CHECK(ok == reader.errorString().isEmpty(), reader.errorString());
    if (!ok) {
        RT_FUZZ_CHECK(sheet.rows.isEmpty(), QString());
        RT_FUZZ_CHECK(reader.errorString().startsWith(QStringLiteral("fuzz.csv")), reader.errorString());
        return 0;
    }
    for (const QVector<SheetCell>& row : std::as_const(sheet.rows)) {
        RT_FUZZ_CHECK(!row.isEmpty(), QString());
        for (const SheetCell& cell : row) {
            // A CSV cell is text only, and a line break in it is always \n.
            RT_FUZZ_CHECK(!cell.number && !cell.isDate, cell.text);
            RT_FUZZ_CHECK(!cell.text.contains(QLatin1Char('\r')), cell.text);
        }
    }
    rt::fuzz::parseTracker(sheet, QStringLiteral("fuzz.csv"));
    return 0;
}
