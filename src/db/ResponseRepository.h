#pragma once

#include <QSqlDatabase>
#include <QString>

class QSqlQuery;

namespace rt {

// Responses: one response may answer several recommendations of its review.
class ResponseRepository
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

    QString errorString() const { return m_error; }

private:
    bool fail(const QString& why);
    bool run(QSqlQuery& q); // false with the database's reason in m_error

    QSqlDatabase& m_db;
    QString m_error;
};

} // namespace rt
