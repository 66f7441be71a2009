#pragma once

#include <QDate>
#include <QMainWindow>
#include <QPointer>
#include <memory>

class QLabel;
class QLineEdit;
class QMenu;
class QTabWidget;
class QTableView;
class QUndoGroup;

namespace rt {

class ActionTableModel;
class ActionsPage;
struct ActionFilter;
class DashboardPage;
class Database;
class ReviewListModel;
class ReviewPage;
class TablePanel;

// The main window: a Reviews tab (the master list), an All actions tab, and a
// tab per open review for editing it. Edit ▸ Add / Delete / Move act on the
// table the user is working in.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Takes the open database; shows its reviews and actions.
    void setDatabase(std::unique_ptr<Database> db);
    // A spreadsheet tracker in, with the preview and mapping dialog.
    void importTrackerFile(const QString& path);
    Database* database() const { return m_db.get(); }
    QTableView* actionsView() const;
    QTableView* reviewsView() const;
    QLineEdit* filterEdit() const; // the All actions filter
    TablePanel* reviewsPanel() const { return m_reviewsPanel; }
    QTabWidget* tabs() const { return m_tabs; }

    // Opens (or shows) the review's tab.
    ReviewPage* openReview(qint64 reviewId);
    ReviewPage* currentReviewPage() const;
    // Opens the action in its review's tab, selected for editing.
    ReviewPage* openAction(qint64 reviewId, qint64 actionId);
    void showDashboard();
    // The whole database's change log, with its filters.
    void showChangeLog();
    class HistoryLogPage* changeLog() const { return m_changeLog; }
    // The screenshot verb's status views: "meeting" (since, as of) or "s11".
    bool showStatusView(const QString& view, const QDate& asOf, const QDate& since);
    DashboardPage* dashboard() const { return m_dashboard; }
    void showReviews();
    void showAllActions();
    // The All actions tab with exactly these actions (a dashboard count).
    void showActions(const ActionFilter& filter);
    ActionsPage* actionsPage() const { return m_actionsPage; }

    // The Edit menu's commands, for the keyboard and for tests.
    bool addRow(bool child = false);
    bool deleteRow();
    bool moveRow(int delta);
    void focusFilter();

    static QStringList recentFiles();

    // Opens a file; readOnly: at the driver level, every editor disabled.
    bool openPath(const QString& path, bool readOnly = false);
    class UndoHistory* undoHistory() const { return m_undo; }
    // Reads the file again if another program saved to it since, and says
    // so if it was replaced, deleted or made read-only. True when read again.
    bool checkFile();

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void newFile();
    void openFile();
    void updateStatus();
    void createMenus();
    void rebuildRecentMenu();
    void rememberRecent(const QString& path);
    void refreshReviews();
    void closeTab(int index);
    // Everything shown read again: after F5, an import or a returned workbook.
    void refreshAll();
    TablePanel* activePanel() const;
    QStringList ownerNames() const;
    void showOwners();

    std::unique_ptr<Database> m_db;
    ReviewListModel* m_reviews = nullptr;
    ActionTableModel* m_actions = nullptr;
    QTabWidget* m_tabs = nullptr;
    TablePanel* m_reviewsPanel = nullptr;
    ActionsPage* m_actionsPage = nullptr;
    QLabel* m_banner = nullptr;
    QLabel* m_count = nullptr;
    QMenu* m_recentMenu = nullptr;
    QPointer<TablePanel> m_lastPanel;
    bool m_reviewsStale = false;
    bool m_actionsStale = false;
    // The dashboard's and meeting view's figures, read again when next shown.
    bool m_dashboardStale = false;
    bool m_meetingStale = false;
    void markStatusStale();
    void refreshStatusPages();

    // The status-review pages (MainWindowPages.cpp): the dashboard first.
    void attachStatusPages();
    void detachStatusPages();
    void statusPageShown(QWidget* page);
    void keepTabOpen(int index);
    DashboardPage* m_dashboard = nullptr;

    // File ▸ Export, Print preview, Import (MainWindowExchange.cpp).
    void addExchangeActions(QMenu* file);
    QList<QAction*> m_exchangeActions; // need an open database
    qint64 currentReviewId() const;
    void exportPaper(bool previewOnly);
    void importTracker();
    void importReturns();
    class Section11Page* m_section11 = nullptr;
    class MeetingPage* m_meeting = nullptr;
    class HistoryLogPage* m_changeLog = nullptr;

    // Undo, read-only, backups, other writers (MainWindowTrust.cpp).
    void addTrustActions(QMenu* file, QMenu* edit);
    void updateTrustActions();
    void attachUndo();
    void backupOnOpen();
    void restoreBackup();
    void rememberDataVersion();
    QUndoGroup* m_undoGroup = nullptr;
    class UndoHistory* m_undo = nullptr;
    QAction* m_readOnlyAction = nullptr;
    QAction* m_reopenAction = nullptr;
    QAction* m_restoreAction = nullptr;
    qint64 m_dataVersion = -1;
};

} // namespace rt
