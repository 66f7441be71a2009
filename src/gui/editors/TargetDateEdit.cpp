#include "TargetDateEdit.h"

#include "core/TargetDate.h"

#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPalette>
#include <QVBoxLayout>

namespace rt {

namespace {

// Dark red reads as "this is wrong" on the light palettes staff use; on a dark
// palette the same red would be unreadable, so a light red stands in there.
QColor errorColour(const QPalette& palette)
{
    return palette.color(QPalette::Window).lightness() < 128 ? QColor(0xFF, 0x8A, 0x80)
                                                             : QColor(0x9B, 0x1C, 0x1C);
}

} // namespace

TargetDateEdit::TargetDateEdit(QWidget* parent) : QWidget(parent)
{
    m_edit = new QLineEdit(this);
    m_edit->setPlaceholderText(tr("e.g. March 2024, 31/03/2024, 2024, Ongoing"));

    m_reading = new QLabel(this);
    // Errors name the form that was not understood and can be long; wrapping
    // keeps them whole in a narrow column instead of cutting off the reason.
    m_reading->setWordWrap(true);
    m_reading->setTextFormat(Qt::PlainText);
    m_reading->setContentsMargins(3, 0, 3, 1);
    QFont small = m_reading->font();
    if (small.pointSizeF() > 0)
        small.setPointSizeF(small.pointSizeF() * 0.9);
    m_reading->setFont(small);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(1);
    layout->addWidget(m_edit);
    layout->addWidget(m_reading);

    // The widget is a wrapper: focus belongs in the line edit, so that a view
    // or a form giving focus to this widget lets the user type at once.
    setFocusProxy(m_edit);

    connect(m_edit, &QLineEdit::textChanged, this, [this](const QString& text) {
        reinterpret();
        emit textChanged(text);
    });
    connect(m_edit, &QLineEdit::editingFinished, this, &TargetDateEdit::editingFinished);

    reinterpret();
}

QString TargetDateEdit::text() const
{
    return m_edit->text();
}

void TargetDateEdit::setText(const QString& text)
{
    m_edit->setText(text);
    // setText with the text already there emits no textChanged.
    reinterpret();
}

bool TargetDateEdit::isAcceptable() const
{
    TargetDate target;
    return TargetDate::parse(m_edit->text(), &target);
}

QString TargetDateEdit::interpretation() const
{
    return m_reading->text();
}

void TargetDateEdit::paintEvent(QPaintEvent* /*event*/)
{
    // Only an opaque edit is floating over other content (the item delegate
    // makes it so); in a form the field needs no frame of its own.
    if (!autoFillBackground())
        return;
    QPainter painter(this);
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawRect(rect().adjusted(0, 0, -1, -1));
}

void TargetDateEdit::reinterpret()
{
    const QString text = m_edit->text();
    TargetDate target;
    QString error;
    QString reading;
    bool ok = true;
    if (text.trimmed().isEmpty()) {
        reading = tr("No target");
    } else if (TargetDate::parse(text, &target, &error)) {
        reading = target.describe();
    } else {
        ok = false;
        reading = error;
    }

    QPalette palette = this->palette();
    if (!ok)
        palette.setColor(QPalette::WindowText, errorColour(palette));
    m_reading->setPalette(palette);
    m_reading->setText(reading);
    // Screen readers announce the line edit, not the label beside it.
    m_edit->setAccessibleDescription(reading);
}

} // namespace rt
