#include "MeetingPage.h"

#include "TablePanel.h"
#include "models/MeetingModel.h"

#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSettings>
#include <QStyledItemDelegate>
#include <QTreeView>
#include <QVBoxLayout>

namespace rt {

namespace {

const char* const kSinceKey = "meeting/since";

// QTreeView asks a delegate for a row's height without the column's width,
// so wrapped text would get one line. This one measures each cell at the
// width of its column (less the tree's indentation in the first).
class WrappingDelegate : public QStyledItemDelegate
{
public:
    explicit WrappingDelegate(QTreeView* view) : QStyledItemDelegate(view), m_view(view) {}

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        int width = m_view->header()->sectionSize(index.column());
        // A first column spanned across the row (the kind headings) has the row's width.
        if (index.column() == 0 && m_view->isFirstColumnSpanned(index.row(), index.parent()))
            width = m_view->viewport()->width();
        if (index.column() == 0) {
            int depth = m_view->rootIsDecorated() ? 1 : 0;
            for (QModelIndex p = index.parent(); p.isValid(); p = p.parent())
                ++depth;
            width -= depth * m_view->indentation();
        }
        opt.features |= QStyleOptionViewItem::WrapText;
        opt.rect = QRect(0, 0, qMax(width, 20), 1);
        const QWidget* widget = opt.widget ? opt.widget : m_view;
        QSize size = widget->style()->sizeFromContents(QStyle::CT_ItemViewItem, &opt, QSize(), widget);
        // A little air between rows of several lines, so they read as separate items.
        return QSize(size.width(), size.height() + 4);
    }

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        // The RAG swatch beside its words, not halfway down a tall row.
        option->decorationAlignment = Qt::AlignLeft | Qt::AlignTop;
    }

private:
    QTreeView* m_view;
};

QDateEdit* newDateEdit(const QDate& date)
{
    auto* edit = new QDateEdit(date);
    edit->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
    edit->setCalendarPopup(true);
    return edit;
}

} // namespace

// The view's header outlives this object's own destructor (children go in
// QWidget's), and resizes its sections as it goes: its signal must not reach
// a page that is no longer one (UBSan found it in the sanitizer run).
MeetingPage::~MeetingPage()
{
    disconnect(m_view->header(), nullptr, this, nullptr);
}

MeetingPage::MeetingPage(QSqlDatabase db, QWidget* parent) : QWidget(parent), m_db(std::move(db))
{
    const QDate today = QDate::currentDate();
    QDate since = QDate::fromString(QSettings().value(QLatin1String(kSinceKey)).toString(), Qt::ISODate);
    if (!since.isValid())
        since = today.addMonths(-1);

    m_sinceEdit = newDateEdit(since);
    m_sinceEdit->setToolTip(tr("The date of the last meeting: changes from this day on are listed."));
    m_asOfEdit = newDateEdit(today);
    m_asOfEdit->setToolTip(tr("Changes up to and including this day; overdue is judged on it."));
    auto* sinceLabel = new QLabel(tr("Changes &since"));
    sinceLabel->setBuddy(m_sinceEdit);
    auto* asOfLabel = new QLabel(tr("&as of"));
    asOfLabel->setBuddy(m_asOfEdit);

    auto* dates = new QHBoxLayout;
    dates->addWidget(sinceLabel);
    dates->addWidget(m_sinceEdit);
    dates->addSpacing(12);
    dates->addWidget(asOfLabel);
    dates->addWidget(m_asOfEdit);
    dates->addStretch(1);
    auto* hint = new QLabel(tr("Double-click an action, or press Enter, to open it in its review."));
    hint->setForegroundRole(QPalette::PlaceholderText);
    dates->addWidget(hint);

    m_summary = new QLabel;
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont summaryFont = m_summary->font();
    summaryFont.setPointSizeF(summaryFont.pointSizeF() * 1.15);
    summaryFont.setBold(true);
    m_summary->setFont(summaryFont);

    m_model = new MeetingModel(m_db, this);
    m_view = new QTreeView;
    m_view->setModel(m_model);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAllColumnsShowFocus(true);
    // Action and update texts are what the meeting reads: rows grow to show
    // them (the model shortens the longest updates; the tooltip has them whole).
    m_view->setWordWrap(true);
    m_view->setUniformRowHeights(false);
    m_view->setTextElideMode(Qt::ElideNone);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerItem);
    m_view->setToolTip(QString());
    QHeaderView* header = m_view->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(MeetingModel::ActionColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(MeetingModel::LatestUpdateColumn, QHeaderView::Stretch);
    sizeColumns();
    m_view->setItemDelegate(new WrappingDelegate(m_view));
    // Row heights are measured once per layout: a column that changes width
    // needs them measured again, once however many sections moved.
    connect(header, &QHeaderView::sectionResized, this, [this] {
        if (m_relayoutPending)
            return;
        m_relayoutPending = true;
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_relayoutPending = false;
                m_view->doItemsLayout();
            },
            Qt::QueuedConnection);
    });

    // Activation is a double-click or Enter (listening to doubleClicked as
    // well would open the action twice).
    connect(m_view, &QAbstractItemView::activated, this, &MeetingPage::openIndex);

    connect(m_sinceEdit, &QDateEdit::dateChanged, this, [this](const QDate& date) {
        QSettings().setValue(QLatin1String(kSinceKey), date.toString(Qt::ISODate));
        reload();
    });
    connect(m_asOfEdit, &QDateEdit::dateChanged, this, &MeetingPage::reload);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addLayout(dates);
    layout->addWidget(m_summary);
    layout->addWidget(m_view, 1);

    // Read when first shown, not when the window opens: at national scale a
    // month of changes is a second's work nobody asked for yet.
    m_pending = true;
}

void MeetingPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_pending)
        reload();
}

void MeetingPage::setSince(const QDate& since)
{
    if (since == m_sinceEdit->date())
        reload();
    else
        m_sinceEdit->setDate(since); // remembers and reloads
}

void MeetingPage::setAsOf(const QDate& asOf)
{
    if (asOf == m_asOfEdit->date())
        reload();
    else
        m_asOfEdit->setDate(asOf);
}

QDate MeetingPage::since() const
{
    return m_sinceEdit->date();
}

QDate MeetingPage::asOf() const
{
    return m_asOfEdit->date();
}

void MeetingPage::reload()
{
    m_pending = false;
    const QDate since = m_sinceEdit->date();
    const QDate asOf = m_asOfEdit->date();
    if (since > asOf) {
        m_model->load(since, since.addDays(-1)); // nothing to show
        m_summary->setText(tr("The since date is after the as-of date: choose an earlier one."));
        return;
    }
    if (!m_model->load(since, asOf)) {
        m_summary->setText(tr("The changes could not be read: %1").arg(m_model->errorString()));
        return;
    }
    m_summary->setText(
        tr("Since %1: %2").arg(since.toString(QStringLiteral("dd/MM/yyyy")), m_model->summary()));
    // Kind rows are headings across the whole width.
    for (int row = 0; row < m_model->rowCount(); ++row)
        m_view->setFirstColumnSpanned(row, QModelIndex(), true);
    m_view->expandAll();
}

void MeetingPage::openIndex(const QModelIndex& index)
{
    const MeetingItem* item = m_model->itemAt(index);
    if (item)
        emit openAction(item->reviewId, item->actionId);
}

void MeetingPage::sizeColumns()
{
    // Short columns take what their longest usual value needs, but never so
    // much of a narrow window that the action and update texts (which stretch
    // into the rest) are squeezed into a thin strip.
    // The page's width, not the view's: the view may not be laid out yet.
    const int width = qMax(this->width() - 40, 800);
    auto fit = [this, width](int column, const QString& sample, int extra, double share) {
        m_view->header()->resizeSection(
            column, qMin(TablePanel::sampleWidth(this, sample) + extra, int(width * share)));
    };
    fit(MeetingModel::ReviewColumn, QStringLiteral("Children of Family Y"), 40, 0.13);
    fit(MeetingModel::RecommendationColumn, QStringLiteral("10.10"), 0, 0.06);
    fit(MeetingModel::OwnerColumn, QStringLiteral("GCC Children Social Care HoQ"), 0, 0.14);
    fit(MeetingModel::ChangeColumn, QStringLiteral("Partially complete → Complete"), 24, 0.16);
}

void MeetingPage::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    sizeColumns();
}

} // namespace rt
