#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QVariant>

namespace rt {

// Single-field edits of an action, each validated and committed on its own,
// so an edit is either saved or refused with a reason — never half-saved.
class ActionRepository
{
public:
    enum class Field
    {
        Text,
        Owner,
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
    QString errorString() const { return m_error; }

private:
    bool fail(const QString& why);

    QSqlDatabase& m_db;
    QString m_error;
};

} // namespace rt
