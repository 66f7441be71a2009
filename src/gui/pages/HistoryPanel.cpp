#include "HistoryPanel.h"

#include "TablePanel.h"
#include "db/HistoryQueries.h"
#include "models/HistoryTableModel.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

namespace rt {

namespace {

// Wrapped rows get a little air above and below, so two rows of two lines
// read as two rows.
class SpacedDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        return QStyledItemDelegate::sizeHint(option, index) + QSize(0, 6);
    }
};

} // namespace

HistoryPanel::HistoryPanel(QSqlDatabase db, QWidget* parent) : QWidget(parent), m_db(std::move(db))
{
    m_model = new HistoryTableModel(m_db, this);
    m_view = TablePanel::newTable();
    m_view->setModel(m_model);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // A detail pane is narrow: the change reads "from → to" in one column
    // that wraps, rather than two clipped ones.
    m_view->setWordWrap(true);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->verticalHeader()->setMinimumSectionSize(m_view->fontMetrics().height() + 8);
    m_model->setMaxCellLength(100);
    m_view->setItemDelegate(new SpacedDelegate(m_view));
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    for (int column : {int(HistoryTableModel::ReviewColumn), int(HistoryTableModel::RecordColumn),
                       int(HistoryTableModel::FromColumn), int(HistoryTableModel::ToColumn)})
        m_view->setColumnHidden(column, true);
    sizeColumns();

    m_summary = new QLabel;
    m_summary->setForegroundRole(QPalette::PlaceholderText);
    m_reviewWide = new QCheckBox(tr("&Everything in this review"));
    m_reviewWide->setToolTip(tr("Also the changes to its recommendations, responses, actions and progress "
                                "updates"));
    m_reviewWide->hide();
    connect(m_reviewWide, &QCheckBox::toggled, this, [this](bool on) {
        m_view->setColumnHidden(HistoryTableModel::RecordColumn, !on);
        sizeColumns();
        refresh();
    });

    auto* top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(m_summary, 1);
    top->addWidget(m_reviewWide);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);

    connect(m_model, &HistoryTableModel::progressed, this, &HistoryPanel::updateSummary);
    connect(m_model, &HistoryTableModel::loadFailed, m_summary, &QLabel::setText);
    updateSummary();
}

void HistoryPanel::sizeColumns()
{
    QHeaderView* h = m_view->horizontalHeader();
    h->setStretchLastSection(false);
    // In a narrow pane the time goes under the date and the longest What
    // over two lines; a whole tab has room for each on one line.
    const bool wide = width() >= 900;
    auto fit = [this, h](int column, const char* narrow, const char* roomy, bool wide) {
        h->resizeSection(column, TablePanel::sampleWidth(this, QLatin1String(wide ? roomy : narrow)));
    };
    fit(HistoryTableModel::WhenColumn, "00/00/0000", "00/00/0000 00:00", wide);
    fit(HistoryTableModel::WhoColumn, "(unknown)", "firstname.lastname", wide);
    fit(HistoryTableModel::RecordColumn, "Action 10.10", "Recommendation 10.10", wide);
    fit(HistoryTableModel::WhatColumn, "Progress update", "Recommendation answered", wide);
    h->setSectionResizeMode(HistoryTableModel::ChangeColumn, QHeaderView::Stretch);
    h->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_wide = wide;
}

void HistoryPanel::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    if (isWide() != m_wide)
        sizeColumns();
}

void HistoryPanel::setRecord(const QString& entity, qint64 id)
{
    setRecords(entity, id > 0 ? QVector<qint64>{id} : QVector<qint64>());
}

void HistoryPanel::setRecords(const QString& entity, const QVector<qint64>& ids)
{
    m_entity = entity;
    m_ids = ids;
    m_cellAudit = m_cellAgency = m_cellStandard = 0;
    refresh();
}

void HistoryPanel::setS11Cell(qint64 auditId, qint64 agencyId, qint64 standardId)
{
    m_entity = QStringLiteral("s11_rating");
    m_ids.clear();
    m_cellAudit = auditId;
    m_cellAgency = agencyId;
    m_cellStandard = standardId;
    refresh();
}

void HistoryPanel::setReviewWideOption(bool offered)
{
    m_reviewWide->setVisible(offered);
    if (!offered)
        m_reviewWide->setChecked(false);
}

void HistoryPanel::refresh()
{
    // Reading what nobody looks at would slow every selection in the pane.
    m_pending = true;
    if (isVisible())
        load();
}

void HistoryPanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    // Changes saved elsewhere since the rows were read (another tab, another
    // user of the file) show when the tab is looked at again.
    if (!m_pending && HistoryQueries(m_db).lastId() != m_seenLogId)
        m_pending = true;
    if (m_pending)
        load();
}

void HistoryPanel::load()
{
    m_pending = false;
    HistoryQueries queries(m_db);
    m_seenLogId = queries.lastId();
    HistoryFilter filter;
    if (m_cellAudit > 0) {
        filter.recordEntity = m_entity;
        filter.recordIds = queries.s11RatingIds(m_cellAudit, m_cellAgency, m_cellStandard);
    } else if (m_reviewWide->isVisible() && m_reviewWide->isChecked() && m_ids.size() == 1) {
        filter.reviewId = m_ids.first(); // every row of the review, through its index
    } else {
        filter.recordEntity = m_entity;
        filter.recordIds = m_ids;
    }
    if (filter.recordIds.isEmpty() && filter.reviewId == 0)
        filter.recordEntity = QStringLiteral("none"); // nothing chosen: no rows
    m_model->setFilter(filter);
    updateSummary();
}

void HistoryPanel::updateSummary()
{
    const int rows = m_model->rowCount();
    const bool nothing = m_ids.isEmpty() && m_cellAudit == 0;
    if (!m_model->lastError().isEmpty())
        m_summary->setText(m_model->lastError());
    else if (nothing)
        m_summary->setText(tr("Nothing selected."));
    else if (m_model->isSearching())
        m_summary->setText(tr("Reading the change history…"));
    else if (rows == 0)
        m_summary->setText(tr("No changes recorded."));
    else if (m_model->atEnd())
        m_summary->setText(
            rows == 1 ? tr("1 change; hover over a value to read it whole.")
                      : tr("%1 changes, newest first; hover over a value to read it whole.").arg(rows));
    else
        m_summary->setText(tr("The newest %1 changes; scroll down for earlier ones.").arg(rows));
}

} // namespace rt
