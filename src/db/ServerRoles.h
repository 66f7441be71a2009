#pragma once

#include <QString>

namespace rt {

class Database;

// The two roles a server database is used through, enforced by the server's
// privileges rather than by the window: tracker_editor changes records
// (every change logged by the owner's trigger function, never by the editor
// writing the log), tracker_reviewer reads. Logins are IT's to create; a
// login is given one of the two roles.
class ServerRoles
{
public:
    enum class Role
    {
        Editor,
        Reviewer
    };

    static QString roleName(Role role);
    // Creates the roles when missing and grants them their rights over the
    // schema as it now is. Run by the schema's owner after every upgrade.
    static bool setUp(Database& db, QString* error);
    // Makes an existing login an editor or a reviewer (and not the other).
    static bool grant(Database& db, Role role, const QString& login, QString* error);
};

} // namespace rt
