#include "ReviewPage.h"

#include "ActionDetailPane.h"
#include "HistoryPanel.h"
#include "ReviewDetailsForm.h"
#include "TablePanel.h"
#include "core/Vocabulary.h"
#include "db/ActionRepository.h"
#include "db/PlanQueries.h"
#include "db/RecommendationRepository.h"
#include "db/ResponseRepository.h"
#include "db/ReviewRepository.h"
#include "dialogs/ConfirmDelete.h"
#include "dialogs/ConflictDialog.h"
#include "editors/ActionEditors.h"
#include "editors/ChoiceDelegate.h"
#include "editors/LongTextDelegate.h"
#include "editors/OwnerDelegate.h"
#include "models/ActionTableModel.h"
#include "models/PlanVersionTableModel.h"
#include "models/RecommendationTreeModel.h"
#include "models/ResponseTableModel.h"
#include "models/ReviewLinkTableModel.h"

#include <QApplication>
#include <QDate>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

namespace rt {

namespace {

} // namespace

ReviewPage::ReviewPage(QSqlDatabase db, qint64 reviewId, bool readOnly, QWidget* parent)
    : QWidget(parent), m_db(std::move(db)), m_reviewId(reviewId), m_readOnly(readOnly)
{
    m_confirm = confirmDelete;

    m_heading = new QLabel;
    m_heading->setTextFormat(Qt::RichText);
    m_heading->setContentsMargins(6, 6, 6, 2);

    m_tabs = new QTabWidget;
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(buildPlanTab(), tr("&Plan"));

    m_details = new ReviewDetailsForm(m_db, m_reviewId, m_readOnly);
    m_tabs->addTab(m_details, tr("Review &details"));
    connect(m_details, &ReviewDetailsForm::saved, this, [this] {
        updateHeading();
        emit titleChanged(m_title);
        emit reviewChanged(m_reviewId);
    });

    m_versions = new PlanVersionTableModel(m_db, this);
    m_versions->setReadOnly(m_readOnly);
    m_versions->setReview(m_reviewId);
    auto* versionsView = TablePanel::newTable();
    m_versionsPanel = new TablePanel(tr("Versions of the action plan"), versionsView);
    m_versionsPanel->setModel(m_versions, TablePanel::Filtering::Proxy);
    versionsView->setItemDelegateForColumn(PlanVersionTableModel::CommentColumn, new LongTextDelegate(this));
    versionsView->horizontalHeader()->resizeSection(
        PlanVersionTableModel::VersionColumn, TablePanel::sampleWidth(this, QStringLiteral("Version 10.0")));
    versionsView->horizontalHeader()->resizeSection(
        PlanVersionTableModel::DateColumn, TablePanel::sampleWidth(this, QStringLiteral("September 2024")));
    versionsView->horizontalHeader()->setStretchLastSection(true);
    connect(m_versions, &RecordTableModel::editRefused, this,
            [this, versionsView](const QModelIndex& i, const QString& why) {
                showRefusal(m_versionsPanel, i, why);
            });
    m_tabs->addTab(m_versionsPanel, tr("Plan &versions"));

    m_links = new ReviewLinkTableModel(m_db, this);
    m_links->setReadOnly(m_readOnly);
    m_links->setReview(m_reviewId);
    auto* linksView = TablePanel::newTable();
    m_linksPanel = new TablePanel(tr("Reviews this one refers to"), linksView);
    m_linksPanel->setModel(m_links, TablePanel::Filtering::Proxy);
    linksView->setItemDelegateForColumn(ReviewLinkTableModel::NoteColumn, new LongTextDelegate(this));
    linksView->horizontalHeader()->resizeSection(
        ReviewLinkTableModel::ReviewColumn,
        TablePanel::sampleWidth(this, QStringLiteral("Neglect multi agency audit (0000)")));
    linksView->horizontalHeader()->resizeSection(ReviewLinkTableModel::YearColumn,
                                                 TablePanel::sampleWidth(this, QStringLiteral("Year")));
    linksView->horizontalHeader()->setStretchLastSection(true);
    linksView->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tabs->addTab(m_linksPanel, tr("&Linked reviews"));

    // The review's own changes and its plan versions', links' and sections';
    // or, ticked, everything in the review. (Alt+H is the Help menu.)
    m_history = new HistoryPanel(m_db);
    m_history->setReviewWideOption(true);
    m_history->setRecord(QStringLiteral("review"), m_reviewId);
    m_tabs->addTab(m_history, tr("Histo&ry"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_heading);
    layout->addWidget(m_tabs, 1);

    m_recs->setReview(m_reviewId);
    updateHeading();
    m_recPanel->view()->setFocus();
    if (m_recs->rowCount() > 0)
        m_recPanel->setCurrentSource(m_recs->index(0, 0));
}

QWidget* ReviewPage::buildPlanTab()
{
    // Recommendations, as a tree by number.
    m_recs = new RecommendationTreeModel(m_db, this);
    m_recs->setReadOnly(m_readOnly);
    auto* tree = new QTreeView;
    tree->setAlternatingRowColors(true);
    tree->setUniformRowHeights(true);
    tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    tree->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    tree->setAllColumnsShowFocus(true);
    m_recPanel = new TablePanel(tr("Recommendations"), tree);
    m_recPanel->setModel(m_recs, TablePanel::Filtering::Proxy);
    m_recPanel->setFilterPlaceholder(tr("Filter recommendations (Ctrl+F)"));
    tree->setItemDelegateForColumn(RecommendationTreeModel::TextColumn, new LongTextDelegate(this));
    tree->setItemDelegateForColumn(RecommendationTreeModel::DecisionColumn,
                                   new ChoiceDelegate(ChoiceDelegate::decisionChoices(), this));
    tree->setItemDelegateForColumn(RecommendationTreeModel::KindColumn,
                                   new ChoiceDelegate(ChoiceDelegate::recommendationKindChoices(), this));
    QHeaderView* th = tree->header();
    th->setStretchLastSection(false);
    th->resizeSection(RecommendationTreeModel::NumberColumn,
                      TablePanel::sampleWidth(this, QStringLiteral("10.10")) + 40);
    th->resizeSection(RecommendationTreeModel::TextColumn, 300);
    th->resizeSection(RecommendationTreeModel::DecisionColumn,
                      TablePanel::sampleWidth(this, QStringLiteral("Partly agreed")));
    th->resizeSection(RecommendationTreeModel::ThemesColumn,
                      TablePanel::sampleWidth(this, QStringLiteral("commissioning")));
    th->resizeSection(RecommendationTreeModel::ActionsColumn,
                      TablePanel::sampleWidth(this, QStringLiteral("Actions")));
    th->setSectionHidden(RecommendationTreeModel::KindColumn, true);
    th->setSectionResizeMode(RecommendationTreeModel::TextColumn, QHeaderView::Stretch);
    connect(m_recs, &RecommendationTreeModel::editRefused, this,
            [this, tree](const QModelIndex& i, const QString& why) { showRefusal(m_recPanel, i, why); });
    connect(m_recs, &RecommendationTreeModel::saved, this, [this] { emit reviewChanged(m_reviewId); });
    connect(m_recs, &QAbstractItemModel::modelReset, tree, &QTreeView::expandAll);
    connect(tree->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ReviewPage::recommendationSelected);

    // The selected recommendation in full, then its responses and actions.
    m_recText = new QLabel;
    m_recText->setWordWrap(true);
    m_recText->setTextFormat(Qt::RichText);
    m_recText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_recText->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_recText->setContentsMargins(6, 4, 6, 4);
    m_recText->setMinimumHeight(fontMetrics().lineSpacing() * 3);

    m_responses = new ResponseTableModel(m_db, this);
    m_responses->setReadOnly(m_readOnly);
    auto* responsesView = TablePanel::newTable();
    m_responsesPanel = new TablePanel(tr("Responses"), responsesView);
    m_responsesPanel->setModel(m_responses, TablePanel::Filtering::Proxy);
    responsesView->setItemDelegateForColumn(ResponseTableModel::ResponseColumn, new LongTextDelegate(this));
    responsesView->horizontalHeader()->resizeSection(
        ResponseTableModel::AnswersColumn, TablePanel::sampleWidth(this, QStringLiteral("1.1, 1.2, 1.3")));
    responsesView->horizontalHeader()->setStretchLastSection(true);
    responsesView->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    connect(m_responses, &RecordTableModel::editRefused, this,
            [this, responsesView](const QModelIndex& i, const QString& why) {
                showRefusal(m_responsesPanel, i, why);
            });
    connect(m_responses, &RecordTableModel::saved, this, [this] { emit reviewChanged(m_reviewId); });

    m_actions = new ActionTableModel(m_db, this);
    ConflictDialog::settleConflictsOf(m_actions, this);
    m_actions->setReadOnly(m_readOnly);
    m_actions->setRecommendation(-1); // nothing until a recommendation is chosen
    auto* actionsView = TablePanel::newTable();
    // One recommendation has a handful of actions: rows grow to show the
    // whole text, which is what the user came to read.
    actionsView->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_actionsPanel = new TablePanel(tr("Actions"), actionsView);
    m_actionsPanel->setModel(m_actions, TablePanel::Filtering::Model);
    m_actionsPanel->setFilterPlaceholder(tr("Filter actions (Ctrl+F)"));
    connect(m_actionsPanel, &TablePanel::filterTextChanged, this, [this](const QString& text) {
        m_actions->setTextFilter(text);
        actionSelected();
    });
    m_ownerDelegate = installActionEditors(actionsView, this);
    QHeaderView* ah = actionsView->horizontalHeader();
    ah->setSectionHidden(ActionTableModel::ReviewColumn, true);
    ah->setSectionHidden(ActionTableModel::RecommendationColumn, true);
    // Owners are edited in the details beside the table, with room for several.
    ah->setSectionHidden(ActionTableModel::OwnerColumn, true);
    ah->resizeSection(ActionTableModel::NumberColumn, TablePanel::sampleWidth(this, QStringLiteral("10.10")));
    ah->resizeSection(ActionTableModel::OwnerColumn,
                      TablePanel::sampleWidth(this, QStringLiteral("Head of Service")));
    ah->resizeSection(ActionTableModel::TargetColumn,
                      TablePanel::sampleWidth(this, QStringLiteral("September 2024")));
    ah->resizeSection(ActionTableModel::StatusColumn,
                      TablePanel::sampleWidth(this, QStringLiteral("Partially complete")));
    ah->resizeSection(ActionTableModel::RagColumn, TablePanel::sampleWidth(this, QStringLiteral("Amber")));
    ah->setSectionResizeMode(ActionTableModel::ActionColumn, QHeaderView::Stretch);
    connect(m_actions, &ActionTableModel::editRefused, this,
            [this](const QModelIndex& i, const QString& why) { showRefusal(m_actionsPanel, i, why); });
    connect(m_actions, &QAbstractItemModel::dataChanged, this, [this] {
        // An edit in the table shows in the details; an edit made in the
        // details is left alone there, where the user may be typing on.
        if (!m_detail->isAncestorOf(QApplication::focusWidget()))
            m_detail->setAction(currentActionId());
        updateHeading();
        emit reviewChanged(m_reviewId);
    });
    connect(actionsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ReviewPage::actionSelected);

    m_detail = new ActionDetailPane(m_db);
    m_detail->setReadOnly(m_readOnly);
    connect(m_detail, &ActionDetailPane::actionSaved, this, [this](qint64 id) {
        if (const int row = m_actions->rowOf(id); row >= 0)
            m_actions->reloadRow(row);
    });
    connect(m_detail, &ActionDetailPane::message, this, &ReviewPage::message);

    auto* middle = new QSplitter(Qt::Vertical);
    middle->addWidget(m_recText);
    middle->addWidget(m_responsesPanel);
    middle->addWidget(m_actionsPanel);
    middle->setStretchFactor(0, 1);
    middle->setStretchFactor(1, 2);
    middle->setStretchFactor(2, 3);
    middle->setSizes({110, 220, 330});

    auto* left = new QSplitter(Qt::Horizontal);
    left->addWidget(m_recPanel);
    left->addWidget(middle);
    left->setStretchFactor(0, 1);
    left->setStretchFactor(1, 1);
    left->setSizes({560, 540});

    auto* split = new QSplitter(Qt::Horizontal);
    split->addWidget(left);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 7);
    split->setStretchFactor(1, 3);
    split->setSizes({1120, 460});
    return split;
}

void ReviewPage::setOwnerNames(const QStringList& names)
{
    m_ownerDelegate->setNames(names);
    m_detail->setOwnerNames(names);
}

void ReviewPage::updateHeading()
{
    ReviewDetail d;
    if (!PlanQueries(m_db).review(m_reviewId, &d))
        return;
    m_title = d.title;
    ReviewKind kind = ReviewKind::SCR;
    reviewkind::fromCode(d.kind, &kind);
    QStringList facts{reviewkind::label(kind)};
    if (!d.reference.isEmpty())
        facts << tr("ref. %1").arg(d.reference);
    if (!d.year.isEmpty())
        facts << d.year;
    facts << (d.recommendations == 1 ? tr("1 recommendation")
                                     : tr("%1 recommendations").arg(d.recommendations));
    facts << (d.actions == 1 ? tr("1 action") : tr("%1 actions").arg(d.actions));
    if (d.actions > 0)
        facts << tr("%1% complete").arg(qRound(100.0 * d.complete / d.actions));
    m_heading->setText(QStringLiteral("<span style='font-size:large; font-weight:600'>%1</span>"
                                      "&nbsp;&nbsp;<span style='color:#555'>%2</span>")
                           .arg(d.title.toHtmlEscaped(), facts.join(QStringLiteral(" · ")).toHtmlEscaped()));
}

qint64 ReviewPage::currentRecommendationId() const
{
    return m_recs->idOf(m_recPanel->currentSourceIndex());
}

qint64 ReviewPage::currentActionId() const
{
    const QModelIndex i = m_actionsPanel->view()->currentIndex();
    return i.isValid() ? m_actions->data(i, ActionTableModel::ActionIdRole).toLongLong() : 0;
}

void ReviewPage::recommendationSelected()
{
    const QModelIndex i = m_recPanel->currentSourceIndex();
    const RecommendationRow* r = m_recs->rowFor(i);
    if (!r) {
        m_recText->clear();
        m_responses->setRecommendation(0);
        m_actions->setRecommendation(-1);
        m_detail->setAction(0);
        return;
    }
    const QString kind = r->kind == QLatin1String("finding") ? tr("Finding") : tr("Recommendation");
    QString html = QStringLiteral("<b>%1 %2</b>").arg(kind, r->number.toHtmlEscaped());
    if (!r->title.isEmpty())
        html += QStringLiteral(" — <b>%1</b>").arg(r->title.toHtmlEscaped());
    html +=
        QStringLiteral("<br>") + r->text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    if (!r->decisionExplanation.isEmpty())
        html += QStringLiteral("<br><i>%1</i>").arg(r->decisionExplanation.toHtmlEscaped());
    m_recText->setText(html);
    m_responses->setRecommendation(r->id);
    m_actions->setRecommendation(r->id);
    updateCountTitles();
    if (m_actions->rowCount() > 0)
        m_actionsPanel->view()->setCurrentIndex(m_actions->index(0, ActionTableModel::ActionColumn));
    else
        actionSelected();
}

void ReviewPage::actionSelected()
{
    m_detail->setAction(currentActionId());
}

void ReviewPage::refreshActions(qint64 keepActionId)
{
    m_actions->refresh();
    const int row = m_actions->rowOf(keepActionId);
    if (row >= 0)
        m_actionsPanel->view()->setCurrentIndex(m_actions->index(row, ActionTableModel::ActionColumn));
    else
        actionSelected();
    updateCountTitles();
}

void ReviewPage::updateCountTitles()
{
    const int responses = m_responses->rowCount();
    const int actions = m_actions->rowCount();
    m_responsesPanel->setTitle(responses == 1 ? tr("1 response") : tr("%1 responses").arg(responses));
    m_actionsPanel->setTitle(actions == 1 ? tr("1 action") : tr("%1 actions").arg(actions));
}

void ReviewPage::showRefusal(TablePanel* panel, const QModelIndex& sourceIndex, const QString& reason)
{
    panel->showRefusal(sourceIndex, reason);
    emit message(tr("Not saved: %1").arg(reason));
}

bool ReviewPage::confirm(const QString& question, const QString& detail)
{
    return m_confirm(this, question, detail);
}

TablePanel* ReviewPage::defaultPanel() const
{
    switch (m_tabs->currentIndex()) {
    case 2:
        return m_versionsPanel;
    case 3:
        return m_linksPanel;
    default:
        return m_recPanel;
    }
}

void ReviewPage::showTab(int index)
{
    m_tabs->setCurrentIndex(index);
}

void ReviewPage::editNew(TablePanel* panel, const QModelIndex& sourceIndex)
{
    QAbstractItemView* view = panel->view();
    panel->setCurrentSource(sourceIndex);
    view->setFocus();
    const QModelIndex viewIndex = panel->fromSource(sourceIndex);
    if (viewIndex.isValid() && !m_readOnly)
        view->edit(viewIndex);
}

bool ReviewPage::selectByNumber(const QString& recommendation, const QString& action)
{
    qint64 found = 0;
    for (const RecommendationRow& r : PlanQueries(m_db).recommendations(m_reviewId)) {
        if (r.number.compare(recommendation, Qt::CaseInsensitive) == 0)
            found = r.id;
    }
    if (found == 0)
        return false;
    m_tabs->setCurrentIndex(0);
    m_recPanel->setCurrentSource(m_recs->indexOf(found));
    if (action.isEmpty())
        return true;
    for (int row = 0; row < m_actions->rowCount(); ++row) {
        const QModelIndex i = m_actions->index(row, ActionTableModel::NumberColumn);
        if (m_actions->data(i).toString().compare(action, Qt::CaseInsensitive) == 0) {
            m_actionsPanel->view()->setCurrentIndex(m_actions->index(row, ActionTableModel::ActionColumn));
            return true;
        }
    }
    return false;
}

bool ReviewPage::selectAction(qint64 actionId)
{
    ActionDetail a;
    if (!PlanQueries(m_db).action(actionId, &a) || a.reviewId != m_reviewId)
        return false;
    m_tabs->setCurrentIndex(0);
    m_recPanel->setCurrentSource(m_recs->indexOf(a.recommendationId));
    const int row = m_actions->rowOf(actionId);
    if (row < 0)
        return false;
    m_actionsPanel->view()->setCurrentIndex(m_actions->index(row, ActionTableModel::ActionColumn));
    return true;
}

void ReviewPage::reloadAll()
{
    const qint64 action = currentActionId();
    m_recs->reload();
    m_responses->reload();
    refreshActions(action);
    m_versions->reload();
    m_links->reload();
    m_details->load();
    m_history->refresh();
    updateHeading();
}

QTreeView* ReviewPage::recommendationsView() const
{
    return static_cast<QTreeView*>(m_recPanel->view());
}

QTableView* ReviewPage::actionsView() const
{
    return static_cast<QTableView*>(m_actionsPanel->view());
}

QTableView* ReviewPage::responsesView() const
{
    return static_cast<QTableView*>(m_responsesPanel->view());
}

} // namespace rt
