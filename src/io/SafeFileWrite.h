#pragma once

#include "Paper.h"

#include <QIODevice>
#include <QString>
#include <functional>

namespace rt {

// Writes a file through QSaveFile: the writer fills a temporary file next to
// the target, which replaces the target only when everything was written. A
// failed export (a full disk, a writer error) leaves any earlier file of that
// name as it was and no half-written file behind.
// write returns false with *error set for its own failures.
bool writeFileSafely(const QString& path, const std::function<bool(QIODevice*, QString*)>& write,
                     QString* error);

// The same with a writer object that has write(args…, QIODevice*) and
// errorString(): JsonBackup, OwnerReturnsWriter, a PaperWriter.
template <typename Writer, typename... Args>
bool writeFileWith(const QString& path, Writer& writer, QString* error, const Args&... args)
{
    return writeFileSafely(
        path,
        [&](QIODevice* device, QString* cause) {
            if (writer.write(args..., device))
                return true;
            *cause = writer.errorString();
            return false;
        },
        error);
}

// A paper in one format, written safely as above.
bool writePaperFile(const Paper& paper, PaperFormat format, const QString& path, QString* error);

} // namespace rt
