#include "DashboardPage.h"

#include "DashboardCharts.h"
#include "DashboardPageParts.h"
#include "db/DashboardQueries.h"

#include <QCoreApplication>
#include <QDateEdit>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QThread>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtCharts/QChartView>
#include <QtConcurrent/QtConcurrentRun>

namespace rt {

namespace {

// A count tile: its key (the filter it opens), its caption and its colour.
struct CountSpec
{
    const char* key;
    const char* label;
    const char* colour;
};

// The tiles in reading order; colours are the number's, on a white card.
const CountSpec kCounts[] = {
    {"overdue", QT_TRANSLATE_NOOP("rt::DashboardPage", "Overdue"), "#b3261e"},
    {"due_soon", QT_TRANSLATE_NOOP("rt::DashboardPage", "Due soon"), "#1f5fa8"},
    {"stale", QT_TRANSLATE_NOOP("rt::DashboardPage", "Stale"), "#6b4f3a"},
    {"no_target", QT_TRANSLATE_NOOP("rt::DashboardPage", "Ongoing / no target"), "#4a5a66"},
    {"red", QT_TRANSLATE_NOOP("rt::DashboardPage", "Red"), "#c62828"},
    {"amber", QT_TRANSLATE_NOOP("rt::DashboardPage", "Amber"), "#a86400"},
    {"open", QT_TRANSLATE_NOOP("rt::DashboardPage", "Open actions"), "#2e5e3a"},
};

// A count that opens its list: shown as a link when there is anything to open.

} // namespace

using namespace dashboardpage;

DashboardPage::DashboardPage(QSqlDatabase db, QWidget* parent) : QWidget(parent), m_db(std::move(db))
{
    m_watcher = new QFutureWatcher<std::shared_ptr<DashboardSnapshot>>(this);
    buildUi();
    connect(m_watcher, &QFutureWatcherBase::finished, this, [this] {
        const std::shared_ptr<DashboardSnapshot> snapshot = m_watcher->result();
        if (!snapshot) {
            // A second connection can be refused where the window's own is
            // not (a read-only file on a share): read once on this thread,
            // which reports its own error if that fails too.
            reloadNow();
            return;
        }
        snapshotReady(*snapshot);
    });
}

DashboardPage::~DashboardPage()
{
    // The reader owns its own connection; let it finish before the page goes.
    m_watcher->waitForFinished();
}

void DashboardPage::buildUi()
{
    auto* bar = new QHBoxLayout;
    auto* title = new QLabel(tr("Status of every action plan"));
    QFont tf = title->font();
    tf.setPointSizeF(tf.pointSizeF() * 1.5);
    tf.setBold(true);
    title->setFont(tf);
    bar->addWidget(title);
    bar->addSpacing(24);

    m_asOf = new QDateEdit(QDate::currentDate());
    m_asOf->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
    m_asOf->setCalendarPopup(true);
    m_asOf->setToolTip(tr("The figures as they stand on this date"));
    auto* asOfLabel = new QLabel(tr("As &of"));
    asOfLabel->setBuddy(m_asOf);
    bar->addWidget(asOfLabel);
    bar->addWidget(m_asOf);
    auto* today = new QPushButton(tr("Today"));
    connect(today, &QPushButton::clicked, this, [this] { m_asOf->setDate(QDate::currentDate()); });
    bar->addWidget(today);
    bar->addSpacing(16);

    // The two thresholds are the subgroup's own; they are kept between sessions.
    auto addDays = [this, bar](const QString& label, const QString& key, int value, const QString& tip) {
        auto* spin = new QSpinBox;
        spin->setRange(1, 3650);
        spin->setValue(QSettings().value(key, value).toInt());
        spin->setSuffix(tr(" days"));
        spin->setToolTip(tip);
        auto* text = new QLabel(label);
        text->setBuddy(spin);
        bar->addWidget(text);
        bar->addWidget(spin);
        connect(spin, qOverload<int>(&QSpinBox::valueChanged), this,
                [key](int days) { QSettings().setValue(key, days); });
        return spin;
    };
    m_staleDays =
        addDays(tr("S&tale after"), QStringLiteral("dashboard/staleDays"), 90,
                tr("An open action is stale when it has had no dated progress update for this long"));
    bar->addSpacing(16);
    m_dueSoonDays = addDays(tr("D&ue soon within"), QStringLiteral("dashboard/dueSoonDays"), 30,
                            tr("An open action is due soon when its target falls within this many days"));
    m_state = new QLabel;
    m_state->setForegroundRole(QPalette::PlaceholderText);
    m_state->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    // Never widens the window: a narrow one elides it rather than overflowing.
    m_state->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_state->setMinimumWidth(0);
    bar->addWidget(m_state, 1);

    connect(m_asOf, &QDateEdit::dateChanged, this, &DashboardPage::recompute);
    connect(m_staleDays, qOverload<int>(&QSpinBox::valueChanged), this, &DashboardPage::recompute);
    connect(m_dueSoonDays, qOverload<int>(&QSpinBox::valueChanged), this, &DashboardPage::recompute);

    m_agencyChart = new QChartView;
    m_agencyChart->setRenderHint(QPainter::Antialiasing);
    m_agencyChart->setMinimumHeight(260);
    m_completionChart = new QChartView;
    m_completionChart->setRenderHint(QPainter::Antialiasing);
    m_completionChart->setMinimumHeight(260);
    auto* charts = new QSplitter(Qt::Horizontal);
    charts->addWidget(m_agencyChart);
    charts->addWidget(m_completionChart);
    charts->setChildrenCollapsible(false);

    m_overdueTable =
        newTable({tr("Days over"), tr("Review"), tr("Rec."), tr("Action"), tr("Owner"), tr("Agency"),
                  tr("Target"), tr("Revised target"), tr("Status"), tr("Latest update")});
    m_overdueTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_overdueTable->setToolTip(tr("Double-click an action to open it in its review"));
    const QStringList groupHeaders = {tr("Open"),      tr("Overdue"), tr("Due soon"), tr("Stale"),
                                      tr("No target"), tr("Red"),     tr("Amber")};
    m_agencyTable = newTable(QStringList{tr("Agency")} + groupHeaders);
    m_ownerTable = newTable(QStringList{tr("Owner")} + groupHeaders);
    m_themeTable = newTable(QStringList{tr("Theme")} + groupHeaders);
    m_reviewTable = newTable({tr("Review"), tr("Kind"), tr("Actions"), tr("Open"), tr("Overdue"), tr("Red"),
                              tr("Amber"), tr("Recommendations complete"), tr("Complete")});

    auto* overduePage = new QWidget;
    auto* overdueLayout = new QVBoxLayout(overduePage);
    overdueLayout->setContentsMargins(0, 4, 0, 0);
    m_overdueNote = new QLabel;
    m_overdueNote->setWordWrap(true);
    overdueLayout->addWidget(m_overdueNote);
    overdueLayout->addWidget(m_overdueTable, 1);

    m_lists = new QTabWidget;
    m_lists->setDocumentMode(true);
    m_lists->addTab(overduePage, tr("Overdue actions"));
    m_lists->addTab(m_agencyTable, tr("By agency"));
    m_lists->addTab(m_ownerTable, tr("By owner"));
    m_lists->addTab(m_themeTable, tr("By theme"));
    m_lists->addTab(m_reviewTable, tr("By review"));

    for (QTableWidget* t : {m_agencyTable, m_ownerTable, m_themeTable, m_reviewTable}) {
        connect(t, &QTableWidget::itemClicked, this, [this](QTableWidgetItem* item) {
            if (!item->data(FlagRole).isNull() && item->text() != QLatin1String("0"))
                emit showActions(filterForCell(item));
        });
        connect(t, &QTableWidget::itemActivated, this, [this](QTableWidgetItem* item) {
            if (!item->data(FlagRole).isNull())
                emit showActions(filterForCell(item));
        });
    }
    connect(m_overdueTable, &QTableWidget::itemActivated, this, [this](QTableWidgetItem* item) {
        const QTableWidgetItem* first = m_overdueTable->item(item->row(), 0);
        emit openAction(first->data(ReviewIdRole).toLongLong(), first->data(ActionIdRole).toLongLong());
    });

    auto* vertical = new QSplitter(Qt::Vertical);
    vertical->addWidget(charts);
    vertical->addWidget(m_lists);
    vertical->setStretchFactor(0, 2);
    vertical->setStretchFactor(1, 3);
    vertical->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(buildCounts());
    layout->addWidget(vertical, 1);
}

QWidget* DashboardPage::buildCounts()
{
    auto* box = new QWidget;
    auto* row = new QHBoxLayout(box);
    row->setContentsMargins(0, 4, 0, 4);
    row->setSpacing(10);
    for (const CountSpec& spec : kCounts) {
        auto* b = new QToolButton;
        b->setObjectName(QLatin1String(spec.key));
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        b->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        b->setMinimumHeight(92);
        b->setCursor(Qt::PointingHandCursor);
        b->setStyleSheet(
            QStringLiteral("QToolButton { background: palette(base); border: 1px solid #c9ced3;"
                           " border-top: 5px solid %1; border-radius: 6px; padding: 6px; color: %1;"
                           " font-size: 22pt; font-weight: 600; }"
                           "QToolButton:hover { background: #f1f5f9; }"
                           "QToolButton:focus { border-color: %1; }")
                .arg(QLatin1String(spec.colour)));
        const QString flag = QLatin1String(spec.key);
        connect(b, &QToolButton::clicked, this, [this, flag] { emit showActions(filterFor(flag)); });
        m_countButtons.insert(flag, b);
        row->addWidget(b);
    }
    return box;
}

QToolButton* DashboardPage::countButton(const QString& key) const
{
    return m_countButtons.value(key);
}

void DashboardPage::setAsOf(const QDate& date)
{
    m_asOf->setDate(date);
}

QDate DashboardPage::asOf() const
{
    return m_asOf->date();
}

void DashboardPage::setStaleDays(int days)
{
    m_staleDays->setValue(days);
}

void DashboardPage::setDueSoonDays(int days)
{
    m_dueSoonDays->setValue(days);
}

bool DashboardPage::isLoading() const
{
    return m_watcher->isRunning();
}

void DashboardPage::reload()
{
    if (m_watcher->isRunning())
        return; // the running read sees the same file; the next reload catches later edits
    m_state->setText(tr("Reading the figures…"));
    const QString source = m_db.connectionName();
    m_watcher->setFuture(QtConcurrent::run([source]() -> std::shared_ptr<DashboardSnapshot> {
        // A connection belongs to the thread that opened it: this read opens
        // its own, read-only, and closes it before the thread goes back to the pool.
        const QString name =
            QStringLiteral("dashboard-%1").arg(reinterpret_cast<quintptr>(QThread::currentThreadId()));
        auto snapshot = std::make_shared<DashboardSnapshot>();
        bool ok = false;
        {
            QSqlDatabase db = QSqlDatabase::cloneDatabase(source, name);
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
            if (db.open()) {
                DashboardQueries queries(db);
                ok = queries.load(snapshot.get());
                db.close();
            }
        }
        QSqlDatabase::removeDatabase(name);
        return ok ? snapshot : nullptr;
    }));
}

bool DashboardPage::reloadNow()
{
    if (m_watcher->isRunning()) {
        // A read already under way sees the same file: wait for it rather
        // than read it twice.
        m_watcher->waitForFinished();
        if (const std::shared_ptr<DashboardSnapshot> snapshot = m_watcher->result()) {
            snapshotReady(*snapshot);
            return true;
        }
    }
    DashboardSnapshot snapshot;
    DashboardQueries queries(m_db);
    if (!queries.load(&snapshot)) {
        m_state->setText(tr("Could not read the figures: %1").arg(queries.errorString()));
        emit loadFailed(m_state->text());
        return false;
    }
    snapshotReady(snapshot);
    return true;
}

void DashboardPage::snapshotReady(const DashboardSnapshot& snapshot)
{
    m_snapshot = snapshot;
    m_haveSnapshot = true;
    m_overdueShown = false; // the rows' text may have changed too
    recompute();
    emit loaded();
}

void DashboardPage::recompute()
{
    if (!m_haveSnapshot)
        return;
    DashboardParams p;
    p.asOf = m_asOf->date();
    p.staleDays = m_staleDays->value();
    p.dueSoonDays = m_dueSoonDays->value();
    m_figures = m_snapshot.compute(p);
    showFigures();
}

void DashboardPage::showFigures()
{
    m_state->clear(); // the figures speak for themselves; this line is for reading and errors
    fillCounts();
    fillGroups(m_agencyTable, m_figures.byAgency, AgencyGroup);
    fillGroups(m_ownerTable, m_figures.byOwner, OwnerGroup);
    fillGroups(m_themeTable, m_figures.byTheme, ThemeGroup);
    fillReviews();
    fillOverdue();
    fillAgencyChart();
    fillCompletionChart();
}

void DashboardPage::fillCounts()
{
    const DashboardFigures& f = m_figures;
    const QHash<QString, QPair<int, QString>> values = {
        {QStringLiteral("overdue"),
         {f.overdue,
          f.overdueRevised > 0 ? tr("Overdue (%1 revised)").arg(number(f.overdueRevised)) : tr("Overdue")}},
        {QStringLiteral("due_soon"), {f.dueSoon, tr("Due within %1 days").arg(f.params.dueSoonDays)}},
        {QStringLiteral("stale"), {f.stale, tr("No update for %1 days").arg(f.params.staleDays)}},
        {QStringLiteral("no_target"), {f.noTarget, tr("Ongoing / no target")}},
        {QStringLiteral("red"), {f.red, tr("Red")}},
        {QStringLiteral("amber"), {f.amber, tr("Amber")}},
        {QStringLiteral("open"), {f.open, tr("Open actions")}},
    };
    for (auto it = values.constBegin(); it != values.constEnd(); ++it) {
        QToolButton* b = m_countButtons.value(it.key());
        // The number large, its meaning under it in the body font.
        b->setText(number(it.value().first));
        b->setToolTip(tr("%1: list these actions").arg(it.value().second));
        b->setAccessibleName(QStringLiteral("%1 %2").arg(number(it.value().first), it.value().second));
        QLabel* caption = b->findChild<QLabel*>();
        if (!caption) {
            caption = new QLabel(b);
            caption->setAttribute(Qt::WA_TransparentForMouseEvents);
            caption->setAlignment(Qt::AlignHCenter | Qt::AlignBottom);
            caption->setWordWrap(true);
            caption->setStyleSheet(QStringLiteral("color: #333; font-size: 10pt; font-weight: normal;"
                                                  " background: transparent; border: none;"));
            auto* l = new QVBoxLayout(b);
            l->setContentsMargins(4, 0, 4, 6);
            l->addStretch(1);
            l->addWidget(caption);
        }
        caption->setText(it.value().second);
    }
}

void DashboardPage::fillAgencyChart()
{
    m_agencyChart->setChart(DashboardCharts::ragByAgency(m_figures.byAgency, 6));
}

void DashboardPage::fillCompletionChart()
{
    m_completionChart->setChart(DashboardCharts::completionByReview(m_figures.byReview, 6));
}

ActionFilter DashboardPage::baseFilter() const
{
    ActionFilter f;
    f.openOnly = true;
    f.asOf = m_figures.params.asOf;
    f.staleDays = m_figures.params.staleDays;
    f.dueSoonDays = m_figures.params.dueSoonDays;
    return f;
}

ActionFilter DashboardPage::filterFor(const QString& flag) const
{
    ActionFilter f = baseFilter();
    if (flag == QLatin1String("all"))
        f.openOnly = false;
    else if (flag == QLatin1String("overdue"))
        f.overdue = true;
    else if (flag == QLatin1String("due_soon"))
        f.dueSoon = true;
    else if (flag == QLatin1String("stale"))
        f.stale = true;
    else if (flag == QLatin1String("no_target"))
        f.noTarget = true;
    else if (flag == QLatin1String("red") || flag == QLatin1String("amber"))
        f.rags = {flag};
    return f;
}

ActionFilter DashboardPage::filterForCell(const QTableWidgetItem* item) const
{
    ActionFilter f = filterFor(item->data(FlagRole).toString());
    const qint64 id = item->data(GroupIdRole).toLongLong();
    const QString name = item->data(GroupNameRole).toString();
    switch (GroupKind(item->data(GroupKindRole).toInt())) {
    case AgencyGroup:
        f.agencyIds = {id};
        break;
    case OwnerGroup:
        f.owners = {name};
        break;
    case ThemeGroup:
        f.themes = {name};
        break;
    case ReviewGroup:
        f.reviewIds = {id};
        break;
    }
    return f;
}

} // namespace rt
