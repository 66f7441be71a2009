#include "PaperWriter.h"

#include "CsvPaperWriter.h"
#include "DocxPaperWriter.h"
#include "HtmlPaperWriter.h"
#include "PdfPaperWriter.h"
#include "XlsxPaperWriter.h"

namespace rt {

std::unique_ptr<PaperWriter> PaperWriter::create(PaperFormat format)
{
    switch (format) {
    case PaperFormat::Pdf:
        return std::make_unique<PdfPaperWriter>();
    case PaperFormat::Docx:
        return std::make_unique<DocxPaperWriter>();
    case PaperFormat::Xlsx:
        return std::make_unique<XlsxPaperWriter>();
    case PaperFormat::Csv:
        return std::make_unique<CsvPaperWriter>();
    case PaperFormat::Html:
        return std::make_unique<HtmlPaperWriter>();
    }
    return nullptr;
}

bool PaperWriter::fail(const QString& message)
{
    m_error = message;
    return false;
}

} // namespace rt
