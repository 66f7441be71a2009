#include "FileGuard.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <cerrno>
#include <sys/stat.h>

namespace rt {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("rt::FileGuard", text);
}

} // namespace

FileGuard::FileGuard(const QString& path) : m_path(path), m_nativePath(QFile::encodeName(path))
{
    struct stat st
    {
    };
    if (::stat(m_nativePath.constData(), &st) != 0)
        return;
    m_device = st.st_dev;
    m_inode = st.st_ino;
    m_guarding = true;
}

FileGuard::State FileGuard::check() const
{
    if (!m_guarding)
        return State::Unchanged;
    struct stat st
    {
    };
    if (::stat(m_nativePath.constData(), &st) != 0) {
        // Only a missing file (or folder) is "deleted"; any other failure
        // (EACCES on the folder, EIO) says nothing about the file, and
        // refusing every write over it would be worse than SQLite's own error.
        return errno == ENOENT || errno == ENOTDIR ? State::Deleted : State::Unchanged;
    }
    if (st.st_dev != m_device || st.st_ino != m_inode)
        return State::Replaced;
    // The mode bits, not access(): root may write any file, but a file whose
    // owner took every write bit away is one they meant nobody to change.
    if ((st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0)
        return State::MadeReadOnly;
    return State::Unchanged;
}

QString FileGuard::describe(State state) const
{
    const QString name = QDir::toNativeSeparators(m_path);
    switch (state) {
    case State::Unchanged:
        return QString();
    case State::Deleted:
        return tr("%1 was deleted after it was opened; your changes since cannot be saved to it. Save "
                  "nothing "
                  "more and reopen the file.")
            .arg(name);
    case State::Replaced:
        return tr("%1 was replaced by another file after it was opened; your changes since cannot be saved "
                  "to "
                  "it. Save nothing more and reopen the file.")
            .arg(name);
    case State::MadeReadOnly:
        return tr("%1 was made read-only after it was opened, so changes cannot be saved to it. Make it "
                  "writable again, or reopen it read-only.")
            .arg(name);
    }
    return QString();
}

} // namespace rt
