#include "RecommendationTreeModel.h"

#include "core/Vocabulary.h"
#include "db/RecommendationRepository.h"

#include <QRegularExpression>

namespace rt {

RecommendationTreeModel::RecommendationTreeModel(QSqlDatabase db, QObject* parent)
    : QAbstractItemModel(parent), m_db(std::move(db))
{
}

void RecommendationTreeModel::setReview(qint64 reviewId)
{
    beginResetModel();
    m_reviewId = reviewId;
    build(reviewId > 0 ? PlanQueries(m_db).recommendations(reviewId) : QVector<RecommendationRow>());
    endResetModel();
}

bool RecommendationTreeModel::sameShape(const QVector<RecommendationRow>& rows) const
{
    if (rows.size() != m_rows.size())
        return false;
    for (int i = 0; i < rows.size(); ++i) {
        if (rows.at(i).id != m_rows.at(i).id || rows.at(i).parentId != m_rows.at(i).parentId)
            return false;
    }
    return true;
}

void RecommendationTreeModel::reload()
{
    QVector<RecommendationRow> rows = PlanQueries(m_db).recommendations(m_reviewId);
    if (sameShape(rows)) {
        m_rows = std::move(rows);
        if (!m_roots.isEmpty()) {
            // Values only: tell each level, as dataChanged must stay within one parent.
            emit dataChanged(index(0, 0), index(m_roots.size() - 1, ColumnCount - 1));
            for (int i = 0; i < m_nodes.size(); ++i) {
                if (!m_nodes.at(i).children.isEmpty()) {
                    const QModelIndex p = createIndex(m_nodes.at(i).rowInParent, 0, quintptr(i));
                    emit dataChanged(index(0, 0, p),
                                     index(m_nodes.at(i).children.size() - 1, ColumnCount - 1, p));
                }
            }
        }
        return;
    }
    beginResetModel();
    build(std::move(rows));
    endResetModel();
}

void RecommendationTreeModel::build(QVector<RecommendationRow> rows)
{
    m_rows = std::move(rows);
    m_nodes = QVector<Node>(m_rows.size());
    m_roots.clear();
    m_byId.clear();
    for (int i = 0; i < m_rows.size(); ++i)
        m_byId.insert(m_rows.at(i).id, i);
    for (int i = 0; i < m_rows.size(); ++i) {
        const int parent = m_byId.value(m_rows.at(i).parentId, -1);
        m_nodes[i].parent = parent;
        QVector<int>& siblings = parent >= 0 ? m_nodes[parent].children : m_roots;
        m_nodes[i].rowInParent = siblings.size();
        siblings.append(i);
    }
}

QModelIndex RecommendationTreeModel::indexOf(qint64 id, int column) const
{
    const int pos = m_byId.value(id, -1);
    return pos < 0 ? QModelIndex() : createIndex(m_nodes.at(pos).rowInParent, column, quintptr(pos));
}

qint64 RecommendationTreeModel::idOf(const QModelIndex& index) const
{
    const RecommendationRow* r = rowFor(index);
    return r ? r->id : 0;
}

const RecommendationRow* RecommendationTreeModel::rowFor(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this || int(index.internalId()) >= m_rows.size())
        return nullptr;
    return &m_rows.at(int(index.internalId()));
}

QModelIndex RecommendationTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return QModelIndex();
    const QVector<int>& siblings = parent.isValid() ? m_nodes.at(int(parent.internalId())).children : m_roots;
    if (row >= siblings.size())
        return QModelIndex();
    return createIndex(row, column, quintptr(siblings.at(row)));
}

QModelIndex RecommendationTreeModel::parent(const QModelIndex& child) const
{
    if (!child.isValid())
        return QModelIndex();
    const int parent = m_nodes.at(int(child.internalId())).parent;
    if (parent < 0)
        return QModelIndex();
    return createIndex(m_nodes.at(parent).rowInParent, 0, quintptr(parent));
}

int RecommendationTreeModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return m_roots.size();
    if (parent.column() != 0)
        return 0;
    return m_nodes.at(int(parent.internalId())).children.size();
}

int RecommendationTreeModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

QVariant RecommendationTreeModel::data(const QModelIndex& index, int role) const
{
    const RecommendationRow* r = rowFor(index);
    if (!r)
        return QVariant();
    if (role == IdRole)
        return r->id;
    const bool finding = r->kind == QLatin1String("finding");
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NumberColumn:
            return r->number;
        case TextColumn:
            if (r->title.isEmpty())
                return r->text.simplified();
            return r->text.isEmpty() ? r->title
                                     : QStringLiteral("%1 — %2").arg(r->title, r->text.simplified());
        case DecisionColumn: {
            Decision d = Decision::None;
            return decision::fromCode(r->decision, &d) && d != Decision::None ? decision::label(d)
                                                                              : QString();
        }
        case ThemesColumn:
            return r->themes.join(QStringLiteral(", "));
        case ActionsColumn:
            return r->actions > 0 ? QVariant(r->actions) : QVariant();
        case KindColumn:
            return finding ? tr("Finding") : tr("Recommendation");
        }
        break;
    case Qt::EditRole:
        switch (index.column()) {
        case NumberColumn:
            return r->number;
        case TextColumn:
            return r->text;
        case DecisionColumn:
            return r->decision;
        case ThemesColumn:
            return r->themes.join(QStringLiteral(", "));
        case ActionsColumn:
            return r->actions;
        case KindColumn:
            return r->kind;
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == TextColumn) {
            QString tip = r->title.isEmpty() ? r->text : r->title + QStringLiteral("\n\n") + r->text;
            if (!r->decisionExplanation.isEmpty())
                tip += QStringLiteral("\n\n") + r->decisionExplanation;
            return tip;
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == ActionsColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    }
    return QVariant();
}

QVariant RecommendationTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    switch (section) {
    case NumberColumn:
        return tr("No.");
    case TextColumn:
        return tr("Recommendation");
    case DecisionColumn:
        return tr("Decision");
    case ThemesColumn:
        return tr("Themes");
    case ActionsColumn:
        return tr("Actions");
    case KindColumn:
        return tr("Kind");
    }
    return QVariant();
}

Qt::ItemFlags RecommendationTreeModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags f = QAbstractItemModel::flags(index);
    if (index.isValid() && !m_readOnly && index.column() != ActionsColumn)
        f |= Qt::ItemIsEditable;
    return f;
}

bool RecommendationTreeModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    const RecommendationRow* r = rowFor(index);
    if (role != Qt::EditRole || !r || m_readOnly || index.column() == ActionsColumn)
        return false;
    const QString text = value.toString();
    if (data(index, Qt::EditRole).toString() == text)
        return true;
    RecommendationRepository repo(m_db);
    bool ok = false;
    switch (index.column()) {
    case NumberColumn:
        ok = repo.setField(r->id, RecommendationRepository::Field::Number, text);
        break;
    case TextColumn:
        ok = repo.setField(r->id, RecommendationRepository::Field::Text, text);
        break;
    case DecisionColumn:
        ok = repo.setField(r->id, RecommendationRepository::Field::Decision, text);
        break;
    case ThemesColumn: {
        static const QRegularExpression separators(QStringLiteral("\\s*[,;]\\s*"));
        ok = repo.setThemes(r->id, text.split(separators, Qt::SkipEmptyParts));
        break;
    }
    case KindColumn:
        ok = repo.setField(r->id, RecommendationRepository::Field::Kind, text);
        break;
    }
    if (!ok) {
        emit editRefused(index, repo.errorString());
        return false;
    }
    // A new number may change the order among siblings: reload decides.
    reload();
    emit saved();
    return true;
}

} // namespace rt
