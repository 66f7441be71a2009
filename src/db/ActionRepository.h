#pragma once

#include "DeleteImpact.h"
#include "Repository.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace rt {

// Single-field edits of an action, each validated and committed on its own,
// so an edit is either saved or refused with a reason — never half-saved.
class ActionRepository : public Repository
{
public:
    enum class Field
    {
        Number,
        Text,
        Owner, // "Name; Other name": sets the owner text and the action's owners (created when new)
        Target,
        RevisedTarget,
        Status,
        Rag,
        SuccessMeasure,
        Evidence
    };

    explicit ActionRepository(QSqlDatabase& db);

    // value: text for Text/Owner/Target/…; a status or RAG word or code.
    bool setField(qint64 actionId, Field field, const QString& value);
    // A new action placed after the recommendation's others, its number
    // following theirs ("1.3" after "1.2"; "<rec>.1" for the first when the
    // recommendation has a number). The target is parsed as setField(Target).
    // Returns the id, 0 when refused.
    qint64 create(qint64 recommendationId, const QString& text, const QString& target = QString(),
                  const QString& owners = QString());
    // The action's version now (0 when it is gone).
    qint64 version(qint64 actionId);
    DeleteImpact impact(qint64 actionId);
    bool remove(qint64 actionId);
    bool move(qint64 actionId,
              int delta); // swaps with the previous (-1) / next (+1) action of its recommendation

    // Links to other actions of the same review, named by action number
    // ("1.2, 3.1"); an unknown number is refused, naming it. Notes of links
    // kept are kept.
    bool setLinkedNumbers(qint64 actionId, const QString& numbers);

private:
    // Replaces the action's owners by these names, creating unknown owners,
    // and writes the owner text with each name as the owners list spells it.
    bool setOwners(qint64 actionId, const QStringList& names);
    QString nextNumber(qint64 recommendationId, const QString& recommendationNumber);
};

} // namespace rt
