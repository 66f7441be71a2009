#pragma once

#include <QDate>
#include <QSqlDatabase>
#include <QString>

class QSqlQuery;

namespace rt {

// Progress updates are added, never rewritten: the trail is the evidence.
class UpdateRepository
{
public:
    explicit UpdateRepository(QSqlDatabase& db);

    // date: "23/11/2026", ISO, "November 2026", or blank for today; not after
    // today. text required. rag: code or word, or blank; a RAG given becomes
    // the action's current RAG in the same transaction. Returns the id, 0 when refused.
    qint64 add(qint64 actionId, const QString& date, const QString& author, const QString& text,
               const QString& rag);
    // For tests and the screenshot verb, which must not depend on the clock.
    void setToday(const QDate& today) { m_today = today; }

    QString errorString() const { return m_error; }

private:
    bool fail(const QString& why);
    bool run(QSqlQuery& q); // false with the database's reason in m_error

    QSqlDatabase& m_db;
    QString m_error;
    QDate m_today = QDate::currentDate();
};

} // namespace rt
