#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;

namespace rt {

// A line edit for a target as plans write it ("March 2024", "31/03/2024",
// "2024", "Ongoing", blank), with a line under it saying how it was read
// ("Month — due 31/03/2024") or why it cannot be read.
class TargetDateEdit : public QWidget
{
    Q_OBJECT

public:
    explicit TargetDateEdit(QWidget* parent = nullptr);

    QString text() const;
    void setText(const QString& text);
    bool isAcceptable() const; // the text parses as a target
    QLineEdit* lineEdit() const { return m_edit; }
    QString interpretation() const; // the text of the line under the edit

signals:
    void editingFinished();
    void textChanged(const QString& text);

protected:
    // As an item editor (opaque, over the table) it draws a thin frame so the
    // reading line stands apart from the cells it covers.
    void paintEvent(QPaintEvent* event) override;

private:
    void reinterpret();

    QLineEdit* m_edit = nullptr;
    QLabel* m_reading = nullptr;
};

} // namespace rt
