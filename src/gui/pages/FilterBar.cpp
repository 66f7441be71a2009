#include "FilterBar.h"

#include "ChoiceButton.h"
#include "core/PartialDate.h"
#include "core/Vocabulary.h"
#include "db/SavedFilterRepository.h"

#include <QDateEdit>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWidgetAction>
#include <functional>
#include <tuple>

namespace rt {

namespace {

constexpr int kTextDelayMs = 150;
const QString kUkDate = QStringLiteral("dd/MM/yyyy");

QString ukDate(const QDate& d)
{
    return PartialDate::dayString(d);
}

// "a", "a or b", "a, b or c"; long lists by their count.
QString either(const QStringList& names, const QString& many)
{
    if (names.size() > 3)
        return many.arg(names.size());
    if (names.size() <= 1)
        return names.value(0);
    return QStringList(names.mid(0, names.size() - 1)).join(QStringLiteral(", ")) + FilterBar::tr(" or ") +
           names.last();
}

QString kindLabel(const QString& code)
{
    ReviewKind k = ReviewKind::SCR;
    return reviewkind::fromCode(code, &k) ? reviewkind::shortLabel(k) : code;
}

QString statusLabel(const QString& code)
{
    ActionStatus s = ActionStatus::NotStarted;
    return status::fromCode(code, &s) ? status::label(s) : code;
}

QString ragLabel(const QString& code)
{
    if (code.isEmpty())
        return FilterBar::tr("Not rated");
    Rag r = Rag::None;
    return rag::fromCode(code, &r) ? rag::label(r) : code;
}

QString decisionLabel(const QString& code)
{
    if (code.isEmpty())
        return FilterBar::tr("No decision");
    Decision d = Decision::None;
    return decision::fromCode(code, &d) ? decision::label(d) : code;
}

// A whole day as typed in the UK (18/06/2020, 18/6/20, 2020-06-18), read by
// the program's one date reader; blank is no date.
QDate readUkDate(const QString& text, bool* ok)
{
    QString iso;
    *ok = PartialDate::parse(text, &iso) && (iso.isEmpty() || iso.size() == 10);
    return *ok && !iso.isEmpty() ? QDate::fromString(iso, Qt::ISODate) : QDate();
}

QToolButton* toggle(const QString& text, const QString& tip, const QString& name)
{
    auto* b = new QToolButton;
    b->setText(text);
    b->setToolTip(tip);
    b->setCheckable(true);
    b->setObjectName(name);
    return b;
}

} // namespace

FilterBar::FilterBar(QSqlDatabase db, QWidget* parent) : QWidget(parent), m_db(std::move(db))
{
    m_text = new QLineEdit;
    m_text->setObjectName(QStringLiteral("filterText"));
    m_text->setClearButtonEnabled(true);
    m_text->setPlaceholderText(
        tr("Search every text: action, owner, recommendation, review, updates (Ctrl+F)"));
    m_text->setMinimumWidth(260);
    m_textTimer = new QTimer(this);
    m_textTimer->setSingleShot(true);
    m_textTimer->setInterval(kTextDelayMs);
    // The list follows the text once typing pauses, so a keystroke never
    // waits for a query.
    connect(m_text, &QLineEdit::textChanged, m_textTimer, qOverload<>(&QTimer::start));
    connect(m_textTimer, &QTimer::timeout, this, [this] {
        if (m_filter.text == m_text->text())
            return;
        m_filter.text = m_text->text();
        changed();
    });

    buildChoiceButtons();

    m_targetFrom = new QLineEdit;
    m_targetTo = new QLineEdit;
    for (auto [edit, name, tip] :
         {std::make_tuple(m_targetFrom, "targetFrom", tr("Target due on or after this day (dd/mm/yyyy)")),
          std::make_tuple(m_targetTo, "targetTo", tr("Target due on or before this day (dd/mm/yyyy)"))}) {
        edit->setObjectName(QLatin1String(name));
        edit->setPlaceholderText(tr("dd/mm/yyyy"));
        edit->setToolTip(tip);
        edit->setClearButtonEnabled(true);
        edit->setFixedWidth(fontMetrics().horizontalAdvance(QStringLiteral("00/00/00000")) + 36);
        QDate* into = edit == m_targetFrom ? &m_filter.targetFrom : &m_filter.targetTo;
        connect(edit, &QLineEdit::editingFinished, this, [this, edit, into] { readDate(edit, into); });
        // Clearing with the clear button is done at once, not on leaving.
        connect(edit, &QLineEdit::textChanged, this, [this, edit, into](const QString& text) {
            if (text.isEmpty())
                readDate(edit, into);
        });
    }

    m_openOnly = toggle(tr("Open only"), tr("Not complete and not superseded"), QStringLiteral("openOnly"));
    m_overdue =
        toggle(tr("Overdue"), tr("Original target passed as of the date on the right, and still open"),
               QStringLiteral("overdue"));
    m_dueSoon = toggle(tr("Due soon"), QString(), QStringLiteral("dueSoon"));
    m_stale = toggle(tr("Stale"), QString(), QStringLiteral("stale"));
    m_noTarget = toggle(tr("No target"), tr("Open, with no target date or an “Ongoing” one"),
                        QStringLiteral("noTarget"));
    const QPair<QToolButton*, bool ActionFilter::*> flags[] = {{m_openOnly, &ActionFilter::openOnly},
                                                               {m_overdue, &ActionFilter::overdue},
                                                               {m_dueSoon, &ActionFilter::dueSoon},
                                                               {m_stale, &ActionFilter::stale},
                                                               {m_noTarget, &ActionFilter::noTarget}};
    for (const auto& [button, member] : flags) {
        connect(button, &QToolButton::toggled, this, [this, member = member](bool on) {
            if (m_filter.*member == on)
                return;
            m_filter.*member = on;
            changed();
        });
    }

    m_asOf = new QDateEdit;
    m_asOf->setObjectName(QStringLiteral("asOf"));
    m_asOf->setDisplayFormat(kUkDate);
    m_asOf->setCalendarPopup(true);
    m_asOf->setDate(QDate::currentDate());
    m_asOf->setToolTip(tr("The day Overdue, Due soon and Stale are read at"));
    connect(m_asOf, &QDateEdit::dateChanged, this, [this](const QDate& date) {
        // Today is kept as "today", so a filter left open tomorrow moves on.
        const QDate asOf = date == QDate::currentDate() ? QDate() : date;
        if (asOf == m_filter.asOf)
            return;
        m_filter.asOf = asOf;
        changed();
    });

    m_clear = new QToolButton;
    m_clear->setObjectName(QStringLiteral("clearFilter"));
    m_clear->setText(tr("Clear"));
    m_clear->setToolTip(tr("Show every action"));
    connect(m_clear, &QToolButton::clicked, this, [this] {
        if (m_filter.isEmpty())
            return;
        setFilter(ActionFilter());
        emit filterChanged(m_filter);
    });

    m_saved = new QToolButton;
    m_saved->setObjectName(QStringLiteral("savedFilters"));
    m_saved->setText(tr("Saved filters"));
    m_saved->setPopupMode(QToolButton::InstantPopup);
    m_saved->setMenu(new QMenu(m_saved));
    connect(m_saved->menu(), &QMenu::aboutToShow, this, &FilterBar::rebuildSavedMenu);

    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("filterSummary"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    QPalette muted = m_summary->palette();
    muted.setColor(QPalette::WindowText, QColor(0x44, 0x4C, 0x56));
    m_summary->setPalette(muted);

    auto* first = new QHBoxLayout;
    first->setSpacing(4);
    first->addWidget(m_text, 1);
    for (QToolButton* b : {static_cast<QToolButton*>(m_reviews), static_cast<QToolButton*>(m_kinds),
                           static_cast<QToolButton*>(m_agencies), static_cast<QToolButton*>(m_owners),
                           static_cast<QToolButton*>(m_statuses), static_cast<QToolButton*>(m_rags),
                           static_cast<QToolButton*>(m_themes), static_cast<QToolButton*>(m_decisions)})
        first->addWidget(b);

    auto* second = new QHBoxLayout;
    second->setSpacing(4);
    second->addWidget(new QLabel(tr("Target from")));
    second->addWidget(m_targetFrom);
    second->addWidget(new QLabel(tr("to")));
    second->addWidget(m_targetTo);
    second->addSpacing(12);
    for (QToolButton* b : {m_openOnly, m_overdue, m_dueSoon, m_stale, m_noTarget})
        second->addWidget(b);
    second->addSpacing(4);
    auto* asOfLabel = new QLabel(tr("as of"));
    asOfLabel->setBuddy(m_asOf);
    second->addWidget(asOfLabel);
    second->addWidget(m_asOf);
    second->addStretch(1);
    second->addWidget(m_clear);
    second->addWidget(m_saved);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(first);
    layout->addLayout(second);
    layout->addWidget(m_summary);
    setFocusProxy(m_text);

    reloadChoices();
    showFilter();
}

void FilterBar::buildChoiceButtons()
{
    m_reviews = new ChoiceButton(tr("Review"), QStringLiteral("reviewChoice"), this);
    m_kinds = new ChoiceButton(tr("Kind"), QStringLiteral("kindChoice"), this);
    m_agencies = new ChoiceButton(tr("Agency"), QStringLiteral("agencyChoice"), this);
    m_owners = new ChoiceButton(tr("Owner"), QStringLiteral("ownerChoice"), this);
    m_statuses = new ChoiceButton(tr("Status"), QStringLiteral("statusChoice"), this);
    m_rags = new ChoiceButton(tr("RAG"), QStringLiteral("ragChoice"), this);
    m_themes = new ChoiceButton(tr("Theme"), QStringLiteral("themeChoice"), this);
    m_decisions = new ChoiceButton(tr("Decision"), QStringLiteral("decisionChoice"), this);

    auto ids = [](const QVariantList& values) {
        QList<qint64> out;
        for (const QVariant& v : values)
            out << v.toLongLong();
        return out;
    };
    auto strings = [](const QVariantList& values) {
        QStringList out;
        for (const QVariant& v : values)
            out << v.toString();
        return out;
    };
    m_reviews->onChanged = [this, ids] {
        m_filter.reviewIds = ids(m_reviews->values());
        changed();
    };
    m_agencies->onChanged = [this, ids] {
        m_filter.agencyIds = ids(m_agencies->values());
        changed();
    };
    const QPair<ChoiceButton*, QStringList ActionFilter::*> lists[] = {
        {m_kinds, &ActionFilter::kinds},       {m_owners, &ActionFilter::owners},
        {m_statuses, &ActionFilter::statuses}, {m_rags, &ActionFilter::rags},
        {m_themes, &ActionFilter::themes},     {m_decisions, &ActionFilter::decisions}};
    for (const auto& [button, member] : lists) {
        button->onChanged = [this, strings, button = button, member = member] {
            m_filter.*member = strings(button->values());
            changed();
        };
    }

    // The closed sets are the same in every file.
    QVector<QPair<QString, QVariant>> kinds;
    for (ReviewKind k : {ReviewKind::SCR, ReviewKind::LCSPR, ReviewKind::RapidReview, ReviewKind::Section11,
                         ReviewKind::Audit})
        kinds.append({reviewkind::label(k), reviewkind::code(k)});
    m_kinds->setItems(kinds);
    QVector<QPair<QString, QVariant>> statuses;
    for (const QString& code : status::allCodes())
        statuses.append({statusLabel(code), code});
    m_statuses->setItems(statuses);
    QVector<QPair<QString, QVariant>> rags;
    for (Rag r : {Rag::Red, Rag::Amber, Rag::Green, Rag::Blue, Rag::None})
        rags.append({ragLabel(rag::code(r)), rag::code(r)});
    m_rags->setItems(rags);
    QVector<QPair<QString, QVariant>> decisions;
    for (Decision d : {Decision::Agreed, Decision::PartlyAgreed, Decision::NotAgreed, Decision::None})
        decisions.append({decisionLabel(decision::code(d)), decision::code(d)});
    m_decisions->setItems(decisions);
}

void FilterBar::reloadChoices()
{
    QString error;
    if (!ActionFilterSql::choices(m_db, &m_choices, &error))
        m_summary->setToolTip(tr("The lists could not be read: %1").arg(error));
    fillChoices();
    m_summary->setText(summary());
}

void FilterBar::fillChoices()
{
    QVector<QPair<QString, QVariant>> reviews, agencies, owners, themes;
    for (const auto& r : m_choices.reviews)
        reviews.append({r.name, r.id});
    for (const auto& a : m_choices.agencies)
        agencies.append({a.name, a.id});
    agencies.append({tr("No agency"), qint64(0)});
    for (const QString& o : m_choices.owners)
        owners.append({o, o});
    for (const QString& t : m_choices.themes)
        themes.append({t, t});
    m_reviews->setItems(reviews);
    m_agencies->setItems(agencies);
    m_owners->setItems(owners);
    m_themes->setItems(themes);
}

void FilterBar::focusText()
{
    m_text->setFocus(Qt::ShortcutFocusReason);
    m_text->selectAll();
}

void FilterBar::setFilter(const ActionFilter& filter)
{
    m_filter = filter;
    showFilter();
}

void FilterBar::showFilter()
{
    const QSignalBlocker textBlock(m_text);
    m_textTimer->stop();
    if (m_text->text() != m_filter.text)
        m_text->setText(m_filter.text);

    auto variants = [](const auto& list) {
        QVariantList out;
        for (const auto& v : list)
            out << QVariant::fromValue(v);
        return out;
    };
    m_reviews->setValues(variants(m_filter.reviewIds));
    m_kinds->setValues(variants(m_filter.kinds));
    m_agencies->setValues(variants(m_filter.agencyIds));
    m_owners->setValues(variants(m_filter.owners));
    m_statuses->setValues(variants(m_filter.statuses));
    m_rags->setValues(variants(m_filter.rags));
    m_themes->setValues(variants(m_filter.themes));
    m_decisions->setValues(variants(m_filter.decisions));

    for (auto [edit, date] :
         {std::make_pair(m_targetFrom, m_filter.targetFrom), std::make_pair(m_targetTo, m_filter.targetTo)}) {
        const QSignalBlocker block(edit);
        edit->setText(date.isValid() ? ukDate(date) : QString());
        edit->setStyleSheet(QString());
    }
    const QPair<QToolButton*, bool> flags[] = {{m_openOnly, m_filter.openOnly},
                                               {m_overdue, m_filter.overdue},
                                               {m_dueSoon, m_filter.dueSoon},
                                               {m_stale, m_filter.stale},
                                               {m_noTarget, m_filter.noTarget}};
    for (const auto& [button, on] : flags) {
        const QSignalBlocker block(button);
        button->setChecked(on);
    }
    m_dueSoon->setToolTip(
        tr("Open, with the original target within %1 days of the as-of date").arg(m_filter.dueSoonDays));
    m_stale->setToolTip(
        tr("Open, with no progress update for %1 days (or none at all)").arg(m_filter.staleDays));
    {
        const QSignalBlocker block(m_asOf);
        m_asOf->setDate(m_filter.effectiveAsOf());
    }
    m_summary->setText(summary());
}

void FilterBar::changed()
{
    // A pending text change goes with this one, so the list reads the box
    // as it is now.
    if (m_textTimer->isActive()) {
        m_textTimer->stop();
        m_filter.text = m_text->text();
    }
    m_summary->setText(summary());
    emit filterChanged(m_filter);
}

void FilterBar::readDate(QLineEdit* edit, QDate* into)
{
    bool ok = false;
    const QDate date = readUkDate(edit->text(), &ok);
    if (!ok) {
        // Refused, and said so where the user is looking; the filter keeps
        // the date it had.
        edit->setStyleSheet(QStringLiteral("QLineEdit { background: #FBE3E3; }"));
        edit->setToolTip(tr("“%1” is not a date: write it as dd/mm/yyyy, e.g. 31/03/2024").arg(edit->text()));
        return;
    }
    edit->setStyleSheet(QString());
    if (date.isValid()) {
        const QSignalBlocker block(edit);
        edit->setText(ukDate(date));
    }
    if (*into == date)
        return;
    *into = date;
    changed();
}

QString FilterBar::summary() const
{
    const ActionFilter& f = m_filter;
    QStringList parts;
    if (!f.text.trimmed().isEmpty())
        parts << tr("words “%1”").arg(f.text.simplified());
    QStringList names;
    for (const QString& c : f.rags)
        names << ragLabel(c);
    if (!names.isEmpty())
        parts << either(names, tr("%1 RAG ratings"));
    names.clear();
    for (const QString& c : f.statuses)
        names << statusLabel(c);
    if (!names.isEmpty())
        parts << either(names, tr("%1 statuses"));

    QStringList flags;
    if (f.openOnly && !(f.overdue || f.dueSoon || f.stale || f.noTarget))
        flags << tr("open");
    if (f.overdue)
        flags << tr("overdue");
    if (f.dueSoon)
        flags << tr("due within %1 days").arg(f.dueSoonDays);
    if (f.stale)
        flags << tr("no update for %1 days").arg(f.staleDays);
    if (f.noTarget)
        flags << tr("no target or ongoing");
    if (f.revised)
        flags << tr("with a revised target");
    if (!flags.isEmpty()) {
        QString text = flags.join(tr(" and "));
        if (f.overdue || f.dueSoon || f.stale)
            text += tr(" as of %1").arg(ukDate(f.effectiveAsOf()));
        parts << text;
    }

    names = m_agencies->labels();
    if (!names.isEmpty())
        parts << either(names, tr("%1 agencies"));
    if (!f.owners.isEmpty())
        parts << tr("owned by %1").arg(either(f.owners, tr("%1 owners")));
    names = m_reviews->labels();
    if (!names.isEmpty())
        parts << either(names, tr("%1 reviews"));
    names.clear();
    for (const QString& c : f.kinds)
        names << kindLabel(c);
    if (!names.isEmpty())
        parts << either(names, tr("%1 kinds of review"));
    if (!f.themes.isEmpty())
        parts << tr("theme %1").arg(either(f.themes, tr("one of %1 themes")));
    names.clear();
    for (const QString& c : f.decisions)
        names << decisionLabel(c);
    if (!names.isEmpty())
        parts << either(names, tr("%1 decisions"));
    if (f.targetFrom.isValid() && f.targetTo.isValid())
        parts << tr("target %1 to %2").arg(ukDate(f.targetFrom), ukDate(f.targetTo));
    else if (f.targetFrom.isValid())
        parts << tr("target on or after %1").arg(ukDate(f.targetFrom));
    else if (f.targetTo.isValid())
        parts << tr("target by %1").arg(ukDate(f.targetTo));
    // An as-of date alone narrows nothing.
    return parts.isEmpty() ? tr("Showing every action") : parts.join(QStringLiteral(" · "));
}

} // namespace rt
