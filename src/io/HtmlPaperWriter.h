#pragma once

#include "PaperWriter.h"

namespace rt {

class HtmlPaperWriter : public PaperWriter
{
public:
    bool write(const Paper& paper, QIODevice* device) override;
};

} // namespace rt
