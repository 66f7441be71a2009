#pragma once

#include "RecordTableModel.h"

namespace rt {

// The responses that answer one recommendation; the Answers column shows and
// edits every recommendation a response answers ("1.1, 1.2, 1.3").
class ResponseTableModel : public RecordTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        AnswersColumn,
        ResponseColumn
    };
    using RecordTableModel::RecordTableModel;
    void setRecommendation(qint64 recommendationId);
    qint64 recommendationId() const { return m_recommendationId; }

protected:
    QStringList headers() const override;
    QVector<Record> load() override;
    bool isEditable(int column) const override;
    bool save(qint64 id, int column, const QString& value, QString* error) override;

private:
    qint64 m_recommendationId = 0;
};

} // namespace rt
