#pragma once

#include <QMainWindow>
#include <memory>

class QLabel;
class QLineEdit;
class QTableView;

namespace rt {

class ActionTableModel;
class Database;
class ReviewListModel;

// The main window: reviews on the left, every action (lazily loaded, with a
// filter box) on the right. The editing window of the next milestone grows
// from here.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Takes the open database; shows its reviews and actions.
    void setDatabase(std::unique_ptr<Database> db);
    Database* database() const { return m_db.get(); }
    QTableView* actionsView() const { return m_actionsView; }
    QTableView* reviewsView() const { return m_reviewsView; }
    QLineEdit* filterEdit() const { return m_filter; }

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void newFile();
    void openFile();
    void updateStatus();
    void createMenus();

    std::unique_ptr<Database> m_db;
    ReviewListModel* m_reviews = nullptr;
    ActionTableModel* m_actions = nullptr;
    QTableView* m_reviewsView = nullptr;
    QTableView* m_actionsView = nullptr;
    QLineEdit* m_filter = nullptr;
    QLabel* m_banner = nullptr;
    QLabel* m_count = nullptr;
};

} // namespace rt
