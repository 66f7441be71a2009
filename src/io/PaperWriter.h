#pragma once

#include "Paper.h"

#include <QIODevice>
#include <QString>
#include <memory>

namespace rt {

// Renders a Paper into an open, writable QIODevice (a file, a QBuffer). On
// failure write() returns false and errorString() says what went wrong; what
// was written to the device then is not a usable file.
class PaperWriter
{
public:
    virtual ~PaperWriter() = default;
    virtual bool write(const Paper& paper, QIODevice* device) = 0;
    QString errorString() const { return m_error; }

    static std::unique_ptr<PaperWriter> create(PaperFormat format);

protected:
    bool fail(const QString& message);
    QString m_error;
};

} // namespace rt
