#pragma once

#include <QPointer>
#include <QStyledItemDelegate>
#include <QVector>

namespace rt {

// Paints a cell's text with the words of the filter marked where they start a
// word ("supervis" in "Supervision"), matching as the full-text index does:
// whatever the capitals and accents. The words come from the index's
// HighlightRole (a QStringList of folded words).
//
// Editing is not its business: it hands every editor call to the delegate it
// wraps (the long-text editor of the Action column, the owner editor), so
// highlighting a column never takes its editor away.
class HighlightDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    // editing: the delegate that edits the column, or none for the default
    // editor; it stays owned by its parent.
    explicit HighlightDelegate(int highlightRole, QAbstractItemDelegate* editing = nullptr,
                               QObject* parent = nullptr);

    QAbstractItemDelegate* editingDelegate() const { return m_editing; }

    // Where the words match in text: [start, length) pairs in text's own
    // indices, sorted, never overlapping. terms are folded words.
    static QVector<QPair<int, int>> matches(const QString& text, const QStringList& terms);

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                          const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override;
    void updateEditorGeometry(QWidget* editor, const QStyleOptionViewItem& option,
                              const QModelIndex& index) const override;
    void destroyEditor(QWidget* editor, const QModelIndex& index) const override;
    bool editorEvent(QEvent* event, QAbstractItemModel* model, const QStyleOptionViewItem& option,
                     const QModelIndex& index) override;

protected:
    // The view installs this delegate as the editor's event filter; the
    // wrapped delegate's own keys (Enter commits, Shift+Enter breaks a line)
    // must still apply.
    bool eventFilter(QObject* object, QEvent* event) override;

private:
    int m_role;
    QPointer<QAbstractItemDelegate> m_editing;
};

} // namespace rt
