#pragma once

#include "Repository.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace rt {

// The shared lists of owners and agencies, picked everywhere with completion.
class OwnerRepository : public Repository
{
public:
    explicit OwnerRepository(QSqlDatabase& db);

    qint64 addOwner(const QString& name, qint64 agencyId);
    // Renames the owner everywhere: the owner row and the owner text of every
    // action it owns. Renaming to the name of another owner (any capitals)
    // merges the two: their actions then belong to that owner.
    bool renameOwner(qint64 ownerId, const QString& newName);
    bool setOwnerAgency(qint64 ownerId, qint64 agencyId); // 0 for none
    // Refused while the owner still owns actions (the reason gives the count).
    bool removeOwner(qint64 ownerId);

    qint64 addAgency(const QString& name, const QString& shortName);
    bool renameAgency(qint64 agencyId, const QString& newName); // refused when taken
    bool setAgencyShortName(qint64 agencyId, const QString& shortName);

    QStringList ownerNames(); // sorted case-insensitively, for completers
    QStringList agencyNames();

private:
    // Why the name cannot be an agency's (another agency's name or alias), or empty.
    QString agencyNameClash(const QString& name, qint64 exceptId);
    QStringList names(const QString& sql);
};

} // namespace rt
