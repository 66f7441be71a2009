#include "ConflictDialog.h"

#include "core/PartialDate.h"
#include "models/ActionTableModel.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace rt {

namespace {

std::function<bool(const ConflictDialog&)>& testAnswer()
{
    static std::function<bool(const ConflictDialog&)> answer;
    return answer;
}

QLabel* valueLabel(const QString& text)
{
    auto* label = new QLabel(text.isEmpty() ? QObject::tr("(blank)") : text.toHtmlEscaped());
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setMinimumWidth(320);
    return label;
}

} // namespace

ConflictDialog::ConflictDialog(const Values& values, QWidget* parent) : QDialog(parent), m_values(values)
{
    setWindowTitle(tr("Changed by someone else"));
    auto* layout = new QVBoxLayout(this);
    m_text = new QLabel(summary());
    m_text->setWordWrap(true);
    layout->addWidget(m_text);

    auto* form = new QFormLayout;
    const QString by = values.who.isEmpty() ? tr("Theirs") : tr("Theirs (%1)").arg(values.who);
    form->addRow(by + QLatin1Char(':'), valueLabel(values.theirs));
    form->addRow(tr("Yours:"), valueLabel(values.mine));
    layout->addLayout(form);

    auto* buttons = new QDialogButtonBox;
    QPushButton* keep = buttons->addButton(tr("&Keep theirs"), QDialogButtonBox::RejectRole);
    QPushButton* mine = buttons->addButton(tr("&Save mine over theirs"), QDialogButtonBox::AcceptRole);
    keep->setDefault(true); // the safe choice: nothing of theirs is lost by a stray Enter
    connect(keep, &QPushButton::clicked, this, [this] {
        m_mine = false;
        reject();
    });
    connect(mine, &QPushButton::clicked, this, [this] {
        m_mine = true;
        accept();
    });
    layout->addWidget(buttons);
}

QString ConflictDialog::summary() const
{
    const QString who = m_values.who.isEmpty() ? tr("Someone else") : m_values.who;
    const QString when = PartialDate::momentString(m_values.when);
    const QString saved = when.isEmpty() ? tr("%1 saved a different %2 for %3 after you opened it.")
                                               .arg(who, m_values.field.toLower(), m_values.record)
                                         : tr("%1 saved a different %2 for %3 at %4, after you opened it.")
                                               .arg(who, m_values.field.toLower(), m_values.record, when);
    return saved + QLatin1Char(' ') + tr("Keep their value, or save yours over it?");
}

void ConflictDialog::settleConflictsOf(ActionTableModel* model, QWidget* parent)
{
    QObject::connect(
        model, &ActionTableModel::editConflict, parent,
        [model, parent](const QModelIndex& index, const QString& mine, const QString& theirs,
                        const QString& who, const QString& when) {
            const QString number =
                model->data(model->index(index.row(), ActionTableModel::NumberColumn)).toString();
            const QString field =
                model->headerData(index.column(), Qt::Horizontal, Qt::DisplayRole).toString();
            const QPersistentModelIndex keep(index);
            if (saveMine(parent, {tr("action %1").arg(number), field, mine, theirs, who, when}) &&
                keep.isValid())
                model->saveOverTheirs(keep, mine);
        },
        // After the editor has closed, not inside its commit.
        Qt::QueuedConnection);
}

bool ConflictDialog::saveMine(QWidget* parent, const Values& values)
{
    ConflictDialog dialog(values, parent);
    if (testAnswer())
        return testAnswer()(dialog);
    dialog.exec();
    return dialog.choseMine();
}

void ConflictDialog::setAnswerForTesting(std::function<bool(const ConflictDialog&)> answer)
{
    testAnswer() = std::move(answer);
}

} // namespace rt
