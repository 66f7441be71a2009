#include "ActionRepository.h"

#include "Transaction.h"
#include "core/TargetDate.h"
#include "core/Vocabulary.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace rt {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("rt::ActionRepository", text);
}
} // namespace

ActionRepository::ActionRepository(QSqlDatabase& db) : m_db(db) {}

bool ActionRepository::fail(const QString& why)
{
    m_error = why;
    return false;
}

bool ActionRepository::setField(qint64 actionId, Field field, const QString& value)
{
    QString sql;
    QVariantList values;
    switch (field) {
    case Field::Text:
        if (value.trimmed().isEmpty())
            return fail(tr("An action needs its text."));
        sql = QStringLiteral("text = ?");
        values << value;
        break;
    case Field::Owner:
        sql = QStringLiteral("owner_text = ?");
        values << value.simplified();
        break;
    case Field::Target:
    case Field::RevisedTarget: {
        TargetDate t;
        QString error;
        if (!TargetDate::parse(value, &t, &error))
            return fail(error);
        const QString prefix = field == Field::Target ? QString() : QStringLiteral("revised_");
        sql = QStringLiteral("%1target_text = ?, %1target_precision = ?, %1target_due = ?").arg(prefix);
        values << value.trimmed() << t.precisionCode()
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
        values << status::code(s) << value.trimmed();
        break;
    }
    case Field::Rag: {
        Rag r;
        if (!rag::fromCode(value, &r) && !rag::fromWritten(value, &r))
            return fail(tr("“%1” is not a RAG rating: choose Red, Amber, Green or Blue.").arg(value));
        sql = QStringLiteral("rag = ?");
        values << rag::code(r);
        break;
    }
    case Field::SuccessMeasure:
        sql = QStringLiteral("success_measure = ?");
        values << value;
        break;
    case Field::Evidence:
        sql = QStringLiteral("evidence = ?");
        values << value;
        break;
    }

    Transaction tx(m_db);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE actions SET %1, version = version + 1 WHERE id = ?").arg(sql));
    for (const QVariant& v : values)
        q.addBindValue(v);
    q.addBindValue(actionId);
    if (!q.exec())
        return fail(tr("The change was not saved: %1").arg(q.lastError().text()));
    if (q.numRowsAffected() != 1)
        return fail(tr("The change was not saved: the action no longer exists."));
    if (!tx.commit())
        return fail(tr("The change was not saved: %1").arg(m_db.lastError().text()));
    return true;
}

} // namespace rt
