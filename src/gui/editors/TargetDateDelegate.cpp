#include "TargetDateDelegate.h"

#include "EditorPlacement.h"
#include "TargetDateEdit.h"

#include <QAbstractItemView>
#include <QKeyEvent>
#include <QLineEdit>

namespace rt {

namespace {

constexpr int kMinEditorWidth = 220;
const char* const kIndexProperty = "rtEditedIndex";

// True while the view that made the editor still shows it for its cell.
bool stillEditing(const TargetDateEdit* edit)
{
    const QWidget* viewport = edit->parentWidget();
    const auto* view = viewport ? qobject_cast<const QAbstractItemView*>(viewport->parentWidget()) : nullptr;
    if (!view)
        return true; // not in a view: nothing to tell, let the base decide
    const auto index = edit->property(kIndexProperty).value<QPersistentModelIndex>();
    return view->indexWidget(index) == edit;
}

} // namespace

QWidget* TargetDateDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem& /*option*/,
                                          const QModelIndex& index) const
{
    auto* edit = new TargetDateEdit(parent);
    // The editor lies over the cell and the row below: without its own
    // background the cells' text would show through the reading line.
    edit->setAutoFillBackground(true);
    // Keys and focus go to the line edit, which the view does not filter.
    edit->lineEdit()->installEventFilter(const_cast<TargetDateDelegate*>(this));
    // Remembered so the filter can tell whether the view still holds this
    // editor: after closing it, the view's own focus change would otherwise
    // reach the filter and "commit" an editor it has already let go.
    edit->setProperty(kIndexProperty, QVariant::fromValue(QPersistentModelIndex(index)));
    // A long error wraps onto more lines while typing; grow or shrink the
    // editor with it so the reason is never cut off.
    connect(edit, &TargetDateEdit::textChanged, edit, [edit] {
        if (edit->hasHeightForWidth())
            edit->resize(edit->width(), edit->heightForWidth(edit->width()));
    });
    return edit;
}

void TargetDateDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const
{
    auto* edit = qobject_cast<TargetDateEdit*>(editor);
    if (!edit) {
        QStyledItemDelegate::setEditorData(editor, index);
        return;
    }
    edit->setText(index.data(Qt::EditRole).toString());
}

void TargetDateDelegate::setModelData(QWidget* editor, QAbstractItemModel* model,
                                      const QModelIndex& index) const
{
    auto* edit = qobject_cast<TargetDateEdit*>(editor);
    if (!edit) {
        QStyledItemDelegate::setModelData(editor, model, index);
        return;
    }
    // An unreadable target would store a date nobody can sort or report on;
    // keep the stored value (the editor's reading line said why).
    if (!edit->isAcceptable())
        return;
    model->setData(index, edit->text().trimmed(), Qt::EditRole);
}

void TargetDateDelegate::updateEditorGeometry(QWidget* editor, const QStyleOptionViewItem& option,
                                              const QModelIndex& /*index*/) const
{
    const QRect cell = option.rect;
    int minWidth = kMinEditorWidth;
    if (const auto* edit = qobject_cast<TargetDateEdit*>(editor)) {
        // Wide enough for the whole placeholder: its last example, "Ongoing",
        // is the form staff are least likely to guess.
        const QLineEdit* line = edit->lineEdit();
        minWidth = qMax(minWidth, line->fontMetrics().horizontalAdvance(line->placeholderText()) + 16);
    }
    const int width = qMax(cell.width(), minWidth);
    const int height =
        editor->hasHeightForWidth() ? editor->heightForWidth(width) : editor->sizeHint().height();
    QRect rect(cell.topLeft(), QSize(width, height));

    // It hangs over the row below; a clipped reading line would be worse.
    placeEditor(editor, rect);
}

bool TargetDateDelegate::eventFilter(QObject* object, QEvent* event)
{
    if (qobject_cast<TargetDateEdit*>(object)) {
        // The wrapper never has focus itself (its line edit is the focus
        // proxy), so the only keys reaching it are those the line edit passed
        // up after they were handled below; handling them again would commit
        // twice.
        if (event->type() == QEvent::KeyPress || event->type() == QEvent::ShortcutOverride)
            return false;
        return QStyledItemDelegate::eventFilter(object, event);
    }

    auto* line = qobject_cast<QLineEdit*>(object);
    auto* edit = line ? qobject_cast<TargetDateEdit*>(line->parentWidget()) : nullptr;
    if (!edit)
        return QStyledItemDelegate::eventFilter(object, event);
    if (!stillEditing(edit))
        return false;

    if (event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        switch (key->key()) {
        case Qt::Key_Return:
        case Qt::Key_Enter:
        case Qt::Key_Tab:
        case Qt::Key_Backtab:
            // Enter or Tab on a target that cannot be read keeps the editor
            // open with the reason showing, rather than closing it and
            // quietly throwing the typing away. Esc still gives up.
            if (!edit->isAcceptable())
                return true;
            break;
        default:
            break;
        }
    }
    // The base filter does the commit/close work; hand it the editor the view
    // knows, not the line edit inside it.
    return QStyledItemDelegate::eventFilter(edit, event);
}

} // namespace rt
