#include "ActionTableModel.h"

#include "core/TargetDate.h"
#include "db/ActionRepository.h"

#include <QBrush>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QPointer>
#include <QSqlError>
#include <QSqlQuery>
#include <QThreadPool>

namespace rt {

namespace {

// The columns of a row, read the same way for a block and for one action.
const char* const kRowColumns =
    "SELECT a.id, r.title, c.number, a.text, a.owner_text, a.target_text, a.target_precision, a.target_due, "
    "a.status, a.status_text, a.rag, a.number, a.review_id, a.version "
    "FROM actions a JOIN reviews r ON r.id = a.review_id "
    "JOIN recommendations c ON c.id = a.recommendation_id ";

// The field an editable column writes, counted from the number column.
ActionRepository::Field fieldOf(int editableColumn)
{
    static const ActionRepository::Field fields[] = {
        ActionRepository::Field::Number, ActionRepository::Field::Text,   ActionRepository::Field::Owner,
        ActionRepository::Field::Target, ActionRepository::Field::Status, ActionRepository::Field::Rag};
    return fields[editableColumn];
}

} // namespace

ActionTableModel::ActionTableModel(QSqlDatabase db, QObject* parent)
    : QAbstractTableModel(parent), m_db(std::move(db)), m_asOf(QDate::currentDate())
{
    refresh();
}

void ActionTableModel::setFilter(const ActionFilter& filter)
{
    m_filter = filter;
    applyFilter();
}

void ActionTableModel::setTextFilter(const QString& text)
{
    m_filter.text = text;
    applyFilter();
}

void ActionTableModel::setAsOf(const QDate& date)
{
    m_filter.asOf = date;
    applyFilter();
}

void ActionTableModel::applyFilter()
{
    ActionFilter rest = m_filter;
    rest.text.clear(); // the text goes to the index directly, not through a.id IN (…)
    FilterCondition condition = ActionFilterSql::where(rest);
    const QString fts = ActionFilterSql::ftsQuery(m_filter.text);
    const QStringList terms = ActionFilterSql::highlightTerms(m_filter.text);
    const QDate asOf = m_filter.effectiveAsOf();
    const bool repaint = asOf != m_asOf || terms != m_terms;
    m_terms = terms;
    m_asOf = asOf;
    // Typing a one-letter word or a space changes the text but not the
    // query: the rows stay, and no count runs on that keystroke.
    if (fts == m_fts && condition.where == m_condition.where && condition.values == m_condition.values) {
        if (repaint && m_count > 0)
            emit dataChanged(index(0, 0), index(m_count - 1, ColumnCount - 1));
        return;
    }
    m_fts = fts;
    m_condition = std::move(condition);
    reload();
}

// The ids of the rows shown, in order. With a text filter alone they come
// straight from the full-text index, whose rows are the actions' rows:
// counting and paging there avoids joining tens of thousands of matches back
// to actions. Other parts of the filter need the actions table.
QString ActionTableModel::idSource(bool after) const
{
    const QString ftsIn =
        QStringLiteral("a.id IN (SELECT rowid FROM action_search WHERE action_search MATCH :fts)");
    if (m_recommendationId != 0) {
        // One recommendation's few actions, in plan order.
        QStringList where{QStringLiteral("a.recommendation_id = :rec")};
        if (!m_fts.isEmpty())
            where << ftsIn;
        if (!m_condition.isEmpty())
            where << m_condition.where;
        return QStringLiteral("SELECT a.id FROM actions a WHERE %1 ORDER BY a.position, a.id")
            .arg(where.join(QStringLiteral(" AND ")));
    }
    if (m_condition.isEmpty() && m_fts.isEmpty())
        return after ? QStringLiteral("SELECT id FROM actions WHERE id > :after ORDER BY id")
                     : QStringLiteral("SELECT id FROM actions ORDER BY id");
    if (m_condition.isEmpty())
        return after ? QStringLiteral("SELECT rowid FROM action_search WHERE action_search MATCH :fts "
                                      "AND rowid > :after ORDER BY rowid")
                     : QStringLiteral("SELECT rowid FROM action_search WHERE action_search MATCH :fts "
                                      "ORDER BY rowid");
    if (!m_fts.isEmpty()) {
        // Text and other parts: the index's matches, in rowid order, each
        // looked up by its key and tested; the first block stops at 128
        // rows instead of gathering every match first.
        return QStringLiteral("SELECT a.id FROM action_search s JOIN actions a ON a.id = s.rowid "
                              "WHERE action_search MATCH :fts AND %1%2 ORDER BY s.rowid")
            .arg(m_condition.where, after ? QStringLiteral(" AND s.rowid > :after") : QString());
    }
    return QStringLiteral("SELECT a.id FROM actions a WHERE %1%2 ORDER BY a.id")
        .arg(m_condition.where, after ? QStringLiteral(" AND a.id > :after") : QString());
}

QVariantMap ActionTableModel::scopeValues() const
{
    QVariantMap values = m_condition.values;
    if (!m_fts.isEmpty())
        values.insert(QStringLiteral(":fts"), m_fts);
    if (m_recommendationId != 0)
        values.insert(QStringLiteral(":rec"), m_recommendationId);
    return values;
}

void ActionTableModel::bindScope(QSqlQuery& q) const
{
    const QVariantMap values = scopeValues();
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        q.bindValue(it.key(), it.value());
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
    m_total = -1; // actions may have been added or deleted
    reload();
}

int ActionTableModel::totalCount() const
{
    if (m_recommendationId == 0 && m_condition.isEmpty() && m_fts.isEmpty())
        return m_count;
    if (m_total < 0) {
        QSqlQuery q(m_db);
        if (q.exec(QStringLiteral("SELECT count(*) FROM actions")) && q.next())
            m_total = q.value(0).toInt();
        else
            m_error = q.lastError().text();
    }
    return qMax(0, m_total);
}

void ActionTableModel::reload()
{
    beginResetModel();
    m_blocks.clear();
    m_blockOrder.clear();
    m_blockEnds.clear();
    m_count = 0;
    m_counting = false;
    ++*m_generation; // a count still running for the last filter is dropped
    m_error.clear();
    const bool fast = m_recommendationId == 0 && m_condition.isEmpty();
    const QString countSql =
        fast ? (m_fts.isEmpty()
                    ? QStringLiteral("SELECT count(*) FROM actions")
                    : QStringLiteral("SELECT count(*) FROM action_search WHERE action_search MATCH :fts"))
             : QStringLiteral("SELECT count(*) FROM (%1) ids").arg(idSource());
    // A filter with other parts may have to test every action to count its
    // rows (a tenth of a second at national scale). The first block is read
    // now, and the count goes to a thread of its own: the rows grow when it
    // returns, and the keyboard never waits for it. A file on disk is needed
    // for a second connection; a short list is counted by its first block.
    const bool background = !fast && m_recommendationId == 0 && m_background &&
                            !m_db.databaseName().isEmpty() &&
                            m_db.databaseName() != QLatin1String(":memory:");
    if (background) {
        if (loadBlock(0)) {
            m_count = m_blocks.value(0).size();
            if (m_count == kBlockSize)
                startCount(countSql);
        }
    } else {
        QSqlQuery q(m_db);
        q.prepare(countSql);
        bindScope(q);
        if (q.exec() && q.next())
            m_count = q.value(0).toInt();
        else
            m_error = q.lastError().text();
    }
    endResetModel();
}

void ActionTableModel::startCount(const QString& sql)
{
    m_counting = true;
    const std::shared_ptr<std::atomic<int>> generation = m_generation;
    const int mine = generation->load();
    const QVariantMap values = scopeValues();
    const QString driver = m_db.driverName();
    const QString file = m_db.databaseName();
    const QPointer<ActionTableModel> self(this);
    QThreadPool::globalInstance()->start([=] {
        if (generation->load() != mine)
            return; // another filter came before this one was counted
        static std::atomic<int> serial{0};
        const QString name = QStringLiteral("rt-action-count-%1").arg(++serial);
        int count = -1;
        QString error;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(driver, name);
            db.setDatabaseName(file);
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
            if (db.open()) {
                QSqlQuery q(db);
                q.prepare(sql);
                for (auto it = values.cbegin(); it != values.cend(); ++it)
                    q.bindValue(it.key(), it.value());
                if (q.exec() && q.next())
                    count = q.value(0).toInt();
                else
                    error = q.lastError().text();
            } else {
                error = db.lastError().text();
            }
        }
        QSqlDatabase::removeDatabase(name);
        // Delivered on the model's thread, where the guard can be read safely.
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, mine, count, error] {
                if (self)
                    self->countArrived(mine, count, error);
            },
            Qt::QueuedConnection);
    });
}

void ActionTableModel::countArrived(int generation, int count, const QString& error)
{
    if (generation != m_generation->load())
        return;
    m_counting = false;
    if (count < 0)
        m_error = error;
    if (count > m_count) {
        beginInsertRows(QModelIndex(), m_count, count - 1);
        m_count = count;
        endInsertRows();
    }
    emit countFinished();
}

bool ActionTableModel::waitForCount(int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (m_counting && timer.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    return !m_counting;
}

namespace {

template <typename RowT> RowT readRow(const QSqlQuery& q)
{
    RowT r;
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
    r.reviewId = q.value(12).toLongLong();
    r.version = q.value(13).toLongLong();
    return r;
}

} // namespace

bool ActionTableModel::loadBlock(int block) const
{
    // Start after the end of the nearest block read before, if any: paging
    // down a long list then never walks a deep OFFSET.
    int known = -1;
    if (idOrdered()) {
        for (int k = block - 1; k >= 0; --k) {
            if (m_blockEnds.contains(k)) {
                known = k;
                break;
            }
        }
    }
    const int offset = (block - known - 1) * kBlockSize;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    // The inner query walks only the ids to find the block's rows; the joins
    // then run for 128 rows, however deep the block.
    q.prepare(QLatin1String(kRowColumns) +
              QStringLiteral("WHERE a.id IN (%1 LIMIT %2 OFFSET %3) ORDER BY %4")
                  .arg(idSource(known >= 0))
                  .arg(kBlockSize)
                  .arg(offset)
                  .arg(idOrdered() ? QStringLiteral("a.id") : QStringLiteral("a.position, a.id")));
    bindScope(q);
    if (known >= 0)
        q.bindValue(QStringLiteral(":after"), m_blockEnds.value(known));
    if (!q.exec()) {
        m_error = q.lastError().text();
        return false;
    }
    QVector<Row> rows;
    rows.reserve(kBlockSize);
    while (q.next())
        rows.append(readRow<Row>(q));
    if (m_blockOrder.size() >= kMaxCachedBlocks)
        m_blocks.remove(m_blockOrder.takeFirst());
    if (idOrdered() && rows.size() == kBlockSize)
        m_blockEnds.insert(block, rows.last().id);
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
    case ReviewIdRole:
        return r->reviewId;
    case HighlightRole:
        if (index.column() == ActionColumn || index.column() == OwnerColumn)
            return m_terms;
        break;
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
    const QString seen = data(index, Qt::EditRole).toString();
    if (seen == value.toString())
        return true; // nothing changed: no write, no new version
    ActionRepository repo(m_db);
    if (save(index, value.toString(), r->version, repo))
        return true;
    if (repo.conflict().happened) {
        // Someone else saved this action since it was read. When this cell
        // is still as the editor saw it, their change was to another field
        // and this one goes ahead; otherwise the person decides.
        reloadRow(index.row());
        const QString theirs = data(index, Qt::EditRole).toString();
        const Row* now = rowAt(index.row());
        if (theirs != seen || !now) {
            emit editConflict(index, value.toString(), theirs, repo.conflict().who, repo.conflict().when);
            return false;
        }
        if (save(index, value.toString(), now->version, repo))
            return true;
    }
    return refuse(index, repo.errorString());
}

bool ActionTableModel::saveOverTheirs(const QModelIndex& index, const QString& value)
{
    if (m_readOnly || !rowAt(index.row()) || index.column() < NumberColumn)
        return false;
    ActionRepository repo(m_db);
    return save(index, value, 0, repo) || refuse(index, repo.errorString());
}

bool ActionTableModel::save(const QModelIndex& index, const QString& value, qint64 version,
                            ActionRepository& repo)
{
    repo.expectVersion(version);
    if (!repo.setField(rowAt(index.row())->id, fieldOf(index.column() - NumberColumn), value))
        return false;
    reloadRow(index.row());
    return true;
}

bool ActionTableModel::refuse(const QModelIndex& index, const QString& reason)
{
    m_error = reason;
    emit editRefused(index, m_error);
    return false;
}

void ActionTableModel::reloadRow(int row)
{
    if (row < 0 || row >= m_count)
        return;
    // Re-read that one action in place: the row stays where it is even when
    // the edit takes it outside the filter, until the list is read again,
    // so an edited row never jumps away under the cursor.
    const int block = row / kBlockSize;
    auto it = m_blocks.find(block);
    const int offset = row % kBlockSize;
    bool replaced = false;
    if (it != m_blocks.end() && offset < it->size()) {
        QSqlQuery q(m_db);
        q.prepare(QLatin1String(kRowColumns) + QStringLiteral("WHERE a.id = ?"));
        q.addBindValue((*it)[offset].id);
        if (q.exec() && q.next()) {
            (*it)[offset] = readRow<Row>(q);
            replaced = true;
        }
    }
    if (!replaced) {
        // Gone or never read: drop the block so it is read again.
        m_blocks.remove(block);
        m_blockOrder.removeAll(block);
    }
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

} // namespace rt
