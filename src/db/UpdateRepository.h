#pragma once

#include "Repository.h"

#include <QDate>
#include <QSqlDatabase>
#include <QString>

namespace rt {

// Progress updates are added, never rewritten: the trail is the evidence.
class UpdateRepository : public Repository
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

private:
    QDate m_today = QDate::currentDate();
};

} // namespace rt
