#pragma once

#include "core/Vocabulary.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>
#include <QVariant>
#include <QVector>
#include <functional>

class QSqlQuery;

namespace rt {

// Qt binds a null QString as SQL NULL; the text columns are NOT NULL DEFAULT ''.
QVariant sqlText(const QString& s);

// What the repositories share: the connection, the reason for the last
// refusal, running a statement, and planning a move among ordered siblings.
class Repository
{
public:
    // Someone else saved the record after this editor read it.
    struct Conflict
    {
        bool happened = false;
        qint64 version = 0; // the record's version now
        QString who;        // who saved it last, from the change history
        QString when;       // UTC ISO date-time of that save
    };

    QString errorString() const { return m_error; }
    // The next single-field save goes ahead only while the record still has
    // this version (the one its editor read); 0 saves whatever it has.
    void expectVersion(qint64 version) { m_expectedVersion = version; }
    const Conflict& conflict() const { return m_conflict; }
    // The clock the change log reads (UTC); tests fix it so "since" is
    // predictable. An empty function restores the system clock.
    static void setClockForTesting(std::function<QDateTime()> clock);
    // Who the change log names: the operating-system user.
    static QString currentUser();
    // When the change log says a change was made (UTC), by the clock above.
    static QDateTime now();

protected:
    struct Sibling
    {
        qint64 id;
        int position;
    };
    enum class MoveResult
    {
        Moved,
        AlreadyFirst,
        AlreadyLast,
        NotFound
    };

    // notSaved: the sentence a failed statement's reason goes into ("… %1").
    explicit Repository(QSqlDatabase& db, QString notSaved = QString());

    bool fail(const QString& why);
    // In the caller's transaction: whether the record (a row of table) still
    // has the version expectVersion() named; when not, fills conflict() and
    // refuses, naming who saved it since. Clears the expectation either way.
    bool checkVersion(const QString& table, const QString& entity, qint64 id, const QString& kind);
    // Who last changed the record, and when (UTC ISO), from the change
    // history's rows after afterId; false when none.
    bool lastChange(const QString& entity, qint64 id, qint64 afterId, QString* who, QString* at);
    bool run(QSqlQuery& q); // false with the database's reason in m_error
    // Runs q, one statement meant for exactly one row, as its own
    // transaction. gone: the refusal when no row matched; notDone: the
    // sentence ("… %1") for a commit the database refuses.
    bool runOnOneRow(QSqlQuery& q, const QString& gone, const QString& notDone);
    // A RAG rating as stored ("amber") or as written ("Amber", "A"); blank is
    // no rating. Refuses anything else, naming it.
    bool parseRag(const QString& text, Rag* out);

    // Moves id by delta places among its siblings, in the caller's
    // transaction. siblings: a prepared query giving (id, position) in display
    // order; updateSql: "UPDATE … SET position = ? … WHERE id = ?". Refuses
    // with "Already first." / "Already last." / notFound.
    bool moveAmongSiblings(QSqlQuery& siblings, qint64 id, int delta, const QString& updateSql,
                           const QString& notFound);
    // Adds a progress update (never rewrites one: a trigger refuses UPDATE on
    // the table) after the action's others, and logs it; no transaction of its
    // own, so a caller can add many in one. The new update's id, 0 on failure.
    qint64 insertUpdate(qint64 actionId, const QString& iso, const QString& author, const QString& text,
                        Rag rag);

    QSqlDatabase& m_db;
    QString m_error;
    qint64 m_expectedVersion = 0;
    Conflict m_conflict;

private:
    QString m_notSaved;

    // Plans the move and lists the rows whose position changes. Imported data
    // may give siblings the same position; then they are first numbered 1..n
    // so the swap shows.
    static MoveResult planMove(const QVector<Sibling>& ordered, qint64 id, int delta,
                               QVector<Sibling>* changes);
};

} // namespace rt
