#include "ActionDetailPane.h"

#include "FieldError.h"
#include "HistoryPanel.h"
#include "db/PlanQueries.h"
#include "db/Repository.h"
#include "db/UpdateRepository.h"
#include "dialogs/ConflictDialog.h"
#include "editors/ChoiceDelegate.h"
#include "editors/TargetDateEdit.h"
#include "models/UpdateTableModel.h"

#include <QComboBox>
#include <QCompleter>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace rt {

namespace {

// Linked actions are saved through their own call, not a Field.
constexpr int kLinksKey = 100;

QPlainTextEdit* textBox(int lines)
{
    auto* edit = new QPlainTextEdit;
    edit->setTabChangesFocus(true);
    edit->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    const int line = edit->fontMetrics().lineSpacing();
    edit->setFixedHeight(line * lines + 14);
    return edit;
}

} // namespace

ActionDetailPane::ActionDetailPane(QSqlDatabase db, QWidget* parent) : QWidget(parent), m_db(std::move(db))
{
    m_heading = new QLabel;
    m_heading->setWordWrap(true);
    m_heading->setTextFormat(Qt::RichText);

    m_text = textBox(4);
    m_owners = new QLineEdit;
    m_owners->setPlaceholderText(tr("Names separated by semicolons"));
    m_target = new TargetDateEdit;
    m_revised = new TargetDateEdit;
    m_status = new QComboBox;
    ChoiceDelegate::fillCombo(m_status, ChoiceDelegate::statusChoices());
    m_rag = new QComboBox;
    ChoiceDelegate::fillCombo(m_rag, ChoiceDelegate::ragChoices());
    m_success = textBox(2);
    m_evidence = textBox(2);
    m_links = new QLineEdit;
    m_links->setPlaceholderText(tr("Action numbers, e.g. 1.2, 3.1"));

    auto* statusRow = new QWidget;
    auto* statusLayout = new QHBoxLayout(statusRow);
    statusLayout->setContentsMargins(0, 0, 0, 0);
    statusLayout->addWidget(withError(m_status, int(ActionRepository::Field::Status)), 1);
    statusLayout->addWidget(new QLabel(tr("RAG")));
    statusLayout->addWidget(withError(m_rag, int(ActionRepository::Field::Rag)), 1);

    m_form = new QWidget;
    auto* form = new QFormLayout(m_form);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignTop);
    form->addRow(tr("&Action"), withError(m_text, int(ActionRepository::Field::Text)));
    form->addRow(tr("&Owners"), withError(m_owners, int(ActionRepository::Field::Owner)));
    form->addRow(tr("&Target"), withError(m_target, int(ActionRepository::Field::Target)));
    form->addRow(tr("Re&vised target"), withError(m_revised, int(ActionRepository::Field::RevisedTarget)));
    form->addRow(tr("&Status"), statusRow);
    form->addRow(tr("Success &measure"), withError(m_success, int(ActionRepository::Field::SuccessMeasure)));
    form->addRow(tr("&Evidence"), withError(m_evidence, int(ActionRepository::Field::Evidence)));
    form->addRow(tr("&Linked actions"), withError(m_links, kLinksKey));

    // Updates: the newest first; a new one is added below, never edited.
    m_updates = new UpdateTableModel(m_db, this);
    m_updatesView = new QTableView;
    m_updatesView->setModel(m_updates);
    m_updatesView->verticalHeader()->hide();
    m_updatesView->setWordWrap(true);
    m_updatesView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_updatesView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_updatesView->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    QHeaderView* h = m_updatesView->horizontalHeader();
    const QFontMetrics fm = fontMetrics();
    h->resizeSection(UpdateTableModel::DateColumn, fm.horizontalAdvance(QStringLiteral("00/00/0000")) + 12);
    h->resizeSection(UpdateTableModel::RagColumn, fm.horizontalAdvance(QStringLiteral("Amber")) + 12);
    h->resizeSection(UpdateTableModel::AuthorColumn, fm.horizontalAdvance(QStringLiteral("J. Bloggs")) + 12);
    h->setSectionResizeMode(UpdateTableModel::TextColumn, QHeaderView::Stretch);

    m_updateDate = new QLineEdit;
    m_updateDate->setPlaceholderText(tr("dd/mm/yyyy"));
    m_updateDate->setMaximumWidth(fm.horizontalAdvance(QStringLiteral("00/00/00000")) + 16);
    m_updateAuthor = new QLineEdit(Repository::currentUser());
    m_updateAuthor->setPlaceholderText(tr("Who"));
    m_updateRag = new QComboBox;
    ChoiceDelegate::fillCombo(m_updateRag, ChoiceDelegate::ragChoices());
    m_updateText = textBox(3);
    m_updateText->setPlaceholderText(tr("What has happened since the last update (Ctrl+Return adds it)"));
    m_addUpdate = new QPushButton(tr("Add &update"));
    m_updateError = new QLabel;
    m_updateError->setStyleSheet(QStringLiteral("color: #B01E1E;"));
    m_updateError->setWordWrap(true);
    m_updateError->hide();
    auto* addRow = new QHBoxLayout;
    addRow->addWidget(new QLabel(tr("Date")));
    addRow->addWidget(m_updateDate);
    addRow->addWidget(new QLabel(tr("By")));
    addRow->addWidget(m_updateAuthor, 1);
    addRow->addWidget(new QLabel(tr("RAG")));
    addRow->addWidget(m_updateRag);
    addRow->addWidget(m_addUpdate);

    auto* updatesTitle = new QLabel(tr("<b>Progress updates</b> — newest first; earlier updates are kept as "
                                       "they were written"));
    // The updates and the action's change history share the lower half.
    auto* updatesPage = new QWidget;
    auto* updatesLayout = new QVBoxLayout(updatesPage);
    updatesLayout->setContentsMargins(0, 4, 0, 0);
    updatesLayout->addWidget(updatesTitle);
    updatesLayout->addWidget(m_updatesView, 1);
    updatesLayout->addWidget(m_updateText);
    updatesLayout->addLayout(addRow);
    updatesLayout->addWidget(m_updateError);
    m_history = new HistoryPanel(m_db);
    auto* lowerTabs = new QTabWidget;
    lowerTabs->setDocumentMode(true);
    lowerTabs->addTab(updatesPage, tr("Progress updates"));
    lowerTabs->addTab(m_history, tr("Histor&y"));
    lowerTabs->setTabToolTip(1, tr("Every change to this action, its owners, links and updates: who, when, "
                                   "from what"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->addWidget(m_heading);
    layout->addWidget(m_form);
    layout->addSpacing(6);
    layout->addWidget(lowerTabs, 1);

    // Saving on leaving a field: editingFinished for line edits, focus-out
    // for multi-line text, a choice for combo boxes.
    for (QPlainTextEdit* e : {m_text, m_success, m_evidence})
        e->installEventFilter(this);
    m_updateText->installEventFilter(this);
    connect(m_owners, &QLineEdit::editingFinished, this,
            [this] { commit(ActionRepository::Field::Owner, m_owners->text()); });
    connect(m_target, &TargetDateEdit::editingFinished, this,
            [this] { commit(ActionRepository::Field::Target, m_target->text()); });
    connect(m_revised, &TargetDateEdit::editingFinished, this,
            [this] { commit(ActionRepository::Field::RevisedTarget, m_revised->text()); });
    connect(m_status, &QComboBox::activated, this,
            [this] { commit(ActionRepository::Field::Status, m_status->currentData().toString()); });
    connect(m_rag, &QComboBox::activated, this,
            [this] { commit(ActionRepository::Field::Rag, m_rag->currentData().toString()); });
    connect(m_links, &QLineEdit::editingFinished, this, [this] {
        if (m_loading || m_actionId == 0 || m_links->text() == m_stored.value(kLinksKey))
            return;
        ActionRepository repo(m_db);
        QLabel* error = m_errors.value(kLinksKey);
        if (!repo.setLinkedNumbers(m_actionId, m_links->text())) {
            error->setText(repo.errorString());
            error->show();
            return;
        }
        error->hide();
        m_stored.insert(kLinksKey, m_links->text());
        emit actionSaved(m_actionId);
    });
    connect(m_addUpdate, &QPushButton::clicked, this, &ActionDetailPane::addUpdate);
    setAction(0);
}

QWidget* ActionDetailPane::withError(QWidget* editor, int key)
{
    QLabel* error = nullptr;
    QWidget* box = withErrorLine(editor, &error);
    m_errors.insert(key, error);
    return box;
}

QString ActionDetailPane::fieldError(ActionRepository::Field field) const
{
    QLabel* error = m_errors.value(int(field));
    return error && error->isVisibleTo(this) ? error->text() : QString();
}

bool ActionDetailPane::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::FocusOut) {
        if (watched == m_text)
            commit(ActionRepository::Field::Text, m_text->toPlainText());
        else if (watched == m_success)
            commit(ActionRepository::Field::SuccessMeasure, m_success->toPlainText());
        else if (watched == m_evidence)
            commit(ActionRepository::Field::Evidence, m_evidence->toPlainText());
    } else if (event->type() == QEvent::KeyPress && watched == m_updateText) {
        auto* key = static_cast<QKeyEvent*>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
            (key->modifiers() & Qt::ControlModifier)) {
            addUpdate();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ActionDetailPane::commit(ActionRepository::Field field, const QString& value)
{
    if (m_loading || m_actionId == 0 || m_readOnly)
        return;
    if (value == m_stored.value(int(field)))
        return; // left without a change
    ActionRepository repo(m_db);
    QLabel* error = m_errors.value(int(field));
    repo.expectVersion(m_version);
    bool saved = repo.setField(m_actionId, field, value);
    if (!saved && repo.conflict().happened) {
        // Someone else saved this action after it was shown here. When this
        // field is still as it was shown, their change was to another field
        // and this one goes ahead; otherwise the person decides.
        ActionDetail now;
        if (!PlanQueries(m_db).action(m_actionId, &now))
            return;
        const QString theirs = storedValue(now, field);
        if (theirs == m_stored.value(int(field))) {
            repo.expectVersion(now.version);
            saved = repo.setField(m_actionId, field, value);
        } else if (ConflictDialog::saveMine(this, {tr("action %1").arg(now.number), fieldName(field), value,
                                                   theirs, repo.conflict().who, repo.conflict().when})) {
            saved = repo.setField(m_actionId, field, value);
        } else {
            load(); // theirs kept: show it, and everything else they changed
            emit message(tr("Kept the value %1 saved.").arg(repo.conflict().who));
            return;
        }
    }
    if (saved)
        m_version = ActionRepository(m_db).version(m_actionId);
    if (!saved) {
        // The typed text stays in the field so it can be corrected, not retyped.
        error->setText(repo.errorString());
        error->show();
        emit message(tr("Not saved: %1").arg(repo.errorString()));
        return;
    }
    error->hide();
    m_stored.insert(int(field), value);
    emit actionSaved(m_actionId);
    if (field == ActionRepository::Field::Owner)
        load(); // owners are normalised ("A;B" → "A; B")
}

void ActionDetailPane::setAction(qint64 actionId)
{
    m_actionId = actionId;
    for (QLabel* e : qAsConst(m_errors))
        e->hide();
    m_updateError->hide();
    load();
}

void ActionDetailPane::load()
{
    m_loading = true;
    ActionDetail d;
    const bool found = m_actionId > 0 && PlanQueries(m_db).action(m_actionId, &d);
    if (!found) {
        m_actionId = 0;
        d = ActionDetail();
        m_heading->setText(tr("<i>Select an action to see its details and updates.</i>"));
    } else {
        const QString number =
            d.number.isEmpty() ? QString() : QStringLiteral(" %1").arg(d.number.toHtmlEscaped());
        m_heading->setText(
            tr("<b>Action%1</b> · recommendation %2 · %3")
                .arg(number, d.recommendationNumber.toHtmlEscaped(), d.review.toHtmlEscaped()));
    }
    m_text->setPlainText(d.text);
    m_owners->setText(d.ownerText);
    m_owners->setCursorPosition(0); // show the first owner, not the end of the list
    m_target->setText(d.targetText);
    m_revised->setText(d.revisedTargetText);
    m_status->setCurrentIndex(qMax(0, m_status->findData(found ? d.status : QStringLiteral("not_started"))));
    m_rag->setCurrentIndex(qMax(0, m_rag->findData(d.rag)));
    m_success->setPlainText(d.successMeasure);
    m_evidence->setPlainText(d.evidence);
    m_links->setText(d.linkedNumbers);
    m_links->setCursorPosition(0);
    m_links->setToolTip(d.links.join(QLatin1Char('\n')));
    m_stored.clear();
    m_stored.insert(int(ActionRepository::Field::Text), d.text);
    m_stored.insert(int(ActionRepository::Field::Owner), d.ownerText);
    m_stored.insert(int(ActionRepository::Field::Target), d.targetText);
    m_stored.insert(int(ActionRepository::Field::RevisedTarget), d.revisedTargetText);
    m_stored.insert(int(ActionRepository::Field::Status), d.status);
    m_stored.insert(int(ActionRepository::Field::Rag), d.rag);
    m_stored.insert(int(ActionRepository::Field::SuccessMeasure), d.successMeasure);
    m_stored.insert(int(ActionRepository::Field::Evidence), d.evidence);
    m_stored.insert(kLinksKey, d.linkedNumbers);
    m_version = d.version;
    m_updates->setAction(m_actionId);
    m_history->setRecord(QStringLiteral("action"), m_actionId);
    m_updateDate->setText(m_today.toString(QStringLiteral("dd/MM/yyyy")));
    m_loading = false;
    updateEnabled();
}

QString ActionDetailPane::storedValue(const ActionDetail& d, ActionRepository::Field field)
{
    switch (field) {
    case ActionRepository::Field::Number:
        return d.number;
    case ActionRepository::Field::Text:
        return d.text;
    case ActionRepository::Field::Owner:
        return d.ownerText;
    case ActionRepository::Field::Target:
        return d.targetText;
    case ActionRepository::Field::RevisedTarget:
        return d.revisedTargetText;
    case ActionRepository::Field::Status:
        return d.status;
    case ActionRepository::Field::Rag:
        return d.rag;
    case ActionRepository::Field::SuccessMeasure:
        return d.successMeasure;
    case ActionRepository::Field::Evidence:
        return d.evidence;
    }
    return QString();
}

QString ActionDetailPane::fieldName(ActionRepository::Field field)
{
    switch (field) {
    case ActionRepository::Field::Number:
        return tr("Number");
    case ActionRepository::Field::Text:
        return tr("Action");
    case ActionRepository::Field::Owner:
        return tr("Owners");
    case ActionRepository::Field::Target:
        return tr("Target date");
    case ActionRepository::Field::RevisedTarget:
        return tr("Revised target");
    case ActionRepository::Field::Status:
        return tr("Status");
    case ActionRepository::Field::Rag:
        return tr("RAG rating");
    case ActionRepository::Field::SuccessMeasure:
        return tr("Success measure");
    case ActionRepository::Field::Evidence:
        return tr("Evidence");
    }
    return QString();
}

void ActionDetailPane::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    updateEnabled();
}

void ActionDetailPane::updateEnabled()
{
    const bool editable = m_actionId > 0 && !m_readOnly;
    m_form->setEnabled(m_actionId > 0);
    for (QPlainTextEdit* e : {m_text, m_success, m_evidence})
        e->setReadOnly(!editable);
    for (QLineEdit* e : {m_owners, m_links, m_target->lineEdit(), m_revised->lineEdit()})
        e->setReadOnly(!editable);
    m_status->setEnabled(editable);
    m_rag->setEnabled(editable);
    for (QWidget* w : std::initializer_list<QWidget*>{m_updateDate, m_updateAuthor, m_updateRag, m_updateText,
                                                      m_addUpdate})
        w->setEnabled(editable);
}

void ActionDetailPane::setOwnerNames(const QStringList& names)
{
    auto* completer = new QCompleter(names, m_owners);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    delete m_owners->completer();
    m_owners->setCompleter(completer);
}

void ActionDetailPane::addUpdate()
{
    if (m_actionId == 0 || m_readOnly)
        return;
    UpdateRepository repo(m_db);
    repo.setToday(m_today);
    if (repo.add(m_actionId, m_updateDate->text(), m_updateAuthor->text(), m_updateText->toPlainText(),
                 m_updateRag->currentData().toString()) == 0) {
        m_updateError->setText(repo.errorString());
        m_updateError->show();
        return;
    }
    m_updateError->hide();
    m_updateText->clear();
    m_updateRag->setCurrentIndex(0);
    const qint64 id = m_actionId;
    load(); // the RAG of the update is now the action's
    emit actionSaved(id);
    emit message(tr("Update added"));
}

} // namespace rt
