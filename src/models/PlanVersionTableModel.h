#pragma once

#include "RecordTableModel.h"

namespace rt {

// The version history of a review's action plan, as the plan's own table gives it.
class PlanVersionTableModel : public RecordTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        VersionColumn,
        DateColumn,
        CommentColumn
    };
    using RecordTableModel::RecordTableModel;
    void setReview(qint64 reviewId);
    qint64 reviewId() const { return m_reviewId; }

protected:
    QStringList headers() const override;
    QVector<Record> load() override;
    bool isEditable(int column) const override;
    bool save(qint64 id, int column, const QString& value, QString* error) override;

private:
    qint64 m_reviewId = 0;
};

} // namespace rt
