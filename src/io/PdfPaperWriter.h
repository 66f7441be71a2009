#pragma once

#include "PaperWriter.h"

class QPagedPaintDevice;

namespace rt {

class PdfPaperWriter : public PaperWriter
{
public:
    bool write(const Paper& paper, QIODevice* device) override;
    // Paints the paper on a device whose page layout is already set: the PDF
    // writer of write(), or a QPrinter for a print preview or a printout.
    bool render(const Paper& paper, QPagedPaintDevice* device);
};

} // namespace rt
