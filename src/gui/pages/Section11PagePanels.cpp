// The Section 11 page's lower half: the partnership judgements (RAG and
// findings per standard and per theme) and the audit's own recommendations.

#include "HistoryPanel.h"
#include "Section11Page.h"
#include "Section11PageParts.h"

#include <QTabWidget>

namespace rt {

using namespace s11page;

QWidget* Section11Page::cellTabs(QWidget* box)
{
    auto* rating = new QWidget;
    m_cellHistory = new HistoryPanel(m_db);
    auto* tabs = new QTabWidget;
    tabs->setDocumentMode(true);
    tabs->addTab(rating, tr("Rating"));
    tabs->addTab(m_cellHistory, tr("History"));
    tabs->setTabToolTip(1, tr("Every rating, wording and comment this cell has had: who, when, from what"));
    auto* layout = new QVBoxLayout(box);
    layout->addWidget(tabs);
    return rating;
}

QWidget* Section11Page::buildPartnershipPanel()
{
    m_partnership = new QTableWidget(0, 3);
    m_partnership->setHorizontalHeaderLabels(
        {tr("Standard or theme"), tr("Partnership RAG"), tr("Findings")});
    m_partnership->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_partnership->setSelectionMode(QAbstractItemView::SingleSelection);
    m_partnership->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_partnership->verticalHeader()->hide();
    m_partnership->setWordWrap(false); // one row a judgement; the whole text is a hover away
    QHeaderView* h = m_partnership->horizontalHeader();
    h->setSectionResizeMode(0, QHeaderView::Interactive);
    h->resizeSection(
        0, fontMetrics().horizontalAdvance(QStringLiteral("4. Listening to children and young people")) + 24);
    h->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    h->setStretchLastSection(true);
    connect(m_partnership, &QTableWidget::currentCellChanged, this, [this] { partnershipRowChosen(); });

    m_partnershipComment = new QPlainTextEdit;
    m_partnershipComment->setTabChangesFocus(true);
    m_partnershipComment->setPlaceholderText(tr("The report's findings for the chosen standard or theme"));
    m_savePartnershipComment = new QPushButton(tr("Save &findings"));
    m_savePartnershipComment->setEnabled(false);
    connect(m_partnershipComment, &QPlainTextEdit::modificationChanged, m_savePartnershipComment,
            &QPushButton::setEnabled);
    connect(m_savePartnershipComment, &QPushButton::clicked, this, [this] { savePartnershipComment(); });

    auto* split = new QSplitter(Qt::Vertical);
    split->addWidget(m_partnership);
    split->addWidget(withErrorLine(m_partnershipComment, &m_partnershipError));
    split->setSizes({190, 90});
    split->setChildrenCollapsible(false);

    auto* box = new QGroupBox(tr("Partnership judgements"));
    auto* layout = new QVBoxLayout(box);
    layout->addWidget(split, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_savePartnershipComment);
    layout->addLayout(buttons);
    return box;
}

QWidget* Section11Page::buildRecommendationsPanel()
{
    m_recommendations = new QTableWidget(0, 3);
    m_recommendations->setHorizontalHeaderLabels({tr("No."), tr("Finding or recommendation"), tr("Actions")});
    m_recommendations->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_recommendations->setSelectionMode(QAbstractItemView::SingleSelection);
    m_recommendations->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_recommendations->setAlternatingRowColors(true);
    m_recommendations->setWordWrap(true);
    m_recommendations->setShowGrid(false);
    m_recommendations->verticalHeader()->hide();
    m_recommendations->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    QHeaderView* h = m_recommendations->horizontalHeader();
    h->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    h->setSectionResizeMode(1, QHeaderView::Stretch);
    h->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    h->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    connect(h, &QHeaderView::sectionResized, this, [this] { sizeGrid(); });
    // Activation is a double-click or Enter (listening to doubleClicked as
    // well would open the review twice).
    connect(m_recommendations, &QAbstractItemView::activated, this, [this] { openSelectedRecommendation(); });

    m_openReview = new QPushButton(tr("&Open in the review page"));
    m_openReview->setToolTip(
        tr("The audit's recommendations are tracked there, with their actions and updates"));
    connect(m_openReview, &QPushButton::clicked, this, [this] { openSelectedRecommendation(); });

    auto* box = new QGroupBox(tr("The audit's findings and recommendations"));
    auto* layout = new QVBoxLayout(box);
    layout->addWidget(m_recommendations, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_openReview);
    layout->addLayout(buttons);
    return box;
}

void Section11Page::loadPartnership()
{
    const int keepRow = m_partnership->currentRow();
    m_partnership->setRowCount(0);
    m_partnershipComment->clear();
    const qint64 auditId = m_model->auditId();
    if (auditId <= 0)
        return;
    Section11Repository repo(m_db);
    struct Row
    {
        qint64 id;
        int kind;
        QString title, rag, comment;
    };
    QVector<Row> rows;
    for (const S11StandardRow& s : repo.standards(auditId))
        rows.append(
            {s.id, kStandardRow, tr("%1. %2").arg(s.number).arg(s.title), s.partnershipRag, s.comment});
    for (const S11ThemeRow& t : repo.themes(auditId))
        rows.append({t.id, kThemeRow, tr("Theme: %1").arg(t.title), t.rag, t.comment});

    m_partnership->setRowCount(rows.size());
    for (int i = 0; i < rows.size(); ++i) {
        const Row& r = rows.at(i);
        auto* title = new QTableWidgetItem(r.title);
        title->setData(kIdRole, r.id);
        title->setData(kKindRole, r.kind);
        title->setToolTip(r.title);
        if (r.kind == kThemeRow) {
            QFont f = title->font();
            f.setItalic(true);
            title->setFont(f);
        }
        m_partnership->setItem(i, 0, title);
        auto* comment = new QTableWidgetItem(firstLine(r.comment));
        comment->setData(kIdRole, r.comment);
        comment->setToolTip(r.comment);
        m_partnership->setItem(i, 2, comment);

        // The RAG is chosen in place; the combo's swatch is its colour.
        auto* rag = new QComboBox;
        ChoiceDelegate::fillCombo(rag, ChoiceDelegate::ragChoices());
        rag->setCurrentIndex(qMax(0, rag->findData(r.rag)));
        rag->setEnabled(!m_readOnly);
        rag->setAccessibleName(tr("Partnership RAG of %1").arg(r.title));
        connect(rag, &QComboBox::activated, this,
                [this, rag, i] { partnershipRagChosen(i, rag->currentData().toString()); });
        m_partnership->setCellWidget(i, 1, rag);
    }
    m_partnership->resizeColumnToContents(1);
    if (rows.isEmpty())
        return;
    m_partnership->setCurrentCell(qBound(0, keepRow, int(rows.size()) - 1), 0);
    partnershipRowChosen();
}

void Section11Page::partnershipRowChosen()
{
    const int row = m_partnership->currentRow();
    m_partnershipError->hide();
    QTableWidgetItem* comment = row >= 0 ? m_partnership->item(row, 2) : nullptr;
    m_partnershipComment->setPlainText(comment ? comment->data(kIdRole).toString() : QString());
    m_partnershipComment->document()->setModified(false);
    m_partnershipComment->setEnabled(comment != nullptr);
    m_savePartnershipComment->setEnabled(false); // nothing typed yet
}

void Section11Page::partnershipRagChosen(int row, const QString& code)
{
    QTableWidgetItem* title = m_partnership->item(row, 0);
    if (!title)
        return;
    Section11Repository repo(m_db);
    const qint64 id = title->data(kIdRole).toLongLong();
    const bool ok = title->data(kKindRole).toInt() == kStandardRow ? repo.setStandardRag(id, code)
                                                                   : repo.setThemeRag(id, code);
    if (!ok) {
        m_partnershipError->setText(repo.errorString());
        m_partnershipError->show();
        emit message(repo.errorString());
        loadPartnership();
        return;
    }
    m_partnership->setCurrentCell(row, 0);
    m_model->reload(); // the Partnership row of the grid
    emit message(tr("Partnership RAG saved."));
    emit changed();
}

void Section11Page::savePartnershipComment()
{
    const int row = m_partnership->currentRow();
    QTableWidgetItem* title = row >= 0 ? m_partnership->item(row, 0) : nullptr;
    if (!title || m_readOnly)
        return;
    Section11Repository repo(m_db);
    const qint64 id = title->data(kIdRole).toLongLong();
    const QString text = m_partnershipComment->toPlainText();
    const bool ok = title->data(kKindRole).toInt() == kStandardRow ? repo.setStandardComment(id, text)
                                                                   : repo.setThemeComment(id, text);
    if (!ok) {
        m_partnershipError->setText(repo.errorString());
        m_partnershipError->show();
        emit message(repo.errorString());
        return;
    }
    loadPartnership();
    m_partnership->setCurrentCell(row, 0);
    m_model->reload();
    emit message(tr("Findings saved."));
    emit changed();
}

void Section11Page::loadRecommendations()
{
    m_recommendations->setRowCount(0);
    const qint64 review = reviewId();
    m_openReview->setEnabled(review > 0);
    if (review <= 0)
        return;
    PlanQueries queries(m_db);
    const QVector<RecommendationRow> rows = queries.recommendations(review);
    m_recommendations->setRowCount(rows.size());
    for (int i = 0; i < rows.size(); ++i) {
        const RecommendationRow& r = rows.at(i);
        const QString text = r.title.isEmpty()  ? r.text
                             : r.text.isEmpty() ? r.title
                                                : r.title + QLatin1String(": ") + r.text;
        const QString number = r.kind == QLatin1String("finding") ? tr("Finding %1").arg(r.number) : r.number;
        auto* numberItem = new QTableWidgetItem(number);
        numberItem->setData(kIdRole, r.id);
        numberItem->setTextAlignment(Qt::AlignLeft | Qt::AlignTop);
        auto* textItem = new QTableWidgetItem(text);
        textItem->setTextAlignment(Qt::AlignLeft | Qt::AlignTop);
        auto* actions = new QTableWidgetItem(r.actions == 0 ? tr("None yet") : QString::number(r.actions));
        actions->setData(kIdRole, r.actions);
        actions->setTextAlignment(Qt::AlignHCenter | Qt::AlignTop);
        actions->setToolTip(tr("Actions answering this recommendation, tracked on the review page"));
        if (r.actions == 0)
            actions->setForeground(QColor(0x70, 0x70, 0x70));
        m_recommendations->setItem(i, 0, numberItem);
        m_recommendations->setItem(i, 1, textItem);
        m_recommendations->setItem(i, 2, actions);
    }
    sizeGrid();
}

void Section11Page::openSelectedRecommendation()
{
    const qint64 review = reviewId();
    if (review > 0)
        emit openReview(review);
}

} // namespace rt
