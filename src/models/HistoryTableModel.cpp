#include "HistoryTableModel.h"

#include "core/PartialDate.h"
#include "core/Vocabulary.h"

#include <QColor>
#include <QJsonDocument>
#include <QJsonValue>
#include <QPalette>
#include <QTimer>
#include <algorithm>
#include <utility>

namespace rt {

namespace {

// Whether code is one of the words of a list.
bool isOneOf(const QString& code, std::initializer_list<const char*> words)
{
    return std::any_of(words.begin(), words.end(),
                       [&code](const char* w) { return code == QLatin1String(w); });
}

// Detail rows (an owner of an action, a progress update) are shown against
// the record they belong to; the What column says which detail it was.
bool shownUnderParent(const QString& entity)
{
    return isOneOf(entity, {"update", "action_owner", "action_link", "recommendation_theme",
                            "response_recommendation", "review_link", "agency_alias", "s11_agency"});
}

// The logged row's columns that say nothing to a reader.
bool hiddenKey(const QString& key)
{
    return isOneOf(key, {"id", "rowid", "version", "last_update", "sort_key", "target_precision",
                         "target_due", "revised_target_precision", "revised_target_due", "status_text"});
}

bool isDateField(const QString& field)
{
    return isOneOf(field,
                   {"date", "initiated", "completed", "published", "target_due", "revised_target_due"});
}

// The kind of record an id column names.
QString referencedKind(const QString& key, const QString& entity)
{
    if (key == QLatin1String("parent_id") && entity == QLatin1String("recommendation"))
        return QStringLiteral("recommendation");
    static const std::pair<const char*, const char*> kinds[] = {
        {"owner_id", "owner"},           {"agency_id", "agency"},
        {"theme_id", "theme"},           {"action_id", "action"},
        {"linked_action_id", "action"},  {"review_id", "review"},
        {"linked_review_id", "review"},  {"recommendation_id", "recommendation"},
        {"section_id", "section"},       {"response_id", "response"},
        {"standard_id", "s11_standard"}, {"audit_id", "s11_audit"}};
    for (const auto& [column, kind] : kinds) {
        if (key == QLatin1String(column))
            return QLatin1String(kind);
    }
    return QString();
}

// One line for a cell: lines joined, shortened at a word.
QString oneLine(const QString& text, int maxLength)
{
    QStringList lines;
    for (const QString& line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        if (!line.trimmed().isEmpty())
            lines << line.trimmed();
    }
    QString joined = lines.join(QStringLiteral(" / "));
    if (joined.size() <= maxLength)
        return joined;
    int cut = joined.lastIndexOf(QLatin1Char(' '), maxLength);
    if (cut < maxLength / 2)
        cut = maxLength;
    return joined.left(cut).trimmed() + QStringLiteral(" …");
}

// A tooltip that wraps: Qt wraps rich text, never plain text.
QString wrappingTip(const QString& text)
{
    if (text.isEmpty())
        return QString();
    return QStringLiteral("<p style='white-space:pre-wrap'>%1</p>").arg(text.toHtmlEscaped());
}

QJsonObject jsonRow(const QVariant& value)
{
    const QString text = value.toString().trimmed();
    if (!text.startsWith(QLatin1Char('{')))
        return QJsonObject();
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

QString jsonText(const QJsonValue& v)
{
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 15);
    if (v.isBool())
        return v.toBool() ? QStringLiteral("1") : QStringLiteral("0");
    return v.toString();
}

// A code and its words, for the tables below.
struct Label
{
    const char* code;
    const char* text;
};

template <size_t N> const char* find(const Label (&table)[N], const QString& code)
{
    for (const Label& l : table) {
        if (code == QLatin1String(l.code))
            return l.text;
    }
    return nullptr;
}

// A column no table names, in words: "linked_year" → "Linked year".
QString fallbackLabel(const QString& code)
{
    QString words = code;
    words.replace(QLatin1Char('_'), QLatin1Char(' '));
    return words.left(1).toUpper() + words.mid(1);
}

} // namespace

HistoryTableModel::HistoryTableModel(QSqlDatabase db, QObject* parent)
    : QAbstractTableModel(parent), m_db(std::move(db)), m_queries(std::make_unique<HistoryQueries>(m_db))
{
    m_cursor.done = true; // nothing asked for yet
}

void HistoryTableModel::setFilter(const HistoryFilter& filter)
{
    m_filter = filter;
    reload();
}

void HistoryTableModel::reload()
{
    ++m_generation; // a slice still queued for the old rows is dropped
    beginResetModel();
    m_rows.clear();
    m_cursor = HistoryCursor();
    m_queries->clearCache();
    m_error.clear();
    m_wanted = 0;
    endResetModel();
    m_wanted = kPageSize;
    step(m_generation);
}

void HistoryTableModel::step(int generation)
{
    if (generation != m_generation || m_wanted <= 0)
        return;
    QVector<HistoryEntry> entries;
    if (!m_queries->fetch(m_filter, &m_cursor, m_wanted, m_budgetMs, &entries)) {
        m_error = tr("The change history could not be read: %1").arg(m_queries->errorString());
        m_cursor.done = true;
        m_wanted = 0;
        emit loadFailed(m_error);
        return;
    }
    if (!entries.isEmpty()) {
        QVector<Row> rows;
        rows.reserve(entries.size());
        for (const HistoryEntry& e : entries)
            rows.append(format(e));
        beginInsertRows(QModelIndex(), m_rows.size(), m_rows.size() + rows.size() - 1);
        m_rows += rows;
        endInsertRows();
    }
    m_wanted -= entries.size();
    if (m_cursor.done)
        m_wanted = 0;
    if (m_wanted > 0)
        QTimer::singleShot(0, this, [this, generation] { step(generation); });
    emit progressed();
}

QDate HistoryTableModel::searchedBackTo() const
{
    if (!m_cursor.started)
        return QDate();
    QDateTime at = QDateTime::fromString(m_cursor.at, Qt::ISODate);
    at.setTimeSpec(Qt::UTC);
    return at.toLocalTime().date();
}

const HistoryEntry* HistoryTableModel::entryAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row).entry : nullptr;
}

bool HistoryTableModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_cursor.done && m_wanted == 0;
}

void HistoryTableModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent))
        return;
    m_wanted = kPageSize;
    step(m_generation);
}

int HistoryTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_rows.size();
}

int HistoryTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HistoryTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    static const char* const names[ColumnCount] = {
        QT_TR_NOOP("When"), QT_TR_NOOP("Who"),  QT_TR_NOOP("Review"), QT_TR_NOOP("Record"),
        QT_TR_NOOP("What"), QT_TR_NOOP("From"), QT_TR_NOOP("To"),     QT_TR_NOOP("Change")};
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return QVariant();
    return tr(names[section]);
}

Qt::ItemFlags HistoryTableModel::flags(const QModelIndex& index) const
{
    // History is evidence: it is read, never edited here.
    return index.isValid() ? Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren
                           : Qt::NoItemFlags;
}

QVariant HistoryTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return QVariant();
    const Row& r = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return column >= 0 && column < ColumnCount ? r.text[column] : QString();
    case Qt::ToolTipRole:
        return column >= 0 && column < ColumnCount && !r.tip[column].isEmpty() ? QVariant(r.tip[column])
                                                                               : QVariant();
    case Qt::ForegroundRole:
        if (column >= 0 && column < ColumnCount && r.grey[column])
            return QPalette().brush(QPalette::PlaceholderText);
        break;
    case Qt::TextAlignmentRole:
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    case HistoryIdRole:
        return r.entry.id;
    case EntityRole:
        return r.entry.entity;
    case FieldRole:
        return r.entry.field;
    case OpenActionRole:
        return r.openAction;
    case OpenReviewRole:
        return r.openReview;
    case RecordExistsRole:
        return r.exists;
    }
    return QVariant();
}

HistoryTableModel::Row HistoryTableModel::format(const HistoryEntry& e)
{
    Row r;
    r.entry = e;
    const QDateTime local = e.at.toLocalTime();
    r.text[WhenColumn] = local.toString(QStringLiteral("dd/MM/yyyy HH:mm"));
    r.tip[WhenColumn] = tr("%1 (%2 UTC)")
                            .arg(local.toString(QStringLiteral("dd/MM/yyyy HH:mm:ss")),
                                 e.at.toString(QStringLiteral("dd/MM/yyyy HH:mm:ss")));
    r.text[WhoColumn] = e.who.isEmpty() ? tr("(unknown)") : e.who;

    r.text[ReviewColumn] = r.tip[ReviewColumn] = m_queries->reviewLabel(e.reviewId);

    // The record the row is shown against, and what opens it.
    const bool underParent = shownUnderParent(e.entity) && !e.parentEntity.isEmpty() && e.parentId > 0;
    const QString kind = underParent ? e.parentEntity : e.entity;
    const qint64 id = underParent ? e.parentId : e.entityId;
    const HistoryRecord record = m_queries->record(kind, id);
    r.exists = record.exists;
    QString& label = r.text[RecordColumn];
    if (!record.label.isEmpty())
        label = tr("%1 %2").arg(kindLabel(kind), record.label);
    else if (!record.recommendationLabel.isEmpty()) // an unnumbered action
        label = tr("Action (rec. %1)").arg(record.recommendationLabel);
    else
        label = kindLabel(kind);
    r.tip[RecordColumn] = record.exists ? label : tr("%1 — no longer in the database").arg(label);
    r.grey[RecordColumn] = !record.exists;
    if (kind == QLatin1String("action") && record.exists)
        r.openAction = id;
    const qint64 reviewId = record.exists && record.reviewId > 0 ? record.reviewId : e.reviewId;
    if (reviewId > 0 && m_queries->record(QStringLiteral("review"), reviewId).exists)
        r.openReview = reviewId;

    // What adding or removing a detail is called ("Owner added"); a record
    // of its own is "created" or "deleted".
    auto detailLabel = [](const QString& entity, bool added) -> const char* {
        struct Detail
        {
            const char* entity;
            const char* added;
            const char* removed;
        };
        static const Detail details[] = {
            {"update", QT_TR_NOOP("Progress update added"), QT_TR_NOOP("Progress update deleted")},
            {"action_owner", QT_TR_NOOP("Owner added"), QT_TR_NOOP("Owner removed")},
            {"action_link", QT_TR_NOOP("Linked action added"), QT_TR_NOOP("Linked action removed")},
            {"recommendation_theme", QT_TR_NOOP("Theme added"), QT_TR_NOOP("Theme removed")},
            {"response_recommendation", QT_TR_NOOP("Recommendation answered"),
             QT_TR_NOOP("Recommendation no longer answered")},
            {"review_link", QT_TR_NOOP("Linked review added"), QT_TR_NOOP("Linked review removed")},
            {"plan_version", QT_TR_NOOP("Plan version added"), QT_TR_NOOP("Plan version removed")},
            {"agency_alias", QT_TR_NOOP("Other name added"), QT_TR_NOOP("Other name removed")},
            {"s11_agency", QT_TR_NOOP("Agency added to the audit"),
             QT_TR_NOOP("Agency removed from the audit")},
            {"s11_standard", QT_TR_NOOP("Standard added"), QT_TR_NOOP("Standard removed")},
            {"s11_theme", QT_TR_NOOP("Theme judgement added"), QT_TR_NOOP("Theme judgement removed")},
            {"s11_rating", QT_TR_NOOP("Rating given"), QT_TR_NOOP("Rating cleared")}};
        for (const Detail& d : details) {
            if (entity == QLatin1String(d.entity))
                return added ? d.added : d.removed;
        }
        return nullptr;
    };
    // What happened, and the values either side.
    const QString field = e.field;
    if (field == QLatin1String("created")) {
        const char* added = detailLabel(e.entity, true);
        r.text[WhatColumn] = added ? tr(added) : tr("%1 created").arg(kindLabel(e.entity));
        setValue(e.entity, field, e.newValue, &r.text[ToColumn], &r.tip[ToColumn], &r.grey[ToColumn]);
    } else if (field == QLatin1String("deleted")) {
        const char* removed = detailLabel(e.entity, false);
        r.text[WhatColumn] = removed ? tr(removed) : tr("%1 deleted").arg(kindLabel(e.entity));
        setValue(e.entity, field, e.oldValue, &r.text[FromColumn], &r.tip[FromColumn], &r.grey[FromColumn]);
    } else if (field == QLatin1String("update") && e.entity == QLatin1String("action")) {
        // Before schema 5 an update added to an action was logged on the action.
        r.text[WhatColumn] = tr("Progress update added");
        setValue(e.entity, field, e.newValue, &r.text[ToColumn], &r.tip[ToColumn], &r.grey[ToColumn]);
    } else {
        r.text[WhatColumn] = fieldLabel(e.entity, field);
        setValue(e.entity, field, e.oldValue, &r.text[FromColumn], &r.tip[FromColumn], &r.grey[FromColumn]);
        setValue(e.entity, field, e.newValue, &r.text[ToColumn], &r.tip[ToColumn], &r.grey[ToColumn]);
    }
    // The narrow panes' one column: "from → to", or the one side there is.
    for (int side : {int(FromColumn), int(ToColumn)}) {
        if (r.grey[side])
            r.text[side] = tr("(blank)");
    }
    const QString& from = r.text[FromColumn];
    const QString& to = r.text[ToColumn];
    r.text[ChangeColumn] = from.isEmpty() || to.isEmpty() ? from + to : tr("%1 → %2").arg(from, to);
    const QString& fromTip = r.tip[FromColumn];
    const QString& toTip = r.tip[ToColumn];
    r.tip[ChangeColumn] = fromTip.isEmpty() || toTip.isEmpty()
                              ? fromTip + toTip
                              : tr("<b>From</b>%1<b>To</b>%2").arg(fromTip, toTip);
    return r;
}

void HistoryTableModel::setValue(const QString& entity, const QString& field, const QVariant& value,
                                 QString* text, QString* tip, bool* blank)
{
    const bool wholeRow = field == QLatin1String("created") || field == QLatin1String("deleted") ||
                          field == QLatin1String("update");
    // Nothing before a creation, nothing after a deletion; a field that was
    // or became empty (NULL or '') reads "(blank)".
    *blank = !wholeRow && value.isNull();
    if (value.isNull())
        return;
    const QJsonObject row = wholeRow ? jsonRow(value) : QJsonObject();
    QString full;
    if (!row.isEmpty()) {
        full = rowSummary(entity, row);
        *tip = wrappingTip(rowDetails(entity, row));
    } else {
        // A changed field, or a row logged before schema 5 as its text.
        full = wholeRow ? value.toString() : valueText(entity, field, value.toString());
        *tip = wrappingTip(full);
    }
    if (full.trimmed().isEmpty()) {
        *blank = !wholeRow;
        return;
    }
    *text = oneLine(full, m_maxCell);
}

QString HistoryTableModel::referenceText(const QString& kind, const QJsonValue& value)
{
    const qint64 id = value.toInteger();
    if (id <= 0)
        return QString();
    const HistoryRecord r = m_queries->record(kind, id);
    if (r.label.isEmpty())
        return tr("%1 (no longer in the database)").arg(kindLabel(kind));
    return r.label;
}

QString HistoryTableModel::valueText(const QString& entity, const QString& field, const QString& value)
{
    if (field == QLatin1String("status")) {
        ActionStatus s;
        return status::fromCode(value, &s) ? status::label(s) : value;
    }
    if (field == QLatin1String("rag") || field == QLatin1String("partnership_rag")) {
        Rag r;
        return rag::fromCode(value, &r) ? rag::label(r) : value;
    }
    if (field == QLatin1String("decision")) {
        Decision d;
        return decision::fromCode(value, &d) ? decision::label(d) : value;
    }
    if (value.isEmpty())
        return QString();
    if (field == QLatin1String("rating")) {
        S11Rating r;
        return s11::fromCode(value, &r) ? s11::label(r) : value;
    }
    if (field == QLatin1String("response_decision")) {
        ResponseDecision d;
        return responsedecision::fromWritten(value, &d) ? responsedecision::label(d) : value;
    }
    if (field == QLatin1String("kind") && entity == QLatin1String("review")) {
        ReviewKind k;
        return reviewkind::fromCode(value, &k) ? reviewkind::label(k) : value;
    }
    if (field == QLatin1String("kind") || field == QLatin1String("decision_reason"))
        return value.left(1).toUpper() + value.mid(1);
    if (field == QLatin1String("publication_withheld"))
        return value == QLatin1String("1") ? tr("Yes") : tr("No");
    if (isDateField(field) && PartialDate::isValidIso(value))
        return PartialDate::toDisplayString(value);
    const QString kind = referencedKind(field, entity);
    if (!kind.isEmpty()) {
        const HistoryRecord r = m_queries->record(kind, value.toLongLong());
        return r.label.isEmpty() ? tr("%1 (no longer in the database)").arg(kindLabel(kind))
                                 : tr("%1 %2").arg(kindLabel(kind), r.label);
    }
    return value;
}

QString HistoryTableModel::rowSummary(const QString& entity, const QJsonObject& row)
{
    auto text = [&row](const char* key) { return jsonText(row.value(QLatin1String(key))).trimmed(); };
    auto numbered = [&](const QString& number, const QString& words) {
        if (number.isEmpty())
            return words;
        return words.isEmpty() ? number : tr("%1 — %2").arg(number, words);
    };
    auto ref = [&](const char* key) {
        return referenceText(referencedKind(QLatin1String(key), entity), row.value(QLatin1String(key)));
    };

    if (entity == QLatin1String("update")) {
        QString date = text("date");
        date = date.isEmpty() ? tr("Undated") : PartialDate::toDisplayString(date);
        QString words = tr("%1: %2").arg(date, text("text"));
        Rag r;
        if (rag::fromCode(text("rag"), &r) && r != Rag::None)
            words += tr(" (%1)").arg(rag::label(r));
        return words;
    }
    if (entity == QLatin1String("action_owner"))
        return ref("owner_id");
    if (entity == QLatin1String("action_link"))
        return numbered(tr("Action %1").arg(ref("linked_action_id")), text("note"));
    if (entity == QLatin1String("recommendation_theme"))
        return ref("theme_id");
    if (entity == QLatin1String("response_recommendation"))
        return tr("Recommendation %1").arg(ref("recommendation_id"));
    if (entity == QLatin1String("s11_agency"))
        return ref("agency_id");
    if (entity == QLatin1String("s11_rating")) {
        S11Rating rating;
        // The agency and standard are the Record's (and the tooltip's): the
        // cell shows the panel's words.
        const QString label = s11::fromCode(text("rating"), &rating) ? s11::label(rating) : text("rating");
        return text("rating_text").isEmpty() ? label : text("rating_text");
    }
    if (entity == QLatin1String("review_link")) {
        QString linked = row.value(QLatin1String("linked_review_id")).toInteger() > 0
                             ? ref("linked_review_id")
                             : text("linked_title");
        if (linked.isEmpty())
            linked = text("linked_reference");
        return numbered(linked, text("note"));
    }
    if (entity == QLatin1String("plan_version"))
        return numbered(text("version"), PartialDate::toDisplayString(text("date")));
    if (entity == QLatin1String("review"))
        return numbered(text("reference"), text("title"));
    if (entity == QLatin1String("s11_audit"))
        return text("year");
    if (entity == QLatin1String("s11_theme"))
        return text("title");
    // A numbered record with words: actions, recommendations, responses,
    // sections, standards; a named one: owners, agencies, themes, filters.
    const QString title = text("title");
    const QString body = text("text");
    QString words = title.isEmpty() ? body : (body.isEmpty() ? title : tr("%1: %2").arg(title, body));
    if (words.isEmpty())
        words = text("name").isEmpty() ? text("alias") : text("name");
    return numbered(text("number"), words);
}

QString HistoryTableModel::rowDetails(const QString& entity, const QJsonObject& row)
{
    QStringList lines;
    for (auto it = row.constBegin(); it != row.constEnd(); ++it) {
        const bool planVersion =
            entity == QLatin1String("plan_version") && it.key() == QLatin1String("version");
        if ((hiddenKey(it.key()) && !planVersion) || it.key() == QLatin1String("position"))
            continue;
        const QString raw = jsonText(it.value()).trimmed();
        if (raw.isEmpty() || (raw == QLatin1String("0") && it.key() == QLatin1String("publication_withheld")))
            continue;
        const QString kind = referencedKind(it.key(), entity);
        const QString value =
            kind.isEmpty() ? valueText(entity, it.key(), raw) : referenceText(kind, it.value());
        lines << tr("%1: %2").arg(fieldLabel(entity, it.key()), value);
    }
    return lines.join(QLatin1Char('\n'));
}

QString HistoryTableModel::kindLabel(const QString& entity)
{
    // clang-format off
    static const Label kinds[] = {
        {"review", QT_TR_NOOP("Review")}, {"review_link", QT_TR_NOOP("Review link")},
        {"plan_version", QT_TR_NOOP("Plan version")}, {"section", QT_TR_NOOP("Section")},
        {"theme", QT_TR_NOOP("Theme")}, {"recommendation", QT_TR_NOOP("Recommendation")},
        {"recommendation_theme", QT_TR_NOOP("Recommendation theme")}, {"response", QT_TR_NOOP("Response")},
        {"response_recommendation", QT_TR_NOOP("Answered recommendation")},
        {"action", QT_TR_NOOP("Action")}, {"action_owner", QT_TR_NOOP("Action owner")},
        {"action_link", QT_TR_NOOP("Action link")}, {"update", QT_TR_NOOP("Progress update")},
        {"owner", QT_TR_NOOP("Owner")}, {"agency", QT_TR_NOOP("Agency")},
        {"agency_alias", QT_TR_NOOP("Agency's other name")}, {"s11_audit", QT_TR_NOOP("Section 11 audit")},
        {"s11_standard", QT_TR_NOOP("Standard")}, {"s11_theme", QT_TR_NOOP("Section 11 theme")},
        {"s11_agency", QT_TR_NOOP("Audited agency")}, {"s11_rating", QT_TR_NOOP("Rating")},
        {"saved_filter", QT_TR_NOOP("Saved filter")}};
    // clang-format on
    if (const char* label = find(kinds, entity))
        return tr(label);
    return fallbackLabel(entity);
}

QString HistoryTableModel::fieldLabel(const QString& entity, const QString& field)
{
    if (field == QLatin1String("text")) {
        if (entity == QLatin1String("action"))
            return tr("Action text");
        if (entity == QLatin1String("recommendation"))
            return tr("Recommendation text");
        if (entity == QLatin1String("response"))
            return tr("Response text");
        return tr("Text");
    }
    // clang-format off
    static const Label fields[] = {
        {"status", QT_TR_NOOP("Status")}, {"rag", QT_TR_NOOP("RAG rating")},
        {"partnership_rag", QT_TR_NOOP("Partnership RAG")}, {"target", QT_TR_NOOP("Target date")},
        {"target_text", QT_TR_NOOP("Target date")}, {"revised_target", QT_TR_NOOP("Revised target date")},
        {"revised_target_text", QT_TR_NOOP("Revised target date")}, {"owner_text", QT_TR_NOOP("Owners")},
        {"owner_id", QT_TR_NOOP("Owner")}, {"agency_id", QT_TR_NOOP("Agency")},
        {"success_measure", QT_TR_NOOP("Success measure")}, {"evidence", QT_TR_NOOP("Evidence")},
        {"number", QT_TR_NOOP("Number")}, {"title", QT_TR_NOOP("Title")}, {"name", QT_TR_NOOP("Name")},
        {"short_name", QT_TR_NOOP("Short name")}, {"decision", QT_TR_NOOP("Decision")},
        {"decision_reason", QT_TR_NOOP("Reason for the decision")},
        {"decision_explanation", QT_TR_NOOP("Explanation of the decision")},
        {"response_decision", QT_TR_NOOP("Response decision")}, {"answered_by", QT_TR_NOOP("Answered by")},
        {"addressed_to", QT_TR_NOOP("Addressed to")}, {"kind", QT_TR_NOOP("Kind")},
        {"parent_id", QT_TR_NOOP("Parent recommendation")}, {"section_id", QT_TR_NOOP("Section")},
        {"reference", QT_TR_NOOP("Reference")}, {"body", QT_TR_NOOP("Safeguarding body")},
        {"year", QT_TR_NOOP("Year")}, {"initiated", QT_TR_NOOP("Initiated")},
        {"completed", QT_TR_NOOP("Completed")}, {"published", QT_TR_NOOP("Published")},
        {"publication_withheld", QT_TR_NOOP("Publication withheld")},
        {"withheld_reason", QT_TR_NOOP("Reason withheld")}, {"summary", QT_TR_NOOP("Summary")},
        {"source", QT_TR_NOOP("Source")}, {"position", QT_TR_NOOP("Place in the list")},
        {"note", QT_TR_NOOP("Note")}, {"version", QT_TR_NOOP("Version")}, {"date", QT_TR_NOOP("Date")},
        {"comment", QT_TR_NOOP("Comment")}, {"comments", QT_TR_NOOP("Comments")},
        {"rating", QT_TR_NOOP("Rating")}, {"rating_text", QT_TR_NOOP("Panel's wording")},
        {"label", QT_TR_NOOP("Label")}, {"author", QT_TR_NOOP("Author")},
        {"linked_review_id", QT_TR_NOOP("Linked review")},
        {"linked_reference", QT_TR_NOOP("Linked review's reference")},
        {"linked_title", QT_TR_NOOP("Linked review's title")},
        {"linked_year", QT_TR_NOOP("Linked review's year")},
        {"linked_action_id", QT_TR_NOOP("Linked action")}, {"alias", QT_TR_NOOP("Other name")},
        {"panel", QT_TR_NOOP("Panel")}, {"spec", QT_TR_NOOP("Filter")}, {"view", QT_TR_NOOP("View")},
        {"description", QT_TR_NOOP("Description")}, {"recommendation_id", QT_TR_NOOP("Recommendation")},
        {"action_id", QT_TR_NOOP("Action")}, {"review_id", QT_TR_NOOP("Review")},
        {"theme_id", QT_TR_NOOP("Theme")}, {"standard_id", QT_TR_NOOP("Standard")},
        {"audit_id", QT_TR_NOOP("Audit")}, {"response_id", QT_TR_NOOP("Response")}};
    // clang-format on
    if (const char* label = find(fields, field))
        return tr(label);
    return fallbackLabel(field);
}

} // namespace rt
