#pragma once

#include "Repository.h"

#include <QSqlDatabase>
#include <QString>

namespace rt {

// Responses: one response may answer several recommendations of its review.
class ResponseRepository : public Repository
{
public:
    enum class Field
    {
        Number,
        Title,
        Text // a response needs its text or its title
    };

    explicit ResponseRepository(QSqlDatabase& db);

    // A new response answering that recommendation; returns its id, 0 when refused.
    qint64 create(qint64 recommendationId, const QString& text);
    bool setField(qint64 responseId, Field field, const QString& value);
    // The recommendations it answers, as numbers of its review: "1.1, 1.2; 2".
    // Separators: comma, semicolon, space. An unknown number is refused, naming
    // it; an empty list is refused (delete the response instead).
    bool setAnsweredNumbers(qint64 responseId, const QString& numbers);
    bool remove(qint64 responseId);
};

} // namespace rt
