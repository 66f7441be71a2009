#pragma once

#include "PaperWriter.h"

namespace rt {

class XlsxPaperWriter : public PaperWriter
{
public:
    bool write(const Paper& paper, QIODevice* device) override;

    // Excel's limit on the characters of one cell.
    static constexpr int kMaxCellLength = 32767;
    // What a string cell holds for the text, so the file stays one Excel
    // opens and shows the text as written: a NUL (which would end the text
    // handed to libxlsxwriter) is left out, U+FFFE and U+FFFF (which XML does
    // not allow) read U+FFFD, text that looks like Excel's escape "_x0041_"
    // is escaped itself, and text past kMaxCellLength is cut and ends saying
    // so. Other control characters are kept: libxlsxwriter writes them as
    // Excel's escapes (_x0001_), which XlsxReader reads back.
    static QString cellText(const QString& text);
};

} // namespace rt
