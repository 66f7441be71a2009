#include "PlanVersionTableModel.h"

#include "core/PartialDate.h"
#include "db/PlanQueries.h"
#include "db/ReviewRepository.h"

namespace rt {

void PlanVersionTableModel::setReview(qint64 reviewId)
{
    m_reviewId = reviewId;
    resetRows();
}

QStringList PlanVersionTableModel::headers() const
{
    return {tr("Version"), tr("Date"), tr("Comment")};
}

QVector<RecordTableModel::Record> PlanVersionTableModel::load()
{
    QVector<Record> rows;
    if (m_reviewId == 0)
        return rows;
    for (const PlanVersionRow& v : PlanQueries(database()).planVersions(m_reviewId)) {
        rows.append(
            {v.id,
             {Cell{v.version, {}, {}, {}},
              Cell{PartialDate::toDisplayString(v.date), PartialDate::toDisplayString(v.date), {}, {}},
              Cell{v.comment, {}, v.comment, {}}}});
    }
    return rows;
}

bool PlanVersionTableModel::isEditable(int) const
{
    return true;
}

bool PlanVersionTableModel::save(qint64 id, int column, const QString& value, QString* error)
{
    static const ReviewRepository::VersionField fields[] = {ReviewRepository::VersionField::Version,
                                                            ReviewRepository::VersionField::Date,
                                                            ReviewRepository::VersionField::Comment};
    ReviewRepository repo(database());
    const bool ok = repo.setPlanVersionField(id, fields[column], value);
    if (!ok)
        *error = repo.errorString();
    return ok;
}

} // namespace rt
