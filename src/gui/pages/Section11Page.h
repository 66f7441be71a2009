#pragma once

#include <QModelIndex>
#include <QPersistentModelIndex>
#include <QSqlDatabase>
#include <QWidget>
#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTextEdit;
class QPushButton;
class QTableView;
class QTableWidget;

namespace rt {

class Section11GridModel;

// The Section 11 panel's page: one audit as a heat map of agencies ×
// standards with the panel's own wording, the selected cell's rating, wording
// and comment bullets, the partnership's RAG per standard and per theme, and
// the audit's own recommendations (tracked on the review page like any
// other). A second audit can be laid over it to show, per cell, whether the
// rating got better, stayed the same or got worse.
class Section11Page : public QWidget
{
    Q_OBJECT

public:
    // Asks the user to confirm clearing a rated cell: question and what goes with it.
    using Confirm = std::function<bool(QWidget* parent, const QString& question, const QString& detail)>;

    explicit Section11Page(QSqlDatabase db, QWidget* parent = nullptr);

    // Shows the audit of that review. False when the review has no audit.
    bool selectAudit(qint64 reviewId);
    qint64 reviewId() const; // the audit's review; 0 when there is none
    // Lays the audit of that review over the grid (0: no comparison). False
    // when the review has no audit or it is the audit shown.
    bool setComparison(qint64 reviewId);
    qint64 comparisonReviewId() const;
    // agency: short name, full name or agencies.id as text. False when not in the audit.
    bool selectCell(const QString& agency, int standardNumber);
    bool selectCell(qint64 agencyId, int standardNumber);
    // Reads the audits, the grid and the panels again (another window saved).
    void reload();
    void setReadOnly(bool readOnly);
    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }

    QTableView* gridView() const { return m_grid; }
    Section11GridModel* gridModel() const { return m_model; }
    QComboBox* auditCombo() const { return m_audit; }
    QComboBox* comparisonCombo() const { return m_compare; }
    QComboBox* ratingCombo() const { return m_rating; }
    QLineEdit* wordingEdit() const { return m_wording; }
    // The comment bullets as a bulleted list: one paragraph a bullet.
    QTextEdit* commentsEdit() const { return m_comments; }
    QPushButton* saveCommentsButton() const { return m_saveComments; }
    QTableWidget* partnershipView() const { return m_partnership; }
    QTableWidget* recommendationsView() const { return m_recommendations; }
    class HistoryPanel* cellHistory() const { return m_cellHistory; }

    // The next audit from the one shown (see Section11Repository::
    // createNextAudit); shows it compared with this one. False when refused.
    bool startNextAudit(int year);

signals:
    // The user asked to see a recommendation of the audit where it is tracked.
    void openReview(qint64 reviewId);
    // Something of the audit was saved: other pages may refresh.
    void changed();
    void message(const QString& text);

private:
    QWidget* buildTopBar();
    QWidget* buildCellPanel();
    // Puts a Rating tab and a History tab in box; returns the Rating tab's page.
    QWidget* cellTabs(QWidget* box);
    QWidget* buildPartnershipPanel();
    QWidget* buildRecommendationsPanel();
    void fillAudits();
    void fillComparisonChoices();
    void newAuditYear();
    void auditChosen();
    void comparisonChosen();
    void loadPartnership();
    void loadRecommendations();
    void showCell();
    void ratingChosen();
    void wordingEdited();
    void saveComments();
    void flushComments();
    void clearCell();
    void partnershipRowChosen();
    void savePartnershipComment();
    void partnershipRagChosen(int row, const QString& code);
    void refused(const QString& reason);
    void savedOk(const QString& what);
    void openSelectedRecommendation();
    void sizeGrid();
    QModelIndex currentCell() const;
    void fitRows(); // the grid's and the recommendations' wrapped rows

    QSqlDatabase m_db;
    bool m_readOnly = false;
    Confirm m_confirm;

    QLabel* m_heading = nullptr;
    QComboBox* m_audit = nullptr;
    QComboBox* m_compare = nullptr;
    QWidget* m_trendLegend = nullptr;
    QTableView* m_grid = nullptr;
    bool m_fitPending = false;
    Section11GridModel* m_model = nullptr;

    QLabel* m_cellAgency = nullptr;
    QLabel* m_cellStandard = nullptr;
    QComboBox* m_rating = nullptr;
    QLineEdit* m_wording = nullptr;
    QTextEdit* m_comments = nullptr;
    QPushButton* m_saveComments = nullptr;
    QPushButton* m_clear = nullptr;
    QPushButton* m_newAudit = nullptr;
    class HistoryPanel* m_cellHistory = nullptr; // the selected cell's ratings over time
    QLabel* m_cellComparison = nullptr;
    QLabel* m_cellError = nullptr;
    // The cell the panel shows: edits save to it even when the grid's
    // current cell has just moved on.
    QPersistentModelIndex m_shownCell;

    QTableWidget* m_partnership = nullptr;
    QPlainTextEdit* m_partnershipComment = nullptr;
    QPushButton* m_savePartnershipComment = nullptr;
    QLabel* m_partnershipError = nullptr;

    QTableWidget* m_recommendations = nullptr;
    QPushButton* m_openReview = nullptr;
};

} // namespace rt
