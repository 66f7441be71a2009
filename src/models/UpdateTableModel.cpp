#include "UpdateTableModel.h"

#include "core/PartialDate.h"
#include "core/Vocabulary.h"
#include "db/PlanQueries.h"

namespace rt {

void UpdateTableModel::setAction(qint64 actionId)
{
    m_actionId = actionId;
    resetRows();
}

QStringList UpdateTableModel::headers() const
{
    return {tr("Date"), tr("RAG"), tr("By"), tr("Update")};
}

QVector<RecordTableModel::Record> UpdateTableModel::load()
{
    QVector<Record> rows;
    if (m_actionId == 0)
        return rows;
    for (const UpdateRow& u : PlanQueries(database()).updates(m_actionId)) {
        Rag r = Rag::None;
        rag::fromCode(u.rag, &r);
        const QString date = u.date.isEmpty() ? tr("Undated") : PartialDate::toDisplayString(u.date);
        rows.append({u.id,
                     {Cell{date, {}, u.label, {}},
                      Cell{r == Rag::None ? QString() : rag::label(r),
                           {},
                           {},
                           r == Rag::None ? QColor() : rag::colour(r)},
                      Cell{u.author, {}, {}, {}}, Cell{u.text, {}, u.text, {}}}});
    }
    return rows;
}

} // namespace rt
