#pragma once

#include <QString>
#include <sys/types.h>

namespace rt {

// Whether the open database file is still the one opened, and writable.
// SQLite keeps writing through its open descriptor when the file is deleted,
// replaced (another file renamed over it) or made read-only behind its back,
// so changes would vanish into an unlinked inode or land in a file the
// person no longer sees. One stat() of the path tells, cheap enough to run
// once per write transaction.
class FileGuard
{
public:
    enum class State
    {
        Unchanged,
        Deleted,     // no file at the path any more
        Replaced,    // a different file (device or inode) at the path
        MadeReadOnly // the same file, with no write bit left in its mode
    };

    FileGuard() = default; // guards nothing: check() is Unchanged
    // Records the identity (device, inode) of the file at path now; a path
    // that cannot be stat'ed leaves the guard guarding nothing.
    explicit FileGuard(const QString& path);

    bool isGuarding() const { return m_guarding; }
    State check() const;
    // One sentence for the person, naming the file; empty for Unchanged.
    QString describe(State state) const;
    QString path() const { return m_path; }

private:
    QString m_path;
    QByteArray m_nativePath; // encoded once, so check() allocates nothing
    dev_t m_device = 0;
    ino_t m_inode = 0;
    bool m_guarding = false;
};

} // namespace rt
