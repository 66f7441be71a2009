#pragma once

#include "RecordTableModel.h"

namespace rt {

// Other reviews a review refers to ("As the James SCR …"): in this database or
// known only by name. The note is editable; the linked review is chosen when added.
class ReviewLinkTableModel : public RecordTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        ReviewColumn,
        YearColumn,
        NoteColumn
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
