#include "OwnerTableModel.h"

#include "db/OwnerRepository.h"
#include "db/PlanQueries.h"

namespace rt {

OwnerTableModel::OwnerTableModel(QSqlDatabase db, QObject* parent) : RecordTableModel(std::move(db), parent)
{
    reload();
}

QStringList OwnerTableModel::headers() const
{
    return {tr("Owner"), tr("Agency"), tr("Actions")};
}

QVector<RecordTableModel::Record> OwnerTableModel::load()
{
    QVector<Record> rows;
    for (const OwnerRow& o : PlanQueries(database()).owners())
        rows.append(
            {o.id, {Cell{o.name, {}, {}, {}}, Cell{o.agency, {}, {}, {}}, Cell{o.actions, {}, {}, {}}}});
    return rows;
}

bool OwnerTableModel::isEditable(int column) const
{
    return column == NameColumn || column == AgencyColumn;
}

bool OwnerTableModel::save(qint64 id, int column, const QString& value, QString* error)
{
    OwnerRepository repo(database());
    bool ok = false;
    if (column == NameColumn) {
        ok = repo.renameOwner(id, value);
    } else {
        const qint64 agency = value.trimmed().isEmpty() ? 0 : PlanQueries(database()).agencyId(value);
        if (agency == 0 && !value.trimmed().isEmpty()) {
            *error = tr("“%1” is not an agency: add it to the agencies first.").arg(value.trimmed());
            return false;
        }
        ok = repo.setOwnerAgency(id, agency);
    }
    if (!ok)
        *error = repo.errorString();
    return ok;
}

} // namespace rt
