#include "ActionTableModel.h"

#include "core/TargetDate.h"
#include "db/ActionRepository.h"

#include <QBrush>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace rt {

ActionTableModel::ActionTableModel(QSqlDatabase db, QObject* parent)
    : QAbstractTableModel(parent), m_db(std::move(db)), m_asOf(QDate::currentDate())
{
    refresh();
}

QString ActionTableModel::ftsQuery(const QString& text)
{
    static const QRegularExpression nonWord(QStringLiteral("[^\\w]+"),
                                            QRegularExpression::UseUnicodePropertiesOption);
    QStringList terms;
    const QStringList words = text.split(nonWord, Qt::SkipEmptyParts);
    // A one-letter word matches most of the table and says little: it waits
    // for the second letter (typing "supervision a" keeps filtering on
    // "supervision" until "au").
    for (const QString& w : words) {
        if (w.size() >= 2)
            terms << QStringLiteral("\"%1\"*").arg(w);
    }
    return terms.join(QLatin1Char(' '));
}

void ActionTableModel::setTextFilter(const QString& text)
{
    const QString fts = ftsQuery(text);
    m_textFilter = text;
    if (fts == m_fts)
        return;
    m_fts = fts;
    refresh();
}

void ActionTableModel::setAsOf(const QDate& date)
{
    m_asOf = date;
    if (m_count > 0)
        emit dataChanged(index(0, 0), index(m_count - 1, ColumnCount - 1));
}

// The ids of the rows shown, in order. With a text filter they come straight
// from the full-text index, whose rows are the actions' rows: counting and
// paging there avoids joining tens of thousands of matches back to actions.
QString ActionTableModel::idSource() const
{
    if (m_recommendationId != 0) {
        // One recommendation's few actions, in plan order.
        return m_fts.isEmpty()
                   ? QStringLiteral("SELECT id FROM actions WHERE recommendation_id = :rec "
                                    "ORDER BY position, id")
                   : QStringLiteral("SELECT id FROM actions WHERE recommendation_id = :rec AND id IN "
                                    "(SELECT rowid FROM action_search WHERE action_search MATCH :fts) "
                                    "ORDER BY position, id");
    }
    if (m_fts.isEmpty())
        return QStringLiteral("SELECT id FROM actions ORDER BY id");
    return QStringLiteral("SELECT rowid FROM action_search WHERE action_search MATCH :fts ORDER BY rowid");
}

void ActionTableModel::bindScope(QSqlQuery& q) const
{
    if (!m_fts.isEmpty())
        q.bindValue(QStringLiteral(":fts"), m_fts);
    if (m_recommendationId != 0)
        q.bindValue(QStringLiteral(":rec"), m_recommendationId);
}

void ActionTableModel::setRecommendation(qint64 recommendationId)
{
    if (recommendationId == m_recommendationId && m_count > 0)
        return;
    m_recommendationId = recommendationId;
    refresh();
}

int ActionTableModel::rowOf(qint64 actionId) const
{
    for (int row = 0; row < m_count; ++row) {
        const Row* r = rowAt(row);
        if (r && r->id == actionId)
            return row;
    }
    return -1;
}

void ActionTableModel::refresh()
{
    beginResetModel();
    m_blocks.clear();
    m_blockOrder.clear();
    m_count = 0;
    m_error.clear();
    QSqlQuery q(m_db);
    if (m_recommendationId != 0)
        q.prepare(QStringLiteral("SELECT count(*) FROM (%1) s").arg(idSource()));
    else
        q.prepare(m_fts.isEmpty()
                      ? QStringLiteral("SELECT count(*) FROM actions")
                      : QStringLiteral("SELECT count(*) FROM action_search WHERE action_search MATCH :fts"));
    bindScope(q);
    if (q.exec() && q.next())
        m_count = q.value(0).toInt();
    else
        m_error = q.lastError().text();
    endResetModel();
}

bool ActionTableModel::loadBlock(int block) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    // The inner query walks only the actions index to find the block's ids;
    // the joins then run for 128 rows, however deep the block.
    q.prepare(
        QStringLiteral("SELECT a.id, r.title, c.number, a.text, a.owner_text, a.target_text, "
                       "a.target_precision, a.target_due, a.status, a.status_text, a.rag, a.number "
                       "FROM actions a JOIN reviews r ON r.id = a.review_id "
                       "JOIN recommendations c ON c.id = a.recommendation_id "
                       "WHERE a.id IN (%1 LIMIT %2 OFFSET %3) "
                       "ORDER BY %4")
            .arg(idSource())
            .arg(kBlockSize)
            .arg(block * kBlockSize)
            .arg(m_recommendationId != 0 ? QStringLiteral("a.position, a.id") : QStringLiteral("a.id")));
    bindScope(q);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return false;
    }
    QVector<Row> rows;
    rows.reserve(kBlockSize);
    while (q.next()) {
        Row r;
        r.id = q.value(0).toLongLong();
        r.review = q.value(1).toString();
        r.recommendation = q.value(2).toString();
        r.text = q.value(3).toString();
        r.owner = q.value(4).toString();
        r.targetText = q.value(5).toString();
        r.target = TargetDate::fromStorage(q.value(6).toString(), q.value(7).toString());
        status::fromCode(q.value(8).toString(), &r.status);
        r.statusText = q.value(9).toString();
        rag::fromCode(q.value(10).toString(), &r.rag);
        r.number = q.value(11).toString();
        rows.append(r);
    }
    if (m_blockOrder.size() >= kMaxCachedBlocks)
        m_blocks.remove(m_blockOrder.takeFirst());
    m_blocks.insert(block, rows);
    m_blockOrder.append(block);
    return true;
}

const ActionTableModel::Row* ActionTableModel::rowAt(int row) const
{
    const int block = row / kBlockSize;
    auto it = m_blocks.constFind(block);
    if (it == m_blocks.constEnd()) {
        if (!loadBlock(block))
            return nullptr;
        it = m_blocks.constFind(block);
    }
    const int offset = row % kBlockSize;
    return offset < it->size() ? &it->at(offset) : nullptr;
}

int ActionTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_count;
}

int ActionTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ActionTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_count || index.column() >= ColumnCount)
        return QVariant();
    const Row* r = rowAt(index.row());
    if (!r)
        return QVariant();
    const bool overdue = r->target.isOverdue(m_asOf) && !status::isClosed(r->status);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (index.column()) {
        case ReviewColumn:
            return r->review;
        case RecommendationColumn:
            return r->recommendation;
        case NumberColumn:
            return r->number;
        case ActionColumn:
            return r->text;
        case OwnerColumn:
            return r->owner;
        case TargetColumn:
            if (role == Qt::EditRole)
                return r->targetText;
            return r->target.toDisplayString();
        case StatusColumn:
            return role == Qt::EditRole ? status::code(r->status) : status::label(r->status);
        case RagColumn:
            return role == Qt::EditRole ? rag::code(r->rag)
                                        : (r->rag == Rag::None ? QString() : rag::label(r->rag));
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == ActionColumn)
            return r->text;
        if (index.column() == TargetColumn && !r->targetText.isEmpty())
            return tr("Written as “%1”").arg(r->targetText) +
                   (overdue ? tr(" — overdue since %1")
                                  .arg(r->target.due().toString(QStringLiteral("dd/MM/yyyy")))
                            : QString());
        if (index.column() == StatusColumn && !r->statusText.isEmpty())
            return tr("Written as “%1”").arg(r->statusText);
        break;
    case Qt::BackgroundRole:
        if (index.column() == RagColumn && r->rag != Rag::None)
            return QBrush(rag::colour(r->rag));
        break;
    case Qt::ForegroundRole:
        if (index.column() == TargetColumn && overdue)
            return QBrush(QColor(0xB0, 0x1E, 0x1E));
        break;
    case ActionIdRole:
        return r->id;
    case DueDateRole:
        return r->target.due();
    case OverdueRole:
        return overdue;
    }
    return QVariant();
}

QVariant ActionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ReviewColumn:
        return tr("Review");
    case RecommendationColumn:
        return tr("Rec.");
    case NumberColumn:
        return tr("No.");
    case ActionColumn:
        return tr("Action");
    case OwnerColumn:
        return tr("Owner");
    case TargetColumn:
        return tr("Target");
    case StatusColumn:
        return tr("Status");
    case RagColumn:
        return tr("RAG");
    }
    return QVariant();
}

Qt::ItemFlags ActionTableModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() >= NumberColumn && !m_readOnly)
        f |= Qt::ItemIsEditable;
    return f;
}

bool ActionTableModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || !index.isValid() || index.column() < NumberColumn || m_readOnly)
        return false;
    const Row* r = rowAt(index.row());
    if (!r)
        return false;
    if (data(index, Qt::EditRole).toString() == value.toString())
        return true; // nothing changed: no write, no new version
    static const ActionRepository::Field fields[] = {
        ActionRepository::Field::Number, ActionRepository::Field::Text,   ActionRepository::Field::Owner,
        ActionRepository::Field::Target, ActionRepository::Field::Status, ActionRepository::Field::Rag};
    ActionRepository repo(m_db);
    if (!repo.setField(r->id, fields[index.column() - NumberColumn], value.toString())) {
        m_error = repo.errorString();
        emit editRefused(index, m_error);
        return false;
    }
    reloadRow(index.row());
    return true;
}

void ActionTableModel::reloadRow(int row)
{
    // Drop the row's block so it is read again, showing what was stored.
    const int block = row / kBlockSize;
    m_blocks.remove(block);
    m_blockOrder.removeAll(block);
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

} // namespace rt
