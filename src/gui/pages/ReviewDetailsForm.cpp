#include "ReviewDetailsForm.h"

#include "FieldError.h"
#include "core/PartialDate.h"
#include "db/PlanQueries.h"
#include "editors/ChoiceDelegate.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace rt {

using Field = ReviewRepository::Field;

ReviewDetailsForm::ReviewDetailsForm(QSqlDatabase db, qint64 reviewId, bool readOnly, QWidget* parent)
    : QWidget(parent), m_db(std::move(db)), m_reviewId(reviewId), m_readOnly(readOnly)
{
    m_kind = new QComboBox;
    for (const ChoiceDelegate::Choice& c : ChoiceDelegate::reviewKindChoices())
        m_kind->addItem(c.label, c.code);
    m_kind->setEnabled(!readOnly);
    connect(m_kind, &QComboBox::activated, this,
            [this] { commit(Field::Kind, m_kind->currentData().toString()); });

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Kind"), withError(m_kind, Field::Kind));
    const struct
    {
        Field field;
        const char* label;
        const char* placeholder;
    } lines[] = {
        {Field::Title, QT_TR_NOOP("&Title"), ""},
        {Field::Reference, QT_TR_NOOP("&Reference"), QT_TR_NOOP("e.g. 0118")},
        {Field::Year, QT_TR_NOOP("&Year"), QT_TR_NOOP("e.g. 2023")},
        {Field::Initiated, QT_TR_NOOP("&Initiated"), QT_TR_NOOP("dd/mm/yyyy, a month (June 2020) or a year")},
        {Field::Completed, QT_TR_NOOP("&Completed"), QT_TR_NOOP("dd/mm/yyyy, a month (June 2020) or a year")},
        {Field::Published, QT_TR_NOOP("&Published"), QT_TR_NOOP("dd/mm/yyyy, a month (June 2020) or a year")},
    };
    for (const auto& l : lines) {
        auto* edit = new QLineEdit;
        edit->setPlaceholderText(tr(l.placeholder));
        edit->setReadOnly(readOnly);
        m_lines.insert(int(l.field), edit);
        const Field field = l.field;
        connect(edit, &QLineEdit::editingFinished, this,
                [this, edit, field] { commit(field, edit->text()); });
        form->addRow(tr(l.label), withError(edit, l.field));
    }
    m_summary = new QPlainTextEdit;
    m_summary->setTabChangesFocus(true);
    m_summary->setReadOnly(readOnly);
    m_summary->setFixedHeight(m_summary->fontMetrics().lineSpacing() * 6 + 14);
    m_summary->installEventFilter(this);
    form->addRow(tr("&Summary"), withError(m_summary, Field::Summary));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    auto* box = new QWidget;
    box->setMaximumWidth(900);
    box->setLayout(form);
    layout->addWidget(box);
    layout->addStretch(1);
    load();
}

QWidget* ReviewDetailsForm::withError(QWidget* editor, Field field)
{
    QLabel* error = nullptr;
    QWidget* box = withErrorLine(editor, &error);
    m_errors.insert(int(field), error);
    return box;
}

void ReviewDetailsForm::load()
{
    ReviewDetail d;
    if (!PlanQueries(m_db).review(m_reviewId, &d))
        return;
    m_loading = true;
    m_kind->setCurrentIndex(qMax(0, m_kind->findData(d.kind)));
    const QHash<int, QString> values{
        {int(Field::Title), d.title},
        {int(Field::Reference), d.reference},
        {int(Field::Year), d.year},
        {int(Field::Initiated), PartialDate::toDisplayString(d.initiated)},
        {int(Field::Completed), PartialDate::toDisplayString(d.completed)},
        {int(Field::Published), PartialDate::toDisplayString(d.published)},
    };
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        m_lines.value(it.key())->setText(it.value());
        m_stored.insert(it.key(), it.value());
    }
    m_stored.insert(int(Field::Kind), d.kind);
    m_summary->setPlainText(d.summary);
    m_stored.insert(int(Field::Summary), d.summary);
    m_loading = false;
}

QLineEdit* ReviewDetailsForm::lineEdit(Field field) const
{
    return m_lines.value(int(field));
}

QString ReviewDetailsForm::fieldError(Field field) const
{
    QLabel* e = m_errors.value(int(field));
    return e && !e->isHidden() ? e->text() : QString();
}

bool ReviewDetailsForm::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_summary && event->type() == QEvent::FocusOut)
        commit(Field::Summary, m_summary->toPlainText());
    return QWidget::eventFilter(watched, event);
}

void ReviewDetailsForm::commit(Field field, const QString& value)
{
    if (m_loading || m_readOnly || value == m_stored.value(int(field)))
        return;
    ReviewRepository repo(m_db);
    QLabel* error = m_errors.value(int(field));
    if (!repo.setField(m_reviewId, field, value)) {
        error->setText(repo.errorString());
        error->show();
        return;
    }
    error->hide();
    load(); // dates come back in their UK form
    emit saved();
}

} // namespace rt
