#pragma once

#include "RecordTableModel.h"

namespace rt {

// Every owner with their agency and how many actions they own. Renaming an
// owner here renames them on every action.
class OwnerTableModel : public RecordTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        AgencyColumn,
        ActionsColumn
    };
    explicit OwnerTableModel(QSqlDatabase db, QObject* parent = nullptr);

protected:
    QStringList headers() const override;
    QVector<Record> load() override;
    bool isEditable(int column) const override;
    bool save(qint64 id, int column, const QString& value, QString* error) override;
};

} // namespace rt
