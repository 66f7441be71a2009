#pragma once

#include <QWidget>

class QAbstractItemView;
class QAbstractItemModel;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace rt {

// A table or tree with its own filter box above it, so Ctrl+F always has a box
// to go to. Small models are filtered through a proxy here; a lazy model
// (all actions) takes the text itself through filterTextChanged().
// The panel also names what kind of row it holds, so the window's Add,
// Delete and Move commands act on the panel the user is working in.
class TablePanel : public QWidget
{
    Q_OBJECT

public:
    enum class Filtering
    {
        Proxy, // the panel filters rows through a QSortFilterProxyModel
        Model  // the owner filters (lazy models): listen to filterTextChanged
    };

    TablePanel(const QString& title, QAbstractItemView* view, QWidget* parent = nullptr);

    // Installs the model on the view, through a proxy when filtering is Proxy.
    void setModel(QAbstractItemModel* model, Filtering filtering);
    QAbstractItemView* view() const { return m_view; }
    QLineEdit* filterEdit() const { return m_filter; }
    QAbstractItemModel* sourceModel() const { return m_source; }
    // Maps between the view's (possibly proxied) indexes and the source model's.
    QModelIndex toSource(const QModelIndex& viewIndex) const;
    QModelIndex fromSource(const QModelIndex& sourceIndex) const;
    QModelIndex currentSourceIndex() const;
    void setCurrentSource(const QModelIndex& sourceIndex);
    void focusFilter();
    void setTitle(const QString& title);
    void setFilterPlaceholder(const QString& text);

    // Shows why an edit was refused next to the cell (a source-model index);
    // the cell keeps what is stored.
    void showRefusal(const QModelIndex& sourceIndex, const QString& reason);

    // The panel that holds widget w (or w itself), if any.
    static TablePanel* owning(QWidget* w);
    // A row-selecting table as every panel of the window uses it.
    static QTableView* newTable();
    // The width a column needs for its longest expected value: measured from
    // a sample rather than from the rows, which a lazy model would all read.
    static int sampleWidth(const QWidget* w, const QString& sample);

signals:
    void filterTextChanged(const QString& text);

private:
    QLabel* m_title = nullptr;
    QLineEdit* m_filter = nullptr;
    QAbstractItemView* m_view = nullptr;
    QAbstractItemModel* m_source = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
};

} // namespace rt
