#include "ReviewLinkTableModel.h"

#include "db/PlanQueries.h"
#include "db/ReviewRepository.h"

namespace rt {

void ReviewLinkTableModel::setReview(qint64 reviewId)
{
    m_reviewId = reviewId;
    resetRows();
}

QStringList ReviewLinkTableModel::headers() const
{
    return {tr("Linked review"), tr("Year"), tr("Note")};
}

QVector<RecordTableModel::Record> ReviewLinkTableModel::load()
{
    QVector<Record> rows;
    if (m_reviewId == 0)
        return rows;
    for (const ReviewLinkRow& l : PlanQueries(database()).reviewLinks(m_reviewId)) {
        QString name = l.title;
        if (!l.reference.isEmpty())
            name += QStringLiteral(" (%1)").arg(l.reference);
        const QString where =
            l.linkedReviewId > 0 ? tr("In this database") : tr("Not in this database: known by name only");
        rows.append(
            {l.id, {Cell{name, {}, where, {}}, Cell{l.year, {}, {}, {}}, Cell{l.note, {}, l.note, {}}}});
    }
    return rows;
}

bool ReviewLinkTableModel::isEditable(int column) const
{
    return column == NoteColumn;
}

bool ReviewLinkTableModel::save(qint64 id, int, const QString& value, QString* error)
{
    ReviewRepository repo(database());
    const bool ok = repo.setLinkNote(id, value);
    if (!ok)
        *error = repo.errorString();
    return ok;
}

} // namespace rt
