#include "Section11Page.h"

#include "FieldError.h"
#include "HistoryPanel.h"
#include "Section11PageParts.h"
#include "core/Vocabulary.h"
#include "db/PlanQueries.h"
#include "db/Section11Repository.h"
#include "dialogs/ConfirmDelete.h"
#include "editors/ChoiceDelegate.h"
#include "models/Section11GridModel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QTextCursor>
#include <QTextEdit>
#include <QTextList>
#include <QVBoxLayout>

namespace rt {

using namespace s11page;

Section11Page::Section11Page(QSqlDatabase db, QWidget* parent) : QWidget(parent), m_db(std::move(db))
{
    m_confirm = confirmDelete;
    m_model = new Section11GridModel(m_db, this);

    m_grid = new QTableView;
    m_grid->setModel(m_model);
    m_grid->setWordWrap(true);
    m_grid->setSelectionMode(QAbstractItemView::SingleSelection);
    m_grid->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_grid->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_grid->setItemDelegate(new HeatMapDelegate(ratingChoices(), this));
    m_grid->setGridStyle(Qt::SolidLine);
    m_grid->setStyleSheet(QStringLiteral("QTableView { gridline-color: #FFFFFF; }"));
    m_grid->setCornerButtonEnabled(false);
    QFont gridFont = m_grid->font();
    gridFont.setPointSizeF(gridFont.pointSizeF() * 1.1); // read across a meeting room
    m_grid->setFont(gridFont);
    QHeaderView* columns = m_grid->horizontalHeader();
    columns->setSectionResizeMode(QHeaderView::Stretch);
    columns->setDefaultAlignment(Qt::Alignment(int(Qt::AlignCenter) | int(Qt::TextWordWrap)));
    columns->setTextElideMode(Qt::ElideNone); // wrapped, never cut
    columns->setFont(gridFont);
    QHeaderView* rows = m_grid->verticalHeader();
    rows->setSectionResizeMode(QHeaderView::ResizeToContents);
    rows->setMinimumSectionSize(QFontMetrics(gridFont).lineSpacing() * 2 + 2 * kPadding);
    rows->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    rows->setFont(gridFont);
    connect(columns, &QHeaderView::sectionResized, this, [this] { sizeGrid(); });
    connect(m_grid->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        flushComments(); // moving on keeps what was typed
        showCell();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        sizeGrid();
        showCell();
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this] { showCell(); });
    connect(m_model, &Section11GridModel::editRefused, this,
            [this](const QModelIndex&, const QString& why) { refused(why); });
    connect(m_model, &Section11GridModel::saved, this, [this] { emit changed(); });

    auto* top = new QSplitter(Qt::Horizontal);
    top->addWidget(m_grid);
    top->addWidget(buildCellPanel());
    top->setStretchFactor(0, 3);
    top->setStretchFactor(1, 1);
    top->setSizes({1080, 420});
    top->setChildrenCollapsible(false);

    auto* bottom = new QSplitter(Qt::Horizontal);
    bottom->addWidget(buildPartnershipPanel());
    bottom->addWidget(buildRecommendationsPanel());
    bottom->setSizes({760, 740});
    bottom->setChildrenCollapsible(false);

    auto* split = new QSplitter(Qt::Vertical);
    split->addWidget(top);
    split->addWidget(bottom);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({560, 370});
    split->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->addWidget(buildTopBar());
    layout->addWidget(split, 1);

    fillAudits();
    if (m_audit->count() > 0)
        auditChosen();
}

QWidget* Section11Page::buildTopBar()
{
    m_heading = new QLabel;
    QFont big = m_heading->font();
    big.setPointSizeF(big.pointSizeF() * 1.35);
    big.setBold(true);
    m_heading->setFont(big);

    m_audit = new QComboBox;
    m_audit->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_audit->setToolTip(tr("The Section 11 audit to show"));
    connect(m_audit, &QComboBox::currentIndexChanged, this, [this] { auditChosen(); });
    m_compare = new QComboBox;
    m_compare->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_compare->setToolTip(tr("Show, in each cell, whether the rating is better, the same or worse than in "
                             "another audit"));
    connect(m_compare, &QComboBox::currentIndexChanged, this, [this] { comparisonChosen(); });

    auto* auditLabel = new QLabel(tr("&Audit:"));
    auditLabel->setBuddy(m_audit);
    auto* compareLabel = new QLabel(tr("Compare &with:"));
    compareLabel->setBuddy(m_compare);

    auto* choosers = new QHBoxLayout;
    choosers->addWidget(m_heading);
    choosers->addSpacing(16);
    choosers->addWidget(auditLabel);
    choosers->addWidget(m_audit);
    choosers->addSpacing(12);
    choosers->addWidget(compareLabel);
    choosers->addWidget(m_compare);
    choosers->addSpacing(12);
    m_newAudit = new QPushButton(tr("&New audit year…"));
    m_newAudit->setToolTip(tr("Start the next audit with this one's standards and agencies, to rate and "
                              "compare"));
    connect(m_newAudit, &QPushButton::clicked, this, [this] { newAuditYear(); });
    choosers->addWidget(m_newAudit);
    choosers->addStretch(1);

    // The legend names every colour in words, so the grid never relies on
    // colour alone.
    auto* legend = new QHBoxLayout;
    legend->addWidget(new QLabel(tr("Panel rating:")));
    for (const ChoiceDelegate::Choice& c : ratingChoices())
        legend->addWidget(legendKey(c.colour, c.label, c.code == QLatin1String("unable")));
    legend->addSpacing(16);
    m_trendLegend =
        new QLabel(tr("Compared with the other audit:  ▲ better   = same   ▼ worse   – not comparable"));
    legend->addWidget(m_trendLegend);
    auto* hint = new QLabel(tr("Double-click a cell or press F2 to change its rating."));
    hint->setStyleSheet(QStringLiteral("color: #555555;"));
    hint->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    // A hint, not content: a narrow window drops it rather than widening.
    hint->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    legend->addWidget(hint, 1);

    auto* bar = new QWidget;
    auto* layout = new QVBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 4);
    layout->setSpacing(4);
    layout->addLayout(choosers);
    layout->addLayout(legend);
    return bar;
}

QWidget* Section11Page::buildCellPanel()
{
    m_cellAgency = new QLabel;
    m_cellAgency->setWordWrap(true);
    m_cellAgency->setTextFormat(Qt::RichText);
    m_cellStandard = new QLabel;
    m_cellStandard->setWordWrap(true);

    m_rating = new QComboBox;
    m_rating->setIconSize(QSize(12, 12));
    m_rating->addItem(ChoiceDelegate::swatchIcon(QColor()), tr("Not rated"), QString());
    ChoiceDelegate::fillCombo(m_rating, ratingChoices());
    connect(m_rating, &QComboBox::activated, this, [this] { ratingChosen(); });

    m_wording = new QLineEdit;
    m_wording->setPlaceholderText(tr("The panel's own words, e.g. “Good areas to improve”"));
    m_wording->setToolTip(tr("Kept exactly as written; blank gives the rating's standard words."));
    connect(m_wording, &QLineEdit::editingFinished, this, [this] { wordingEdited(); });

    m_comments = new QTextEdit;
    m_comments->setAcceptRichText(false);
    m_comments->setTabChangesFocus(true);
    m_comments->setPlaceholderText(tr("One comment bullet a line"));
    m_comments->setMinimumHeight(m_comments->fontMetrics().lineSpacing() * 6);
    m_saveComments = new QPushButton(tr("&Save comments"));
    m_saveComments->setEnabled(false);
    connect(m_comments->document(), &QTextDocument::modificationChanged, m_saveComments,
            &QPushButton::setEnabled);
    connect(m_saveComments, &QPushButton::clicked, this, [this] { saveComments(); });
    m_clear = new QPushButton(tr("C&lear rating…"));
    m_clear->setToolTip(tr("Removes the rating, its wording and its comments from this cell"));
    connect(m_clear, &QPushButton::clicked, this, [this] { clearCell(); });

    m_cellComparison = new QLabel;
    m_cellComparison->setWordWrap(true);
    m_cellComparison->hide();

    QWidget* commentsBox = withErrorLine(m_comments, &m_cellError);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_saveComments);
    buttons->addStretch(1);
    buttons->addWidget(m_clear);

    auto* form = new QFormLayout;
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->addRow(tr("Agency:"), m_cellAgency);
    form->addRow(tr("Standard:"), m_cellStandard);
    form->addRow(tr("&Rating:"), m_rating);
    form->addRow(tr("Panel's &wording:"), m_wording);
    form->addRow(m_cellComparison);

    auto* box = new QGroupBox(tr("Selected cell"));
    auto* layout = new QVBoxLayout(cellTabs(box)); // the rating; its history on a second tab
    layout->addLayout(form);
    auto* commentsLabel = new QLabel(tr("&Comments (one bullet a line):"));
    commentsLabel->setBuddy(m_comments);
    layout->addWidget(commentsLabel);
    layout->addWidget(commentsBox, 1);
    layout->addLayout(buttons);
    box->setMinimumWidth(340);
    return box;
}

void Section11Page::fillAudits()
{
    const qint64 keep = reviewId();
    Section11Repository repo(m_db);
    const QVector<S11AuditRow> audits = repo.audits();
    {
        QSignalBlocker block(m_audit);
        m_audit->clear();
        for (const S11AuditRow& a : audits)
            m_audit->addItem(tr("%1 — %2").arg(a.year).arg(a.title), a.reviewId);
        const int at = m_audit->findData(keep);
        m_audit->setCurrentIndex(at >= 0 ? at : (m_audit->count() > 0 ? m_audit->count() - 1 : -1));
    }
}

bool Section11Page::startNextAudit(int year)
{
    Section11Repository repo(m_db);
    const qint64 from = repo.auditIdForReview(reviewId());
    const qint64 previous = reviewId();
    const qint64 created = repo.createNextAudit(from, year);
    if (created == 0) {
        refused(repo.errorString());
        return false;
    }
    fillAudits();
    selectAudit(created);
    setComparison(previous);
    emit changed();
    emit message(tr("Audit %1 started from %2: rate each agency, and see each cell against the last audit.")
                     .arg(year)
                     .arg(m_compare->currentText()));
    return true;
}

void Section11Page::newAuditYear()
{
    if (reviewId() == 0)
        return;
    S11AuditRow current;
    Section11Repository repo(m_db);
    repo.audit(repo.auditIdForReview(reviewId()), &current);
    bool ok = false;
    const int year = QInputDialog::getInt(this, tr("New audit year"),
                                          tr("Year of the next Section 11 audit (standards and agencies are "
                                             "copied from %1):")
                                              .arg(current.year),
                                          qMax(current.year + 1, 1990), 1990, 2100, 1, &ok);
    if (ok)
        startNextAudit(year);
}

void Section11Page::fillComparisonChoices()
{
    const qint64 keep = comparisonReviewId();
    Section11Repository repo(m_db);
    QSignalBlocker block(m_compare);
    m_compare->clear();
    m_compare->addItem(tr("None"), qint64(0));
    for (const S11AuditRow& a : repo.audits()) {
        if (a.reviewId != reviewId())
            m_compare->addItem(tr("%1 — %2").arg(a.year).arg(a.title), a.reviewId);
    }
    const int at = m_compare->findData(keep);
    m_compare->setCurrentIndex(at >= 0 ? at : 0);
    m_compare->setEnabled(m_compare->count() > 1);
}

qint64 Section11Page::reviewId() const
{
    return m_audit->currentIndex() >= 0 ? m_audit->currentData().toLongLong() : 0;
}

qint64 Section11Page::comparisonReviewId() const
{
    return m_compare->currentIndex() >= 0 ? m_compare->currentData().toLongLong() : 0;
}

void Section11Page::auditChosen()
{
    Section11Repository repo(m_db);
    const qint64 review = reviewId();
    const qint64 auditId = review > 0 ? repo.auditIdForReview(review) : 0;
    S11AuditRow audit;
    if (auditId > 0 && repo.audit(auditId, &audit)) {
        m_heading->setText(tr("Section 11 audit %1").arg(audit.year));
        m_heading->setToolTip(audit.panel.isEmpty() ? audit.title
                                                    : tr("%1\nPanel:\n%2").arg(audit.title, audit.panel));
    } else {
        m_heading->setText(tr("No Section 11 audit yet"));
        m_heading->setToolTip(QString());
    }
    fillComparisonChoices();
    m_model->setAudit(auditId);
    m_model->setComparison(repo.auditIdForReview(comparisonReviewId()));
    m_trendLegend->setVisible(m_model->comparisonAuditId() > 0);
    loadPartnership();
    loadRecommendations();
    if (m_model->rowCount() > 0 && m_model->columnCount() > 0)
        m_grid->setCurrentIndex(m_model->index(0, 0));
    showCell();
}

void Section11Page::comparisonChosen()
{
    Section11Repository repo(m_db);
    const qint64 review = comparisonReviewId();
    m_model->setComparison(review > 0 ? repo.auditIdForReview(review) : 0);
    m_trendLegend->setVisible(m_model->comparisonAuditId() > 0);
    sizeGrid();
    showCell();
}

bool Section11Page::selectAudit(qint64 reviewId)
{
    const int at = m_audit->findData(reviewId);
    if (at < 0)
        return false;
    if (at == m_audit->currentIndex())
        return true;
    m_audit->setCurrentIndex(at); // auditChosen() follows
    return true;
}

bool Section11Page::setComparison(qint64 reviewId)
{
    const int at = m_compare->findData(reviewId);
    if (at < 0)
        return false;
    m_compare->setCurrentIndex(at);
    return true;
}

bool Section11Page::selectCell(qint64 agencyId, int standardNumber)
{
    const QModelIndex cell = m_model->cellIndex(agencyId, standardNumber);
    if (!cell.isValid())
        return false;
    m_grid->setCurrentIndex(cell);
    m_grid->scrollTo(cell);
    return true;
}

bool Section11Page::selectCell(const QString& agency, int standardNumber)
{
    const QString key = agency.trimmed();
    for (int row = 0; row < m_model->partnershipRow(); ++row) {
        const S11AgencyRow a = m_model->agencyAt(row);
        if (a.shortName.compare(key, Qt::CaseInsensitive) == 0 ||
            a.name.compare(key, Qt::CaseInsensitive) == 0 || QString::number(a.id) == key)
            return selectCell(a.id, standardNumber);
    }
    return false;
}

void Section11Page::reload()
{
    const QModelIndex current = currentCell();
    const qint64 agency = current.isValid() ? current.data(Section11GridModel::AgencyIdRole).toLongLong() : 0;
    const int standard = current.isValid() ? m_model->standardAt(current.column()).number : 0;
    {
        QSignalBlocker block(m_audit);
        fillAudits();
    }
    auditChosen();
    if (agency > 0)
        selectCell(agency, standard);
}

void Section11Page::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    m_model->setReadOnly(readOnly);
    m_rating->setEnabled(!readOnly);
    m_wording->setReadOnly(readOnly);
    m_comments->setReadOnly(readOnly);
    m_saveComments->setVisible(!readOnly);
    m_clear->setVisible(!readOnly);
    m_newAudit->setVisible(!readOnly);
    m_partnershipComment->setReadOnly(readOnly);
    m_savePartnershipComment->setVisible(!readOnly);
    loadPartnership();
    showCell();
}

QModelIndex Section11Page::currentCell() const
{
    const QModelIndex i = m_grid->currentIndex();
    return m_model->isRatingCell(i) ? i : QModelIndex();
}

void Section11Page::sizeGrid()
{
    // Headers wrap the standard's title: the header is as tall as the
    // longest wrapped title at the columns' current width.
    QHeaderView* h = m_grid->horizontalHeader();
    const QFontMetrics fm(h->font());
    int height = fm.lineSpacing() + 12;
    for (int c = 0; c < m_model->columnCount(); ++c) {
        const QString text = m_model->headerData(c, Qt::Horizontal).toString();
        const int width = qMax(40, h->sectionSize(c) - 16);
        height =
            qMax(height, fm.boundingRect(QRect(0, 0, width, 2000), Qt::TextWordWrap, text).height() + 14);
    }
    if (h->minimumHeight() != height)
        h->setMinimumHeight(height);
    // Rows wrap to the columns' widths, which settle only once every section
    // of a resize has moved: measure them after that, once.
    if (!m_fitPending) {
        m_fitPending = true;
        QMetaObject::invokeMethod(this, &Section11Page::fitRows, Qt::QueuedConnection);
    }
}

void Section11Page::fitRows()
{
    m_fitPending = false;
    m_grid->resizeRowsToContents();
    m_recommendations->resizeRowsToContents();
}

void Section11Page::showCell()
{
    const QModelIndex cell = currentCell();
    const bool rated = cell.isValid() && !cell.data(Section11GridModel::RatingCodeRole).toString().isEmpty();
    m_cellError->hide();
    if (!cell.isValid()) {
        m_cellAgency->setText(tr("<i>Choose a cell of the grid</i>"));
        m_cellStandard->clear();
        m_rating->setCurrentIndex(0);
        m_wording->clear();
        setBullets(m_comments, {});
        m_cellComparison->hide();
        m_shownCell = QPersistentModelIndex();
        m_cellHistory->setRecord(QStringLiteral("s11_rating"), 0);
        for (QWidget* w : {static_cast<QWidget*>(m_rating), static_cast<QWidget*>(m_wording),
                           static_cast<QWidget*>(m_comments), static_cast<QWidget*>(m_clear)})
            w->setEnabled(false);
        return;
    }
    const S11AgencyRow agency = m_model->agencyAt(cell.row());
    const S11StandardRow standard = m_model->standardAt(cell.column());
    m_cellHistory->setS11Cell(m_model->auditId(), agency.id, standard.id);
    m_cellAgency->setText(agency.shortName == agency.name
                              ? QStringLiteral("<b>%1</b>").arg(agency.name.toHtmlEscaped())
                              : QStringLiteral("<b>%1</b> — %2")
                                    .arg(agency.shortName.toHtmlEscaped(), agency.name.toHtmlEscaped()));
    m_cellStandard->setText(tr("%1. %2").arg(standard.number).arg(standard.title));
    {
        QSignalBlocker block(m_rating);
        const int at = m_rating->findData(cell.data(Section11GridModel::RatingCodeRole).toString());
        m_rating->setCurrentIndex(at >= 0 ? at : 0);
    }
    m_rating->setEnabled(!m_readOnly);
    // Another cell, or the same cell saved: show what is stored. What the
    // user is still typing in the same cell is left alone.
    const bool sameCell = m_shownCell == QPersistentModelIndex(cell);
    if (!sameCell || !m_wording->isModified())
        m_wording->setText(cell.data(Section11GridModel::WordingRole).toString());
    m_wording->setEnabled(rated);
    if (!sameCell || !m_comments->document()->isModified()) {
        setBullets(m_comments, cell.data(Section11GridModel::CommentsRole).toStringList());
    }
    m_comments->setEnabled(rated);
    m_clear->setEnabled(rated && !m_readOnly);
    m_saveComments->setEnabled(m_comments->document()->isModified());
    m_shownCell = cell;

    if (m_model->comparisonAuditId() > 0) {
        const QString line = cell.data(Qt::DisplayRole).toString().section(QLatin1Char('\n'), -1);
        m_cellComparison->setText(line);
        m_cellComparison->show();
    } else {
        m_cellComparison->hide();
    }
}

void Section11Page::ratingChosen()
{
    const QModelIndex cell = currentCell();
    if (!cell.isValid())
        return;
    const QString code = m_rating->currentData().toString();
    const QString was = cell.data(Section11GridModel::RatingCodeRole).toString();
    if (code == was)
        return;
    if (code.isEmpty()) {
        clearCell();
        return;
    }
    if (m_model->setData(cell, code, Qt::EditRole))
        savedOk(tr("Rating saved."));
}

void Section11Page::wordingEdited()
{
    const QModelIndex cell = m_shownCell;
    if (!m_model->isRatingCell(cell) || m_readOnly || !m_wording->isModified())
        return;
    m_wording->setModified(false);
    if (m_wording->text().trimmed() == cell.data(Section11GridModel::WordingRole).toString())
        return;
    if (m_model->setWording(cell, m_wording->text()))
        savedOk(tr("Wording saved."));
}

void Section11Page::flushComments()
{
    if (m_model->isRatingCell(m_shownCell) && m_comments->document()->isModified() && !m_readOnly)
        saveComments();
}

void Section11Page::saveComments()
{
    const QModelIndex cell = m_shownCell;
    if (!m_model->isRatingCell(cell) || m_readOnly)
        return;
    const QStringList bullets = m_comments->toPlainText().split(QLatin1Char('\n'));
    m_comments->document()->setModified(false); // the save shows what was stored
    if (m_model->setComments(cell, bullets))
        savedOk(tr("Comments saved."));
    else
        m_comments->document()->setModified(true);
}

void Section11Page::clearCell()
{
    const QModelIndex cell = currentCell();
    if (!cell.isValid() || m_readOnly)
        return;
    const S11AgencyRow agency = m_model->agencyAt(cell.row());
    const S11StandardRow standard = m_model->standardAt(cell.column());
    const int bullets = cell.data(Section11GridModel::CommentsRole).toStringList().size();
    const QString question =
        tr("Clear the rating of %1 for standard %2?").arg(agency.shortName).arg(standard.number);
    const QString detail =
        tr("The panel's wording “%1” and %n comment(s) go with it. This cannot be undone.", nullptr, bullets)
            .arg(cell.data(Section11GridModel::WordingRole).toString());
    if (!m_confirm(this, question, detail)) {
        showCell();
        return;
    }
    if (m_model->clearCell(cell))
        savedOk(tr("Rating cleared."));
}

void Section11Page::refused(const QString& reason)
{
    m_cellError->setText(reason);
    m_cellError->show();
    emit message(reason);
}

void Section11Page::savedOk(const QString& what)
{
    m_cellError->hide();
    emit message(what);
}

} // namespace rt
