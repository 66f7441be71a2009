#pragma once

#include <QAbstractTableModel>
#include <QColor>
#include <QSqlDatabase>
#include <QVector>

namespace rt {

// Base of the small tables of the editing window (responses, updates, plan
// versions, review links, owners): each holds at most a few hundred rows, so
// it loads them whole. A subclass says how to load rows and how to save one
// cell; the base keeps the rows, shows refusals and reloads after a save so
// the view shows what was stored.
class RecordTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Role
    {
        IdRole = Qt::UserRole + 1
    };

    explicit RecordTableModel(QSqlDatabase db, QObject* parent = nullptr);

    void setReadOnly(bool readOnly) { m_readOnly = readOnly; }
    bool isReadOnly() const { return m_readOnly; }
    // Reads the rows again. Rows keep their places when the count is the same,
    // so a view's current cell survives a save.
    void reload();
    qint64 idAt(int row) const;
    int rowOf(qint64 id) const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

signals:
    void editRefused(const QModelIndex& index, const QString& reason);
    // A save succeeded: other views showing the same records may refresh.
    void saved();

protected:
    struct Cell
    {
        QVariant display;
        QVariant edit; // invalid: the display value
        QString toolTip;
        QColor background;
    };
    struct Record
    {
        qint64 id = 0;
        QVector<Cell> cells;
    };

    // Reads the rows for a new scope (another review, action…): a reset,
    // since no row keeps its place.
    void resetRows();

    virtual QStringList headers() const = 0;
    virtual QVector<Record> load() = 0;
    virtual bool isEditable(int column) const;
    virtual bool save(qint64 id, int column, const QString& value, QString* error);

    QSqlDatabase& database() { return m_db; }

private:
    QSqlDatabase m_db;
    QVector<Record> m_rows;
    bool m_readOnly = false;
};

} // namespace rt
