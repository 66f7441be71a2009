#include "RecordTableModel.h"

#include <QBrush>

namespace rt {

RecordTableModel::RecordTableModel(QSqlDatabase db, QObject* parent)
    : QAbstractTableModel(parent), m_db(std::move(db))
{
}

void RecordTableModel::reload()
{
    QVector<Record> rows = load();
    if (rows.size() == m_rows.size() && !rows.isEmpty()) {
        m_rows = std::move(rows);
        emit dataChanged(index(0, 0), index(m_rows.size() - 1, columnCount() - 1));
        return;
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

void RecordTableModel::resetRows()
{
    beginResetModel();
    m_rows = load();
    endResetModel();
}

qint64 RecordTableModel::idAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : 0;
}

int RecordTableModel::rowOf(qint64 id) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == id)
            return i;
    }
    return -1;
}

int RecordTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_rows.size();
}

int RecordTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : headers().size();
}

QVariant RecordTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return QVariant();
    const Record& r = m_rows.at(index.row());
    if (role == IdRole)
        return r.id;
    if (index.column() >= r.cells.size())
        return QVariant();
    const Cell& c = r.cells.at(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return c.display;
    case Qt::EditRole:
        return c.edit.isValid() ? c.edit : c.display;
    case Qt::ToolTipRole:
        return c.toolTip.isEmpty() ? QVariant() : QVariant(c.toolTip);
    case Qt::BackgroundRole:
        return c.background.isValid() ? QVariant(QBrush(c.background)) : QVariant();
    }
    return QVariant();
}

QVariant RecordTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole && section >= 0 &&
        section < headers().size())
        return headers().at(section);
    return QAbstractTableModel::headerData(section, orientation, role);
}

Qt::ItemFlags RecordTableModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && !m_readOnly && isEditable(index.column()))
        f |= Qt::ItemIsEditable;
    return f;
}

bool RecordTableModel::isEditable(int) const
{
    return false;
}

bool RecordTableModel::save(qint64, int, const QString&, QString*)
{
    return false;
}

bool RecordTableModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || !index.isValid() || index.row() >= m_rows.size() || m_readOnly ||
        !isEditable(index.column()))
        return false;
    if (data(index, Qt::EditRole).toString() == value.toString())
        return true; // nothing changed: no write, no new version
    QString error;
    if (!save(m_rows.at(index.row()).id, index.column(), value.toString(), &error)) {
        emit editRefused(index, error);
        return false;
    }
    reload();
    emit saved();
    return true;
}

} // namespace rt
