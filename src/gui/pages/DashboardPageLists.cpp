// The dashboard's lists: the overdue actions and the breakdowns by agency,
// owner, theme and review, each count a link to its actions.

#include "DashboardPage.h"
#include "DashboardPageParts.h"
#include "core/PartialDate.h"
#include "db/DashboardQueries.h"

#include <QLabel>

namespace rt {

using namespace dashboardpage;

void DashboardPage::fillGroups(QTableWidget* table, const QVector<DashboardGroup>& groups, GroupKind kind)
{
    table->setSortingEnabled(false);
    table->setRowCount(groups.size());
    for (int r = 0; r < groups.size(); ++r) {
        const DashboardGroup& g = groups.at(r);
        auto* name = textItem(g.name);
        table->setItem(r, 0, name);
        const QPair<int, const char*> counts[] = {
            {g.open, ""},       {g.overdue, "overdue"},    {g.dueSoon, "due_soon"},
            {g.stale, "stale"}, {g.noTarget, "no_target"}, {g.red, "red"},
            {g.amber, "amber"}};
        int c = 1;
        for (const auto& count : counts) {
            // "No owner" and "No theme" have nothing a filter can name: plain numbers.
            const bool link = g.id != 0 || kind == AgencyGroup;
            auto* item = link ? countItem(count.first, QLatin1String(count.second))
                              : new QTableWidgetItem(number(count.first));
            if (!link)
                item->setData(Qt::TextAlignmentRole, int(Qt::AlignRight | Qt::AlignVCenter));
            item->setData(GroupKindRole, int(kind));
            item->setData(GroupIdRole, g.id);
            item->setData(GroupNameRole, g.name);
            table->setItem(r, c++, item);
        }
    }
    table->resizeColumnToContents(0);
    table->setColumnWidth(0, qMin(table->columnWidth(0), 460));
    for (int c = 1; c < table->columnCount(); ++c)
        table->setColumnWidth(c, 96);
}

void DashboardPage::fillReviews()
{
    const QVector<DashboardReview>& reviews = m_figures.byReview;
    m_reviewTable->setRowCount(reviews.size());
    for (int r = 0; r < reviews.size(); ++r) {
        const DashboardReview& v = reviews.at(r);
        m_reviewTable->setItem(r, 0, textItem(v.title));
        m_reviewTable->setItem(r, 1, textItem(v.kind));
        auto* actions = countItem(v.actions, QString());
        actions->setData(FlagRole, QStringLiteral("all"));
        const QPair<QTableWidgetItem*, int> cells[] = {{actions, 2},
                                                       {countItem(v.open, QString()), 3},
                                                       {countItem(v.overdue, QStringLiteral("overdue")), 4},
                                                       {countItem(v.red, QStringLiteral("red")), 5},
                                                       {countItem(v.amber, QStringLiteral("amber")), 6}};
        for (const auto& cell : cells) {
            cell.first->setData(GroupKindRole, int(ReviewGroup));
            cell.first->setData(GroupIdRole, v.id);
            cell.first->setData(GroupNameRole, v.title);
            m_reviewTable->setItem(r, cell.second, cell.first);
        }
        const bool plan = v.completePct >= 0;
        auto* done = textItem(plan ? tr("%1 of %2").arg(v.recommendationsComplete).arg(v.recommendations)
                                   : tr("no action plan"));
        auto* pct = textItem(plan ? QStringLiteral("%1 %").arg(qRound(v.completePct)) : QString());
        pct->setData(Qt::TextAlignmentRole, int(Qt::AlignRight | Qt::AlignVCenter));
        m_reviewTable->setItem(r, 7, done);
        m_reviewTable->setItem(r, 8, pct);
    }
    m_reviewTable->resizeColumnToContents(0);
    m_reviewTable->setColumnWidth(0, qMin(m_reviewTable->columnWidth(0), 480));
    for (int c = 1; c < m_reviewTable->columnCount(); ++c)
        m_reviewTable->resizeColumnToContents(c);
}

void DashboardPage::fillOverdue()
{
    const QVector<qint64>& all = m_figures.overdueActions;
    const QVector<qint64> ids = all.mid(0, kListLimit);
    // The list depends on the as-of date alone: moving a threshold shows the
    // same rows, which need not be read again.
    if (m_overdueShown && ids == m_overdueIds && m_figures.params.asOf == m_overdueAsOf)
        return;
    m_overdueShown = true;
    m_overdueIds = ids;
    m_overdueAsOf = m_figures.params.asOf;
    QVector<DashboardActionRow> rows;
    DashboardQueries queries(m_db);
    if (!queries.actionRows(ids, &rows))
        m_overdueNote->setText(tr("Could not read the overdue actions: %1").arg(queries.errorString()));
    else if (all.isEmpty())
        m_overdueNote->setText(tr("Nothing is overdue as of %1.").arg(ukDate(m_figures.params.asOf)));
    else if (all.size() > rows.size())
        m_overdueNote->setText(tr("The %1 longest overdue of %2, counted against the original target. "
                                  "Click the Overdue count above for the whole list.")
                                   .arg(number(rows.size()), number(all.size())));
    else
        m_overdueNote->setText(tr("%1 actions overdue as of %2, longest first, counted against the original "
                                  "target. Double-click one to open it in its review.")
                                   .arg(number(all.size()), ukDate(m_figures.params.asOf)));

    const QDate asOf = m_figures.params.asOf;
    m_overdueTable->setRowCount(rows.size());
    for (int r = 0; r < rows.size(); ++r) {
        const DashboardActionRow& a = rows.at(r);
        auto* days = new QTableWidgetItem(number(int(a.target.due().daysTo(asOf))));
        days->setData(Qt::TextAlignmentRole, int(Qt::AlignRight | Qt::AlignVCenter));
        days->setData(ActionIdRole, a.id);
        days->setData(ReviewIdRole, a.reviewId);
        days->setForeground(QColor(0xb3, 0x26, 0x1e));
        m_overdueTable->setItem(r, 0, days);
        m_overdueTable->setItem(r, 1, textItem(a.review));
        m_overdueTable->setItem(r, 2, textItem(a.number.isEmpty() ? a.recommendationNumber : a.number));
        m_overdueTable->setItem(r, 3, textItem(a.text));
        m_overdueTable->setItem(r, 4, textItem(a.owner));
        auto* agency = textItem(a.agencyShort.isEmpty() ? a.agency : a.agencyShort);
        agency->setToolTip(a.agency);
        m_overdueTable->setItem(r, 5, agency);
        m_overdueTable->setItem(r, 6, textItem(a.targetText));
        auto* revised = textItem(a.revisedTarget.isDated() || !a.revisedTargetText.isEmpty()
                                     ? tr("revised: %1").arg(a.revisedTargetText)
                                     : QString());
        m_overdueTable->setItem(r, 7, revised);
        m_overdueTable->setItem(r, 8, textItem(a.status));
        const QString update =
            a.latestUpdate.isEmpty()
                ? tr("no update recorded")
                : (a.latestUpdateDate.isEmpty()
                       ? a.latestUpdate
                       : QStringLiteral("%1 — %2").arg(PartialDate::toDisplayString(a.latestUpdateDate),
                                                       a.latestUpdate));
        m_overdueTable->setItem(r, 9, textItem(update));
    }
    // The action and its latest update are what the meeting reads; the rest
    // is sized to the longest value it usually holds.
    const int widths[] = {80, 130, 50, 420, 240, 70, 110, 120, 110};
    for (int c = 0; c < int(std::size(widths)); ++c)
        m_overdueTable->setColumnWidth(c, widths[c]);
    m_overdueTable->horizontalHeader()->setStretchLastSection(true);
}

} // namespace rt
