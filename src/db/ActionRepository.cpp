#include "ActionRepository.h"

#include "SqlDialect.h"
#include "Transaction.h"
#include "core/TargetDate.h"
#include "core/Vocabulary.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVector>

namespace rt {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("rt::ActionRepository", text);
}

// "A; B" → ["A", "B"]: each name simplified, blanks and repeats (any capitals)
// dropped, so the owner text and the owner rows always say the same thing.
QStringList splitOwners(const QString& value)
{
    QStringList names;
    QSet<QString> seen;
    for (const QString& part : value.split(QLatin1Char(';'))) {
        const QString name = part.simplified();
        if (name.isEmpty() || seen.contains(name.toLower()))
            continue;
        seen.insert(name.toLower());
        names << name;
    }
    return names;
}

// TargetDate's reasons name a part ("“Marchh” is not a month name"); shown
// beside a cell the sentence should name the whole text typed.
QString targetError(const QString& value, const QString& reason)
{
    const QString quoted = QStringLiteral("“%1”").arg(value.trimmed());
    QString sentence =
        reason.contains(quoted) ? reason : tr("%1 is not a target date: %2").arg(quoted, reason);
    if (!sentence.endsWith(QLatin1Char('.')))
        sentence += QLatin1Char('.');
    return sentence;
}

} // namespace

ActionRepository::ActionRepository(QSqlDatabase& db) : Repository(db) {}

bool ActionRepository::setField(qint64 actionId, Field field, const QString& value)
{
    QString sql;
    QVariantList values;
    QStringList owners;
    switch (field) {
    case Field::Number:
        sql = QStringLiteral("number = ?");
        values << sqlText(value.trimmed());
        break;
    case Field::Text:
        if (value.trimmed().isEmpty())
            return fail(tr("An action needs its text."));
        sql = QStringLiteral("text = ?");
        values << value;
        break;
    case Field::Owner:
        owners = splitOwners(value);
        sql = QStringLiteral("owner_text = ?");
        values << sqlText(owners.join(QStringLiteral("; ")));
        break;
    case Field::Target:
    case Field::RevisedTarget: {
        TargetDate t;
        QString error;
        if (!TargetDate::parse(value, &t, &error))
            return fail(targetError(value, error));
        const QString prefix = field == Field::Target ? QString() : QStringLiteral("revised_");
        sql = QStringLiteral("%1target_text = ?, %1target_precision = ?, %1target_due = ?").arg(prefix);
        values << sqlText(value.trimmed()) << t.precisionCode()
               << (t.isDated() ? QVariant(t.due().toString(Qt::ISODate)) : QVariant());
        break;
    }
    case Field::Status: {
        ActionStatus s;
        if (!status::fromCode(value, &s) && !status::fromWritten(value, &s))
            return fail(
                tr("“%1” is not a status: choose Not started, Planned, In progress, Partially complete, "
                   "Complete or Superseded.")
                    .arg(value));
        sql = QStringLiteral("status = ?, status_text = ?");
        values << status::code(s) << sqlText(value.trimmed());
        break;
    }
    case Field::Rag: {
        Rag r;
        if (!parseRag(value, &r))
            return false;
        sql = QStringLiteral("rag = ?");
        values << rag::code(r);
        break;
    }
    case Field::SuccessMeasure:
        sql = QStringLiteral("success_measure = ?");
        values << sqlText(value);
        break;
    case Field::Evidence:
        sql = QStringLiteral("evidence = ?");
        values << sqlText(value);
        break;
    }

    // The history triggers log every changed column with its old value, in
    // this transaction.
    Transaction tx(m_db);
    if (!checkVersion(QStringLiteral("actions"), QStringLiteral("action"), actionId, tr("action")))
        return false;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE actions SET %1, version = version + 1 WHERE id = ?").arg(sql));
    for (const QVariant& v : values)
        q.addBindValue(v);
    q.addBindValue(actionId);
    if (!run(q))
        return false;
    if (q.numRowsAffected() != 1)
        return fail(tr("The change was not saved: the action no longer exists."));
    if (field == Field::Owner && !setOwners(actionId, owners))
        return false;
    if (!tx.commit())
        return fail(tr("The change was not saved: %1").arg(m_db.lastError().text()));
    return true;
}

bool ActionRepository::setOwners(qint64 actionId, const QStringList& names)
{
    QSqlQuery clear(m_db);
    clear.prepare(QStringLiteral("DELETE FROM action_owners WHERE action_id = ?"));
    clear.addBindValue(actionId);
    if (!run(clear))
        return false;

    // A new owner takes the action's agency, as the importer does.
    QSqlQuery agency(m_db);
    agency.prepare(QStringLiteral("SELECT agency_id FROM actions WHERE id = ?"));
    agency.addBindValue(actionId);
    if (!run(agency))
        return false;
    const QVariant agencyId = agency.next() ? agency.value(0) : QVariant();
    agency.finish();

    QSqlQuery find(m_db);
    find.prepare(QStringLiteral("SELECT id, name FROM owners WHERE lower(name) = lower(?)"));
    QSqlQuery add(m_db);
    add.prepare(QStringLiteral("INSERT INTO owners(name, agency_id) VALUES (?, ?) RETURNING id"));
    QSqlQuery link(m_db);
    link.prepare(QStringLiteral("INSERT INTO action_owners(action_id, owner_id, position) VALUES (?, ?, ?)"));
    QStringList spelled;
    int position = 0;
    for (const QString& name : names) {
        find.addBindValue(name);
        if (!run(find))
            return false;
        qint64 ownerId = 0;
        if (find.next()) {
            ownerId = find.value(0).toLongLong();
            spelled << find.value(1).toString();
        }
        find.finish();
        if (ownerId == 0) {
            add.addBindValue(name);
            add.addBindValue(agencyId);
            if (!run(add))
                return false;
            ownerId = SqlDialect::insertedId(add);
            spelled << name;
        }
        link.addBindValue(actionId);
        link.addBindValue(ownerId);
        link.addBindValue(++position);
        if (!run(link))
            return false;
    }
    // "kay jones" typed for the existing "Kay Jones" reads as the list has it,
    // so a later rename of the owner finds it in the text.
    QSqlQuery text(m_db);
    text.prepare(QStringLiteral("UPDATE actions SET owner_text = ? WHERE id = ?"));
    text.addBindValue(sqlText(spelled.join(QStringLiteral("; "))));
    text.addBindValue(actionId);
    return run(text);
}

QString ActionRepository::nextNumber(qint64 recommendationId, const QString& recommendationNumber)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT number FROM actions WHERE recommendation_id = ? ORDER BY position, id"));
    q.addBindValue(recommendationId);
    if (!q.exec())
        return QString();
    static const QRegularExpression endsInNumber(QStringLiteral("^(.*?)(\\d+)$"));
    bool any = false;
    int best = -1;
    QString prefix;
    while (q.next()) {
        any = true;
        const auto m = endsInNumber.match(q.value(0).toString().trimmed());
        if (m.hasMatch() && m.captured(2).toInt() >= best) {
            best = m.captured(2).toInt();
            prefix = m.captured(1);
        }
    }
    if (best >= 0)
        return prefix + QString::number(best + 1);
    if (!any && !recommendationNumber.trimmed().isEmpty())
        return recommendationNumber.trimmed() + QStringLiteral(".1");
    return QString();
}

qint64 ActionRepository::create(qint64 recommendationId, const QString& text, const QString& target,
                                const QString& owners)
{
    if (text.trimmed().isEmpty()) {
        fail(tr("An action needs its text."));
        return 0;
    }
    TargetDate t;
    QString error;
    if (!TargetDate::parse(target, &t, &error)) {
        fail(targetError(target, error));
        return 0;
    }

    Transaction tx(m_db);
    QSqlQuery rec(m_db);
    rec.prepare(QStringLiteral("SELECT review_id, number FROM recommendations WHERE id = ?"));
    rec.addBindValue(recommendationId);
    if (!run(rec))
        return 0;
    if (!rec.next()) {
        fail(tr("The action was not added: the recommendation no longer exists."));
        return 0;
    }
    const qint64 reviewId = rec.value(0).toLongLong();
    const QString recNumber = rec.value(1).toString();
    rec.finish();
    const QString number = nextNumber(recommendationId, recNumber);
    const QStringList ownerNames = splitOwners(owners);

    QSqlQuery ins(m_db);
    ins.prepare(QStringLiteral(
        "INSERT INTO actions(review_id, recommendation_id, number, position, text, owner_text, target_text, "
        "target_precision, target_due) VALUES (?, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM actions "
        "WHERE recommendation_id = ?), ?, ?, ?, ?, ?) RETURNING id"));
    ins.addBindValue(reviewId);
    ins.addBindValue(recommendationId);
    ins.addBindValue(sqlText(number));
    ins.addBindValue(recommendationId);
    ins.addBindValue(text);
    ins.addBindValue(sqlText(ownerNames.join(QStringLiteral("; "))));
    ins.addBindValue(sqlText(target.trimmed()));
    ins.addBindValue(t.precisionCode());
    ins.addBindValue(t.isDated() ? QVariant(t.due().toString(Qt::ISODate)) : QVariant());
    if (!run(ins))
        return 0;
    const qint64 id = SqlDialect::insertedId(ins);
    if (!setOwners(id, ownerNames))
        return 0;
    if (!tx.commit()) {
        fail(tr("The action was not added: %1").arg(m_db.lastError().text()));
        return 0;
    }
    return id;
}

qint64 ActionRepository::version(qint64 actionId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT version FROM actions WHERE id = ?"));
    q.addBindValue(actionId);
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

DeleteImpact ActionRepository::impact(qint64 actionId)
{
    DeleteImpact impact;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT count(*) FROM updates WHERE action_id = ?"));
    q.addBindValue(actionId);
    if (q.exec() && q.next())
        impact.updates = q.value(0).toInt();
    return impact;
}

bool ActionRepository::remove(qint64 actionId)
{
    // The log outlives the action: the delete trigger keeps the whole row.
    Transaction tx(m_db);
    QSqlQuery q(m_db);
    // Updates, owners and links go with it (ON DELETE CASCADE).
    q.prepare(QStringLiteral("DELETE FROM actions WHERE id = ?"));
    q.addBindValue(actionId);
    if (!run(q))
        return false;
    if (q.numRowsAffected() != 1)
        return fail(tr("The action was not deleted: it no longer exists."));
    if (!tx.commit())
        return fail(tr("The action was not deleted: %1").arg(m_db.lastError().text()));
    return true;
}

bool ActionRepository::move(qint64 actionId, int delta)
{
    Transaction tx(m_db);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, position FROM actions WHERE recommendation_id = "
                             "(SELECT recommendation_id FROM actions WHERE id = ?) ORDER BY position, id"));
    q.addBindValue(actionId);
    if (!moveAmongSiblings(
            q, actionId, delta,
            QStringLiteral("UPDATE actions SET position = ?, version = version + 1 WHERE id = ?"),
            tr("The action was not moved: it no longer exists.")))
        return false;
    if (!tx.commit())
        return fail(tr("The action was not moved: %1").arg(m_db.lastError().text()));
    return true;
}

bool ActionRepository::setLinkedNumbers(qint64 actionId, const QString& numbers)
{
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    const QStringList wanted = numbers.split(separators, Qt::SkipEmptyParts);

    Transaction tx(m_db);
    // The review's actions by number; where two share a number the first added wins.
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, number FROM actions WHERE review_id = "
                             "(SELECT review_id FROM actions WHERE id = ?) ORDER BY id"));
    q.addBindValue(actionId);
    if (!run(q))
        return false;
    QHash<QString, qint64> byNumber;
    bool found = false;
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        found = found || id == actionId;
        const QString number = q.value(1).toString().trimmed().toLower();
        if (!number.isEmpty() && !byNumber.contains(number))
            byNumber.insert(number, id);
    }
    if (!found)
        return fail(tr("The links were not saved: the action no longer exists."));

    QVector<qint64> targets;
    for (const QString& number : wanted) {
        const qint64 target = byNumber.value(number.toLower());
        if (target == 0)
            return fail(tr("This review has no action %1.").arg(number));
        if (target == actionId)
            return fail(tr("Action %1 cannot be linked to itself.").arg(number));
        if (!targets.contains(target))
            targets << target;
    }

    // Links that stay keep their notes ("As action 1.2"): only the others go.
    QSqlQuery existing(m_db);
    existing.prepare(QStringLiteral("SELECT linked_action_id FROM action_links WHERE action_id = ?"));
    existing.addBindValue(actionId);
    if (!run(existing))
        return false;
    QVector<qint64> current;
    while (existing.next())
        current << existing.value(0).toLongLong();

    QSqlQuery drop(m_db);
    drop.prepare(QStringLiteral("DELETE FROM action_links WHERE action_id = ? AND linked_action_id = ?"));
    for (qint64 linked : current) {
        if (targets.contains(linked))
            continue;
        drop.addBindValue(actionId);
        drop.addBindValue(linked);
        if (!run(drop))
            return false;
    }
    QSqlQuery add(m_db);
    add.prepare(
        QStringLiteral("INSERT INTO action_links(action_id, linked_action_id, note) VALUES (?, ?, '')"));
    for (qint64 linked : targets) {
        if (current.contains(linked))
            continue;
        add.addBindValue(actionId);
        add.addBindValue(linked);
        if (!run(add))
            return false;
    }
    QSqlQuery bump(m_db);
    bump.prepare(QStringLiteral("UPDATE actions SET version = version + 1 WHERE id = ?"));
    bump.addBindValue(actionId);
    if (!run(bump))
        return false;
    if (!tx.commit())
        return fail(tr("The links were not saved: %1").arg(m_db.lastError().text()));
    return true;
}

} // namespace rt
