#pragma once

#include "RecordTableModel.h"

namespace rt {

// The progress updates of one action, newest first. Read-only by design: an
// update is evidence and is never overwritten; a correction is a new update.
class UpdateTableModel : public RecordTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        DateColumn,
        RagColumn,
        AuthorColumn,
        TextColumn
    };
    using RecordTableModel::RecordTableModel;
    void setAction(qint64 actionId);
    qint64 actionId() const { return m_actionId; }

protected:
    QStringList headers() const override;
    QVector<Record> load() override;

private:
    qint64 m_actionId = 0;
};

} // namespace rt
