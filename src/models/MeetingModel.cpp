#include "MeetingModel.h"

#include "core/PartialDate.h"
#include "core/Vocabulary.h"

#include <QFont>
#include <QGuiApplication>
#include <QPalette>

namespace rt {

namespace {

// Kind rows have internal id 0; an action row carries its kind + 1, which
// names its parent.
constexpr quintptr kKindRow = 0;

// Long updates (some run to a page) are shortened in the cell, at a word, so
// rows stay a few lines high; the tooltip has the whole text.
constexpr int kShownCharacters = 320;

QString shortened(const QString& text)
{
    const QString simple = text.simplified();
    if (simple.size() <= kShownCharacters)
        return simple;
    int cut = simple.lastIndexOf(QLatin1Char(' '), kShownCharacters);
    if (cut < kShownCharacters / 2)
        cut = kShownCharacters;
    return simple.left(cut) + QStringLiteral(" …");
}

QString ukDate(const QDate& d)
{
    return PartialDate::dayString(d);
}

QString actionLabel(const MeetingItem& item)
{
    const QString text = item.actionText.simplified();
    return item.actionNumber.isEmpty() ? text : QStringLiteral("%1  %2").arg(item.actionNumber, text);
}

} // namespace

MeetingModel::MeetingModel(QSqlDatabase db, QObject* parent)
    : QAbstractItemModel(parent), m_db(std::move(db)), m_byKind(MeetingItem::KindCount)
{
}

bool MeetingModel::load(const QDate& since, const QDate& asOf)
{
    QVector<MeetingItem> items;
    MeetingQueries queries(m_db);
    const bool ok = queries.changesSince(since, asOf, &items);
    beginResetModel();
    m_since = since;
    m_asOf = asOf;
    m_error = ok ? QString() : queries.errorString();
    m_byKind = QVector<QVector<MeetingItem>>(MeetingItem::KindCount);
    if (ok) {
        for (const MeetingItem& item : std::as_const(items))
            m_byKind[item.kind].append(item);
    }
    endResetModel();
    return ok;
}

int MeetingModel::count(MeetingItem::Kind kind) const
{
    return m_byKind.value(kind).size();
}

QString MeetingModel::kindTitle(MeetingItem::Kind kind)
{
    switch (kind) {
    case MeetingItem::NewUpdate:
        return tr("New updates");
    case MeetingItem::StatusChange:
        return tr("Status changes");
    case MeetingItem::RagChange:
        return tr("RAG changes");
    case MeetingItem::NewlyOverdue:
        return tr("Newly overdue");
    case MeetingItem::Completed:
        return tr("Completed");
    case MeetingItem::KindCount:
        break;
    }
    return QString();
}

QString MeetingModel::summary() const
{
    // Explicit singular and plural strings: without a translator loaded, Qt's
    // %n forms would read "1 new update(s)".
    auto phrase = [](int n, const QString& one, const QString& many) { return (n == 1 ? one : many).arg(n); };
    const QStringList parts = {
        phrase(count(MeetingItem::NewUpdate), tr("%1 new update"), tr("%1 new updates")),
        phrase(count(MeetingItem::StatusChange), tr("%1 status change"), tr("%1 status changes")),
        phrase(count(MeetingItem::RagChange), tr("%1 RAG change"), tr("%1 RAG changes")),
        phrase(count(MeetingItem::NewlyOverdue), tr("%1 newly overdue"), tr("%1 newly overdue")),
        phrase(count(MeetingItem::Completed), tr("%1 completed"), tr("%1 completed")),
    };
    return parts.join(QStringLiteral(" · "));
}

QString MeetingModel::changeText(const MeetingItem& item)
{
    switch (item.kind) {
    case MeetingItem::NewUpdate:
        return tr("Update of %1").arg(PartialDate::toDisplayString(item.whenText));
    case MeetingItem::StatusChange:
    case MeetingItem::RagChange:
        return tr("%1 → %2 on\u00a0%3").arg(item.oldLabel, item.newLabel, ukDate(item.when));
    case MeetingItem::NewlyOverdue: {
        const QString due = tr("Due %1").arg(ukDate(item.when));
        // Overdue against the target first agreed; a revised target is said
        // so, since the chair may accept the new date.
        return item.targetRevised ? tr("%1 (target revised)").arg(due) : due;
    }
    case MeetingItem::Completed:
        if (item.oldValue.isEmpty())
            return tr("Rated %1 in the update of %2")
                .arg(item.newLabel, PartialDate::toDisplayString(item.whenText));
        return tr("%1 → %2 on\u00a0%3").arg(item.oldLabel, item.newLabel, ukDate(item.when));
    case MeetingItem::KindCount:
        break;
    }
    return QString();
}

QString MeetingModel::latestUpdateText(const MeetingItem& item)
{
    if (!item.hasLatestUpdate)
        return tr("No update");
    const QString text = shortened(item.latestUpdateText);
    if (item.latestUpdateDate.isEmpty())
        return tr("Undated: %1").arg(text);
    return tr("%1: %2").arg(PartialDate::toDisplayString(item.latestUpdateDate), text);
}

QModelIndex MeetingModel::kindIndex(MeetingItem::Kind kind, int column) const
{
    return index(int(kind), column);
}

const MeetingItem* MeetingModel::itemAt(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this || index.internalId() == kKindRow)
        return nullptr;
    const QVector<MeetingItem>& items = m_byKind.at(int(index.internalId() - 1));
    return index.row() < items.size() ? &items.at(index.row()) : nullptr;
}

QModelIndex MeetingModel::index(int row, int column, const QModelIndex& parent) const
{
    if (!hasIndex(row, column, parent))
        return QModelIndex();
    if (!parent.isValid())
        return createIndex(row, column, kKindRow);
    return createIndex(row, column, quintptr(parent.row()) + 1);
}

QModelIndex MeetingModel::parent(const QModelIndex& child) const
{
    if (!child.isValid() || child.internalId() == kKindRow)
        return QModelIndex();
    return createIndex(int(child.internalId() - 1), 0, kKindRow);
}

int MeetingModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return MeetingItem::KindCount;
    if (parent.column() != 0 || parent.internalId() != kKindRow)
        return 0;
    return m_byKind.at(parent.row()).size();
}

int MeetingModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

QVariant MeetingModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return QVariant();
    if (index.internalId() == kKindRow)
        return kindData(MeetingItem::Kind(index.row()), index.column(), role);
    const MeetingItem* item = itemAt(index);
    return item ? itemData(*item, index.column(), role) : QVariant();
}

QVariant MeetingModel::kindData(MeetingItem::Kind kind, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        if (column != ReviewColumn)
            return QVariant();
        if (count(kind) == 0)
            return tr("%1: none").arg(kindTitle(kind));
        return tr("%1 (%2)").arg(kindTitle(kind)).arg(count(kind));
    case Qt::FontRole: {
        QFont font = QGuiApplication::font();
        font.setBold(true);
        return font;
    }
    case Qt::ForegroundRole:
        if (count(kind) == 0)
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return QVariant();
    case KindRole:
        return int(kind);
    case ActionIdRole:
    case ReviewIdRole:
        return qint64(0);
    default:
        return QVariant();
    }
}

QVariant MeetingModel::itemData(const MeetingItem& item, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case ReviewColumn:
            return item.reviewTitle;
        case RecommendationColumn:
            return item.recommendationNumber;
        case ActionColumn:
            return actionLabel(item);
        case OwnerColumn:
            return item.owner;
        case ChangeColumn:
            return changeText(item);
        case LatestUpdateColumn:
            return latestUpdateText(item);
        default:
            return QVariant();
        }
    case Qt::ToolTipRole:
        switch (column) {
        case ActionColumn:
            return actionLabel(item);
        case LatestUpdateColumn:
            if (!item.hasLatestUpdate)
                return QVariant();
            return item.latestUpdateDate.isEmpty()
                       ? item.latestUpdateText
                       : tr("%1: %2").arg(PartialDate::toDisplayString(item.latestUpdateDate),
                                          item.latestUpdateText);
        case ReviewColumn:
            return item.reviewTitle;
        case OwnerColumn:
            return item.owner;
        case ChangeColumn:
            return changeText(item);
        default:
            return QVariant();
        }
    case Qt::DecorationRole:
        // The RAG a change leads to, as the swatch the other views show.
        if (column == ChangeColumn &&
            (item.kind == MeetingItem::RagChange || item.kind == MeetingItem::Completed)) {
            Rag r;
            if (rag::fromCode(item.newValue, &r) && r != Rag::None)
                return rag::colour(r);
        }
        return QVariant();
    case Qt::ForegroundRole:
        if (column == LatestUpdateColumn && !item.hasLatestUpdate)
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return QVariant();
    case Qt::TextAlignmentRole:
        return int(Qt::AlignLeft | Qt::AlignTop);
    case ActionIdRole:
        return item.actionId;
    case ReviewIdRole:
        return item.reviewId;
    case KindRole:
        return int(item.kind);
    default:
        return QVariant();
    }
}

QVariant MeetingModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QVariant();
    switch (section) {
    case ReviewColumn:
        return tr("Review");
    case RecommendationColumn:
        return tr("Rec.");
    case ActionColumn:
        return tr("Action");
    case OwnerColumn:
        return tr("Owner");
    case ChangeColumn:
        return tr("Change");
    case LatestUpdateColumn:
        return tr("Latest update");
    default:
        return QVariant();
    }
}

Qt::ItemFlags MeetingModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

} // namespace rt
