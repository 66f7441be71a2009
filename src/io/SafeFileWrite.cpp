#include "SafeFileWrite.h"

#include "PaperWriter.h"

#include <QCoreApplication>
#include <QSaveFile>

namespace rt {

bool writeFileSafely(const QString& path, const std::function<bool(QIODevice*, QString*)>& write,
                     QString* error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QCoreApplication::translate("rt::SafeFileWrite", "Cannot write %1: %2")
                     .arg(path, file.errorString());
        return false;
    }
    QString cause;
    if (!write(&file, &cause)) {
        file.cancelWriting();
        *error = QCoreApplication::translate("rt::SafeFileWrite", "Nothing was written to %1: %2")
                     .arg(path, cause);
        return false;
    }
    if (!file.commit()) {
        *error = QCoreApplication::translate("rt::SafeFileWrite", "Cannot write %1: %2")
                     .arg(path, file.errorString());
        return false;
    }
    return true;
}

bool writePaperFile(const Paper& paper, PaperFormat format, const QString& path, QString* error)
{
    std::unique_ptr<PaperWriter> writer = PaperWriter::create(format);
    return writeFileWith(path, *writer, error, paper);
}

} // namespace rt
