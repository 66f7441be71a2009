#pragma once

#include "db/ReviewRepository.h"

#include <QHash>
#include <QSqlDatabase>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace rt {

// A review's own fields. Each saves when the user leaves it; a refusal shows
// under the field and the typed text stays.
class ReviewDetailsForm : public QWidget
{
    Q_OBJECT

public:
    ReviewDetailsForm(QSqlDatabase db, qint64 reviewId, bool readOnly, QWidget* parent = nullptr);

    void load();
    QLineEdit* lineEdit(ReviewRepository::Field field) const;
    QString fieldError(ReviewRepository::Field field) const;

signals:
    void saved();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void commit(ReviewRepository::Field field, const QString& value);
    QWidget* withError(QWidget* editor, ReviewRepository::Field field);

    QSqlDatabase m_db;
    qint64 m_reviewId = 0;
    bool m_readOnly = false;
    bool m_loading = false;
    QComboBox* m_kind = nullptr;
    QHash<int, QLineEdit*> m_lines;
    QPlainTextEdit* m_summary = nullptr;
    QHash<int, QLabel*> m_errors;
    QHash<int, QString> m_stored;
};

} // namespace rt
