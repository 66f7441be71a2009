#pragma once

#include "PaperWriter.h"

namespace rt {

class XlsxPaperWriter : public PaperWriter
{
public:
    bool write(const Paper& paper, QIODevice* device) override;
};

} // namespace rt
