#include "ResponseTableModel.h"

#include "db/PlanQueries.h"
#include "db/ResponseRepository.h"

namespace rt {

void ResponseTableModel::setRecommendation(qint64 recommendationId)
{
    m_recommendationId = recommendationId;
    resetRows();
}

QStringList ResponseTableModel::headers() const
{
    return {tr("Answers"), tr("Response")};
}

QVector<RecordTableModel::Record> ResponseTableModel::load()
{
    QVector<Record> rows;
    if (m_recommendationId == 0)
        return rows;
    const QVector<ResponseRow> responses = PlanQueries(database()).responsesFor(m_recommendationId);
    for (const ResponseRow& r : responses) {
        const QString answers = r.answers.join(QStringLiteral(", "));
        const QString text = r.text.isEmpty() ? r.title : r.text;
        Cell answersCell{answers, {}, tr("Answers recommendations %1").arg(answers), {}};
        Cell textCell{text, text, text, {}};
        rows.append({r.id, {answersCell, textCell}});
    }
    return rows;
}

bool ResponseTableModel::isEditable(int) const
{
    return true;
}

bool ResponseTableModel::save(qint64 id, int column, const QString& value, QString* error)
{
    ResponseRepository repo(database());
    const bool ok = column == AnswersColumn ? repo.setAnsweredNumbers(id, value)
                                            : repo.setField(id, ResponseRepository::Field::Text, value);
    if (!ok)
        *error = repo.errorString();
    return ok;
}

} // namespace rt
