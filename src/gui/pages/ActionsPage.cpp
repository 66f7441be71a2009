#include "ActionsPage.h"

#include "FilterBar.h"
#include "TablePanel.h"
#include "dialogs/ConflictDialog.h"
#include "editors/ActionEditors.h"
#include "editors/HighlightDelegate.h"
#include "editors/OwnerDelegate.h"
#include "models/ActionTableModel.h"

#include <QComboBox>
#include <QCompleter>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QToolTip>
#include <QVBoxLayout>

namespace rt {

namespace {

// Counts read the British way ("300,000") whatever the system locale.
QString number(int n)
{
    return QLocale(QLocale::English, QLocale::UnitedKingdom).toString(n);
}

} // namespace

ActionsPage::ActionsPage(QSqlDatabase db, const QString& settingsKey, QWidget* parent)
    : QWidget(parent), m_db(std::move(db)), m_settingsKey(settingsKey)
{
    m_bar = new FilterBar(m_db);
    m_model = new ActionTableModel(m_db, this);
    ConflictDialog::settleConflictsOf(m_model, this);

    m_view = TablePanel::newTable();
    m_view->setObjectName(QStringLiteral("actionsTable"));
    m_view->setWordWrap(false);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    // A double-click opens the action (as Enter does); F2 or typing edits
    // the cell in place.
    m_view->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::AnyKeyPressed);
    m_view->setModel(m_model);
    m_ownerDelegate = installActionEditors(m_view, this);
    // The marks are painted over the editors already installed, which keep
    // editing those columns.
    for (int column : {int(ActionTableModel::ActionColumn), int(ActionTableModel::OwnerColumn)}) {
        m_view->setItemDelegateForColumn(column,
                                         new HighlightDelegate(ActionTableModel::HighlightRole,
                                                               m_view->itemDelegateForColumn(column), this));
    }
    QHeaderView* header = m_view->horizontalHeader();
    // Widths from the longest values each column can hold, not from the rows:
    // resizing to contents would read every row of a lazy model.
    auto widthOf = [this](const char* sample) {
        return TablePanel::sampleWidth(m_view, QLatin1String(sample));
    };
    header->resizeSection(ActionTableModel::ReviewColumn, widthOf("Children of Family Y"));
    header->resizeSection(ActionTableModel::RecommendationColumn, widthOf("10.10"));
    header->resizeSection(ActionTableModel::NumberColumn, widthOf("10.10"));
    header->resizeSection(ActionTableModel::OwnerColumn, widthOf("Interim Assistant Director"));
    header->resizeSection(ActionTableModel::TargetColumn, widthOf("September 2024"));
    header->resizeSection(ActionTableModel::StatusColumn, widthOf("Partially complete"));
    header->resizeSection(ActionTableModel::RagColumn, widthOf("Amber"));
    header->setSectionResizeMode(ActionTableModel::ActionColumn, QHeaderView::Stretch);

    m_count = new QLabel;
    m_count->setObjectName(QStringLiteral("actionCount"));
    m_me = new QComboBox;
    m_me->setObjectName(QStringLiteral("myOwner"));
    m_me->setEditable(true);
    m_me->setInsertPolicy(QComboBox::NoInsert);
    m_me->lineEdit()->setPlaceholderText(tr("Who are you? (owner)"));
    m_me->setMinimumContentsLength(22);
    m_me->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_me->setToolTip(tr("The owner whose actions “My actions” shows; remembered on this computer"));
    m_myActions = new QPushButton(tr("My actions"));
    m_myActions->setObjectName(QStringLiteral("myActions"));
    m_myActions->setAutoDefault(false);
    m_myActions->setToolTip(tr("Show the actions of the owner chosen on the left"));

    auto* bottom = new QHBoxLayout;
    bottom->setContentsMargins(0, 0, 0, 0);
    bottom->addWidget(m_count);
    bottom->addStretch(1);
    bottom->addWidget(new QLabel(tr("Me:")));
    bottom->addWidget(m_me);
    bottom->addWidget(m_myActions);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addWidget(m_bar);
    layout->addWidget(m_view, 1);
    layout->addLayout(bottom);
    setFocusProxy(m_view);

    fillOwners();
    QSettings settings;
    m_me->setCurrentText(settings.value(key("myOwner")).toString());
    // The filter left last time, if it still reads; a broken one is dropped
    // rather than shown half applied.
    const QByteArray stored = settings.value(key("filter")).toString().toUtf8();
    ActionFilter restored;
    if (!stored.isEmpty()) {
        const QJsonDocument doc = QJsonDocument::fromJson(stored);
        if (doc.isObject())
            restored = ActionFilter::fromJson(doc.object());
    }
    apply(restored, true);

    connect(m_bar, &FilterBar::filterChanged, this, [this](const ActionFilter& f) { apply(f, false); });
    connect(m_view, &QAbstractItemView::activated, this, [this](const QModelIndex& index) {
        emit openAction(m_model->data(index, ActionTableModel::ReviewIdRole).toLongLong(),
                        m_model->data(index, ActionTableModel::ActionIdRole).toLongLong());
    });
    connect(m_model, &ActionTableModel::editRefused, this,
            [this](const QModelIndex& index, const QString& why) {
                const QRect cell = m_view->visualRect(index);
                QToolTip::showText(m_view->viewport()->mapToGlobal(cell.bottomLeft()), why, m_view);
            });
    connect(m_model, &QAbstractItemModel::modelReset, this, &ActionsPage::updateCount);
    connect(m_model, &ActionTableModel::countFinished, this, &ActionsPage::updateCount);
    connect(m_me, &QComboBox::activated, this, [this] {
        setMyOwner(m_me->currentText());
        showMyActions();
    });
    connect(m_myActions, &QPushButton::clicked, this, [this] {
        if (m_me->currentText().trimmed() != myOwner())
            setMyOwner(m_me->currentText());
        if (myOwner().isEmpty()) {
            m_me->setFocus(Qt::OtherFocusReason);
            m_me->showPopup();
            return;
        }
        showMyActions();
    });
}

QString ActionsPage::key(const char* name) const
{
    return m_settingsKey + QLatin1Char('/') + QLatin1String(name);
}

void ActionsPage::setFilter(const ActionFilter& filter)
{
    apply(filter, true);
}

ActionFilter ActionsPage::filter() const
{
    return m_model->filter();
}

void ActionsPage::apply(const ActionFilter& filter, bool showInBar)
{
    if (showInBar)
        m_bar->setFilter(filter);
    m_model->setFilter(filter);
    QSettings settings;
    if (filter.isEmpty())
        settings.remove(key("filter"));
    else
        settings.setValue(key("filter"),
                          QString::fromUtf8(QJsonDocument(filter.toJson()).toJson(QJsonDocument::Compact)));
    updateCount();
    emit filterChanged(filter);
}

void ActionsPage::updateCount()
{
    const int shown = m_model->rowCount();
    const int total = m_model->totalCount();
    if (!m_model->lastError().isEmpty())
        m_count->setText(tr("The actions could not be read: %1").arg(m_model->lastError()));
    else if (m_model->isCounting())
        m_count->setText(tr("%1+ of %2 actions (counting…)").arg(number(shown), number(total)));
    else if (shown == total)
        m_count->setText(total == 1 ? tr("1 action") : tr("%1 actions").arg(number(total)));
    else
        m_count->setText(tr("%1 of %2 actions").arg(number(shown), number(total)));
}

void ActionsPage::fillOwners()
{
    const QString current = m_me->currentText();
    const QSignalBlocker block(m_me);
    m_me->clear();
    m_me->addItems(m_bar->choices().owners);
    m_me->setCurrentIndex(-1);
    m_me->setCurrentText(current);
    m_ownerDelegate->setNames(m_bar->choices().owners);
    // Contains, not starts-with: staff remember "Dougan" as often as "Isobel".
    m_me->completer()->setFilterMode(Qt::MatchContains);
    m_me->completer()->setCompletionMode(QCompleter::PopupCompletion);
}

void ActionsPage::refresh()
{
    m_bar->reloadChoices();
    fillOwners();
    m_model->refresh();
    updateCount();
}

void ActionsPage::setAsOf(const QDate& date)
{
    ActionFilter f = filter();
    f.asOf = date;
    apply(f, true);
}

void ActionsPage::focusFilter()
{
    m_bar->focusText();
}

QString ActionsPage::myOwner() const
{
    return QSettings().value(key("myOwner")).toString();
}

void ActionsPage::setMyOwner(const QString& owner)
{
    const QString name = owner.trimmed();
    QSettings settings;
    if (name.isEmpty())
        settings.remove(key("myOwner"));
    else
        settings.setValue(key("myOwner"), name);
    if (m_me->currentText() != name)
        m_me->setCurrentText(name);
}

void ActionsPage::showMyActions()
{
    const QString me = myOwner();
    if (me.isEmpty())
        return;
    ActionFilter f = filter();
    f.owners = QStringList{me};
    apply(f, true);
}

} // namespace rt
