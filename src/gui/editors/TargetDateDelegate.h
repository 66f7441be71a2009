#pragma once

#include <QStyledItemDelegate>

namespace rt {

// Edits a target cell with a TargetDateEdit: the model's EditRole is the
// target as written; an unreadable target is not written back (the editor
// shows why) so the cell keeps its stored value.
class TargetDateDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                          const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override;
    void updateEditorGeometry(QWidget* editor, const QStyleOptionViewItem& option,
                              const QModelIndex& index) const override;

protected:
    // The view filters the TargetDateEdit, but keys and focus go to the line
    // edit inside it; this routes those to the usual commit/close handling.
    bool eventFilter(QObject* object, QEvent* event) override;
};

} // namespace rt
