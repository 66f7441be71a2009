#include "HistoryLogPage.h"

#include "TablePanel.h"
#include "db/Repository.h"
#include "models/HistoryTableModel.h"

#include <QComboBox>
#include <QDateEdit>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace rt {

namespace {

// The "any day" end of a date range: a date edit cannot be blank, so its
// earliest date stands for "no limit" and reads "Any".
const QDate kAnyDay(2000, 1, 1);

QDateEdit* newDateEdit()
{
    auto* edit = new QDateEdit;
    edit->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
    edit->setCalendarPopup(true);
    edit->setMinimumDate(kAnyDay);
    edit->setSpecialValueText(HistoryLogPage::tr("Any"));
    edit->setDate(kAnyDay);
    return edit;
}

QComboBox* newCombo(const QString& any)
{
    auto* combo = new QComboBox;
    combo->addItem(any);
    // A fixed width, not the longest entry: a long name in the list must not
    // widen the window past a laptop's screen (the popup still shows it all).
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(12);
    return combo;
}

} // namespace

QVector<HistoryLogPage::Choice> HistoryLogPage::kindChoices()
{
    auto codes = [](std::initializer_list<const char*> list) {
        QStringList out;
        for (const char* c : list)
            out << QLatin1String(c);
        return out;
    };
    return {{tr("Actions"), codes({"action", "action_owner", "action_link"})},
            {tr("Progress updates"), codes({"update"})},
            {tr("Recommendations"), codes({"recommendation", "recommendation_theme"})},
            {tr("Responses"), codes({"response", "response_recommendation"})},
            {tr("Reviews"), codes({"review", "review_link", "plan_version", "section"})},
            {tr("Owners and agencies"), codes({"owner", "agency", "agency_alias"})},
            {tr("Themes"), codes({"theme"})},
            {tr("Section 11"), codes({"s11_audit", "s11_standard", "s11_theme", "s11_agency", "s11_rating"})},
            {tr("Saved filters"), codes({"saved_filter"})}};
}

QVector<HistoryLogPage::Choice> HistoryLogPage::fieldChoices()
{
    auto codes = [](std::initializer_list<const char*> list) {
        QStringList out;
        for (const char* c : list)
            out << QLatin1String(c);
        return out;
    };
    // Before schema 5 an added update was logged as "update" on its action,
    // and targets as "target" / "revised_target".
    return {{tr("Created or added"), codes({"created", "update"})},
            {tr("Deleted or removed"), codes({"deleted"})},
            {tr("Status"), codes({"status"})},
            {tr("RAG rating"), codes({"rag", "partnership_rag"})},
            {tr("Target date"), codes({"target_text", "target"})},
            {tr("Revised target date"), codes({"revised_target_text", "revised_target"})},
            {tr("Text"), codes({"text"})},
            {tr("Owners"), codes({"owner_text"})},
            {tr("Success measure"), codes({"success_measure"})},
            {tr("Evidence"), codes({"evidence"})},
            {tr("Number"), codes({"number"})},
            {tr("Title or name"), codes({"title", "name", "short_name"})},
            {tr("Decision"), codes({"decision", "decision_reason", "decision_explanation"})},
            {tr("Section 11 rating"), codes({"rating", "rating_text"})},
            {tr("Comments"), codes({"comment", "comments"})},
            {tr("Place in the list"), codes({"position"})}};
}

HistoryLogPage::HistoryLogPage(QSqlDatabase db, QWidget* parent) : QWidget(parent), m_db(std::move(db))
{
    m_text = new QLineEdit;
    m_text->setClearButtonEnabled(true);
    m_text->setPlaceholderText(tr("Words in a value, a record's number or text, a name"));
    m_who = newCombo(tr("Anyone"));
    m_kind = newCombo(tr("Any record"));
    for (const Choice& c : kindChoices())
        m_kind->addItem(c.label, c.codes);
    m_field = newCombo(tr("Any change"));
    for (const Choice& c : fieldChoices())
        m_field->addItem(c.label, c.codes);
    m_review = newCombo(tr("Any review"));
    m_review->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_review->setMinimumContentsLength(18);
    m_from = newDateEdit();
    m_to = newDateEdit();
    m_from->setToolTip(tr("Changes on or after this day"));
    m_to->setToolTip(tr("Changes on or before this day"));
    m_clear = new QPushButton(tr("&Clear filters"));

    auto label = [](const QString& text, QWidget* buddy) {
        auto* l = new QLabel(text);
        l->setBuddy(buddy);
        return l;
    };
    auto* filters = new QGridLayout;
    filters->setHorizontalSpacing(6);
    filters->addWidget(label(tr("&Search"), m_text), 0, 0);
    filters->addWidget(m_text, 0, 1, 1, 3);
    filters->addWidget(label(tr("&Who"), m_who), 0, 4);
    filters->addWidget(m_who, 0, 5);
    filters->addWidget(label(tr("&Kind"), m_kind), 0, 6);
    filters->addWidget(m_kind, 0, 7);
    filters->addWidget(label(tr("Ch&ange"), m_field), 1, 4);
    filters->addWidget(m_field, 1, 5);
    filters->addWidget(label(tr("&Review"), m_review), 1, 0);
    filters->addWidget(m_review, 1, 1);
    filters->addWidget(label(tr("&From"), m_from), 1, 2);
    auto* dates = new QHBoxLayout;
    dates->addWidget(m_from);
    dates->addWidget(label(tr("&to"), m_to));
    dates->addWidget(m_to);
    dates->addStretch(1);
    filters->addLayout(dates, 1, 3);
    filters->addWidget(m_clear, 1, 6, 1, 2, Qt::AlignLeft);
    filters->setColumnStretch(3, 1);
    filters->setColumnStretch(10, 1);

    m_status = new QLabel;
    auto* hint = new QLabel(tr("Double-click a change, or press Enter, to open its action or review."));
    hint->setForegroundRole(QPalette::PlaceholderText);
    hint->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    hint->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    auto* statusRow = new QHBoxLayout;
    statusRow->addWidget(m_status);
    statusRow->addWidget(hint, 1);

    m_model = new HistoryTableModel(m_db, this);
    m_view = TablePanel::newTable();
    m_view->setModel(m_model);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->setTabKeyNavigation(false);                             // Tab leaves the table for the filters
    m_view->setColumnHidden(HistoryTableModel::ChangeColumn, true); // From and To have columns here
    sizeColumns();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addLayout(filters);
    layout->addLayout(statusRow);
    layout->addWidget(m_view, 1);

    // Free text is applied after a pause in typing (each search may read
    // the whole log); Enter applies it at once.
    m_typing = new QTimer(this);
    m_typing->setSingleShot(true);
    m_typing->setInterval(400);
    connect(m_typing, &QTimer::timeout, this, &HistoryLogPage::applyFilter);
    connect(m_text, &QLineEdit::textChanged, m_typing, qOverload<>(&QTimer::start));
    connect(m_text, &QLineEdit::returnPressed, this, &HistoryLogPage::applyFilter);
    for (QComboBox* combo : {m_who, m_kind, m_field, m_review})
        connect(combo, &QComboBox::currentIndexChanged, this, &HistoryLogPage::applyFilter);
    for (QDateEdit* edit : {m_from, m_to})
        connect(edit, &QDateEdit::dateChanged, this, &HistoryLogPage::applyFilter);
    connect(m_clear, &QPushButton::clicked, this, &HistoryLogPage::clearFilters);
    // Activation is a double-click or Enter.
    connect(m_view, &QAbstractItemView::activated, this, &HistoryLogPage::openIndex);
    connect(m_model, &HistoryTableModel::progressed, this, &HistoryLogPage::updateStatus);
    connect(m_model, &HistoryTableModel::loadFailed, this, &HistoryLogPage::message);
}

void HistoryLogPage::sizeColumns()
{
    QHeaderView* h = m_view->horizontalHeader();
    h->setStretchLastSection(false);
    auto fit = [this, h](int column, const QString& sample) {
        h->resizeSection(column, TablePanel::sampleWidth(this, sample));
    };
    fit(HistoryTableModel::WhenColumn, QStringLiteral("00/00/0000 00:00"));
    fit(HistoryTableModel::WhoColumn, QStringLiteral("firstname.lastname"));
    fit(HistoryTableModel::ReviewColumn, QStringLiteral("Children of Family Y"));
    fit(HistoryTableModel::RecordColumn, QStringLiteral("Recommendation 10.10"));
    fit(HistoryTableModel::WhatColumn, QStringLiteral("Progress update deleted"));
    // What a value became is read more than what it was, and a created
    // record has only a To: it gets the room.
    fit(HistoryTableModel::FromColumn, QStringLiteral("Partially complete → March 2024"));
    h->setSectionResizeMode(HistoryTableModel::ToColumn, QHeaderView::Stretch);
    h->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
}

void HistoryLogPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    // Read when first shown, and again when the log has grown since (an
    // edit in another tab, or another user of the file).
    if (m_pending) {
        reload();
    } else if (HistoryQueries(m_db).lastId() != m_seenLogId) {
        // Listing the users reads the whole log (no index on who): the
        // changes made since were this user's, added to the list as they are.
        fillChoices(false);
        applyFilter();
    }
}

void HistoryLogPage::reload()
{
    m_pending = false;
    fillChoices(true);
    applyFilter();
}

void HistoryLogPage::fillChoices(bool readUsers)
{
    HistoryQueries queries(m_db);
    m_filling = true;
    const QString who = m_who->currentIndex() > 0 ? m_who->currentText() : QString();
    QStringList users;
    if (readUsers) {
        users = queries.users();
    } else {
        for (int i = 1; i < m_who->count(); ++i)
            users << m_who->itemData(i).toString();
        if (!users.contains(Repository::currentUser()))
            users << Repository::currentUser();
    }
    m_who->clear();
    m_who->addItem(tr("Anyone"));
    for (const QString& user : users) {
        if (!user.isEmpty())
            m_who->addItem(user, user);
    }
    m_who->setCurrentIndex(qMax(0, m_who->findText(who)));

    const qint64 review = m_review->currentData().toLongLong();
    m_review->clear();
    m_review->addItem(tr("Any review"), 0);
    for (const auto& [id, label] : queries.reviews())
        m_review->addItem(label, id);
    m_review->setCurrentIndex(qMax(0, m_review->findData(review)));
    m_filling = false;
}

HistoryFilter HistoryLogPage::filter() const
{
    HistoryFilter f;
    f.text = m_text->text().trimmed();
    if (m_who->currentIndex() > 0)
        f.who = m_who->currentData().toString();
    f.entities = m_kind->currentData().toStringList();
    f.fields = m_field->currentData().toStringList();
    f.reviewId = m_review->currentData().toLongLong();
    if (m_from->date() > kAnyDay)
        f.from = m_from->date();
    if (m_to->date() > kAnyDay)
        f.to = m_to->date();
    return f;
}

void HistoryLogPage::clearFilters()
{
    m_filling = true;
    m_text->clear();
    for (QComboBox* combo : {m_who, m_kind, m_field, m_review})
        combo->setCurrentIndex(0);
    m_from->setDate(kAnyDay);
    m_to->setDate(kAnyDay);
    m_filling = false;
    applyFilter();
}

void HistoryLogPage::applyFilter()
{
    if (m_filling)
        return;
    m_typing->stop();
    m_seenLogId = HistoryQueries(m_db).lastId();
    const HistoryFilter f = filter();
    if (f.from.isValid() && f.to.isValid() && f.from > f.to) {
        m_model->setFilter(f); // no rows
        m_status->setText(tr("The “from” day is after the “to” day: choose an earlier one."));
        return;
    }
    m_model->setFilter(f);
    updateStatus();
}

void HistoryLogPage::updateStatus()
{
    const int rows = m_model->rowCount();
    if (!m_model->lastError().isEmpty()) {
        m_status->setText(m_model->lastError());
        return;
    }
    const HistoryFilter f = filter();
    if (f.from.isValid() && f.to.isValid() && f.from > f.to)
        return;
    if (m_model->isSearching()) {
        const QDate back = m_model->searchedBackTo();
        m_status->setText(back.isValid() ? tr("Searching… %1 found so far, back to %2.")
                                               .arg(rows)
                                               .arg(back.toString(QStringLiteral("dd/MM/yyyy")))
                                         : tr("Searching…"));
    } else if (rows == 0) {
        m_status->setText(f == HistoryFilter() ? tr("No changes have been logged yet.")
                                               : tr("No changes match these filters."));
    } else if (m_model->atEnd()) {
        m_status->setText(rows == 1 ? tr("1 change.") : tr("%1 changes, newest first.").arg(rows));
    } else {
        m_status->setText(tr("The newest %1 changes; scroll down for earlier ones.").arg(rows));
    }
}

void HistoryLogPage::openIndex(const QModelIndex& index)
{
    if (!index.isValid())
        return;
    const qint64 action = index.data(HistoryTableModel::OpenActionRole).toLongLong();
    const qint64 review = index.data(HistoryTableModel::OpenReviewRole).toLongLong();
    if (action > 0 && review > 0)
        emit openAction(review, action);
    else if (review > 0)
        emit openReview(review);
    else if (!index.data(HistoryTableModel::RecordExistsRole).toBool())
        emit message(tr("That record is no longer in the database."));
    else
        emit message(tr("Only changes within a review open a page."));
}

} // namespace rt
