// The main window's status-review pages: the dashboard (the first page), and
// the way their counts and rows lead to the actions behind them.

#include "MainWindow.h"
#include "TablePanel.h"
#include "db/Database.h"
#include "pages/ActionsPage.h"
#include "pages/DashboardPage.h"
#include "pages/HistoryLogPage.h"
#include "pages/MeetingPage.h"
#include "pages/ReviewPage.h"
#include "pages/Section11Page.h"

#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>

namespace rt {

void MainWindow::keepTabOpen(int index)
{
    m_tabs->tabBar()->setTabButton(index, QTabBar::RightSide, nullptr);
    m_tabs->tabBar()->setTabButton(index, QTabBar::LeftSide, nullptr);
}

void MainWindow::detachStatusPages()
{
    if (m_dashboard) {
        m_tabs->removeTab(m_tabs->indexOf(m_dashboard));
        delete m_dashboard;
        m_dashboard = nullptr;
    }
    if (m_meeting) {
        m_tabs->removeTab(m_tabs->indexOf(m_meeting));
        delete m_meeting;
        m_meeting = nullptr;
    }
    if (m_section11) {
        m_tabs->removeTab(m_tabs->indexOf(m_section11));
        delete m_section11;
        m_section11 = nullptr;
    }
    if (m_changeLog) {
        m_tabs->removeTab(m_tabs->indexOf(m_changeLog));
        delete m_changeLog;
        m_changeLog = nullptr;
    }
}

void MainWindow::attachStatusPages()
{
    m_dashboard = new DashboardPage(m_db->connection());
    m_tabs->insertTab(0, m_dashboard, tr("Dashboard"));
    m_tabs->setTabToolTip(0, tr("What is overdue, due soon, stale, Red and Amber (Ctrl+0)"));
    keepTabOpen(0);
    connect(m_dashboard, &DashboardPage::openAction, this, &MainWindow::openAction);
    connect(m_dashboard, &DashboardPage::showActions, this, &MainWindow::showActions);
    connect(m_dashboard, &DashboardPage::loadFailed, this,
            [this](const QString& reason) { statusBar()->showMessage(reason, 10000); });
    m_meeting = new MeetingPage(m_db->connection());
    const int meeting = m_tabs->insertTab(m_tabs->indexOf(m_actionsPage) + 1, m_meeting, tr("QiiP meeting"));
    m_tabs->setTabToolTip(meeting, tr("What changed since the last meeting: updates, status and RAG changes, "
                                      "newly overdue, completed"));
    keepTabOpen(meeting);
    connect(m_meeting, &MeetingPage::openAction, this, &MainWindow::openAction);

    m_section11 = new Section11Page(m_db->connection());
    m_section11->setReadOnly(m_db->isReadOnly());
    const int s11 = m_tabs->insertTab(m_tabs->indexOf(m_meeting) + 1, m_section11, tr("Section 11"));
    m_tabs->setTabToolTip(s11, tr("Section 11 audits: each agency's rating against each standard"));
    keepTabOpen(s11);
    connect(m_section11, &Section11Page::openReview, this, &MainWindow::openReview);
    // A new audit year is a new review in the list.
    connect(m_section11, &Section11Page::changed, this, [this] { m_reviewsStale = true; });
    connect(m_section11, &Section11Page::message, this,
            [this](const QString& text) { statusBar()->showMessage(text, 10000); });

    // Every logged change; it reads itself again when shown after the log grew.
    m_changeLog = new HistoryLogPage(m_db->connection());
    const int log = m_tabs->insertTab(m_tabs->indexOf(m_section11) + 1, m_changeLog, tr("Change log"));
    m_tabs->setTabToolTip(log, tr("Every change to the database: who, when, from what (Ctrl+H)"));
    keepTabOpen(log);
    connect(m_changeLog, &HistoryLogPage::openAction, this, &MainWindow::openAction);
    connect(m_changeLog, &HistoryLogPage::openReview, this, &MainWindow::openReview);
    connect(m_changeLog, &HistoryLogPage::message, this,
            [this](const QString& text) { statusBar()->showMessage(text, 10000); });

    m_dashboardStale = false;
    m_meetingStale = false;
    m_dashboard->reload();
    m_tabs->setCurrentWidget(m_dashboard);
}

void MainWindow::markStatusStale()
{
    m_dashboardStale = true;
    m_meetingStale = true;
}

void MainWindow::refreshStatusPages()
{
    markStatusStale();
    statusPageShown(m_tabs->currentWidget());
    // Hidden, the change log reads itself again when next shown.
    if (m_changeLog && m_changeLog->isVisible())
        m_changeLog->reload();
    if (m_section11)
        m_section11->reload();
}

void MainWindow::showActions(const ActionFilter& filter)
{
    if (!m_actionsPage)
        return;
    m_actionsPage->setFilter(filter);
    showAllActions();
    updateStatus();
}

void MainWindow::statusPageShown(QWidget* page)
{
    // Edits elsewhere leave the figures stale; they are read again (in the
    // background) when the page is next looked at.
    if (page && page == m_dashboard && m_dashboardStale) {
        m_dashboardStale = false;
        m_dashboard->reload();
    } else if (page && page == m_meeting && m_meetingStale) {
        m_meetingStale = false;
        m_meeting->reload();
    }
}

void MainWindow::showDashboard()
{
    if (m_dashboard)
        m_tabs->setCurrentWidget(m_dashboard);
}

void MainWindow::showChangeLog()
{
    if (m_changeLog)
        m_tabs->setCurrentWidget(m_changeLog);
}

bool MainWindow::showStatusView(const QString& view, const QDate& asOf, const QDate& since)
{
    if (view == QLatin1String("meeting") && m_meeting) {
        m_tabs->setCurrentWidget(m_meeting);
        m_meeting->setAsOf(asOf);
        if (since.isValid())
            m_meeting->setSince(since);
        m_meeting->reload();
        return true;
    }
    if (view == QLatin1String("s11") && m_section11) {
        m_tabs->setCurrentWidget(m_section11);
        return true;
    }
    return false;
}

ReviewPage* MainWindow::openAction(qint64 reviewId, qint64 actionId)
{
    ReviewPage* page = openReview(reviewId);
    if (page && !page->selectAction(actionId))
        statusBar()->showMessage(tr("That action is no longer in this review."), 10000);
    if (page)
        page->actionsView()->setFocus();
    return page;
}

} // namespace rt
