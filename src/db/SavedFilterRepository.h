#pragma once

#include "Repository.h"
#include "core/ActionFilter.h"

#include <QSqlDatabase>
#include <QString>
#include <QVector>

namespace rt {

struct SavedFilter
{
    qint64 id = 0;
    QString name;
    QString view; // which list it was saved from: "actions"
    ActionFilter filter;
    QString error; // why the stored spec could not be read; the filter is then empty
};

// Filters saved by name ("QiiP monthly: Red and overdue"), shared by everyone
// who opens the file. Names are unique whatever their capitals, so two people
// cannot save "Overdue" and "overdue" and wonder which is which.
class SavedFilterRepository : public Repository
{
public:
    explicit SavedFilterRepository(QSqlDatabase& db);

    // Sorted by name, case-insensitively; false with the reason in errorString().
    bool list(QVector<SavedFilter>* out, const QString& view = QStringLiteral("actions"));
    // The saved filter of that name (any capitals); false when there is none.
    bool find(const QString& name, SavedFilter* out);
    // Saves under the trimmed name and returns its id, or 0. A name already
    // saved is refused with nameTaken() true unless overwrite is set: the
    // caller asks the user, then saves again with overwrite.
    qint64 save(const QString& name, const ActionFilter& filter, bool overwrite = false,
                const QString& view = QStringLiteral("actions"));
    bool nameTaken() const { return m_nameTaken; }
    // Refused when the new name is empty or another filter has it.
    bool rename(qint64 id, const QString& newName);
    bool remove(qint64 id);

private:
    // The id of the filter called name (any capitals) other than exceptId, or 0.
    qint64 idOf(const QString& name, qint64 exceptId, QString* storedName = nullptr);

    bool m_nameTaken = false;
};

} // namespace rt
