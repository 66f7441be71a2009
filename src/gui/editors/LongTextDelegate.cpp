#include "LongTextDelegate.h"

#include "EditorPlacement.h"

#include <QAbstractItemView>
#include <QFocusEvent>
#include <QKeyEvent>
#include <QPlainTextEdit>
#include <QTextCursor>
#include <QTextDocument>
#include <QtMath>

namespace rt {

namespace {

constexpr int kMinLines = 4;
constexpr int kMaxLines = 12;
constexpr int kMinWidth = 360;

// Set once the editor has been committed or cancelled, so the focus-out that
// closing causes never commits a second time (or commits after Esc).
const char* const kFinishedProperty = "rtLongTextFinished";

} // namespace

QWidget* LongTextDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem& /*option*/,
                                        const QModelIndex& /*index*/) const
{
    auto* edit = new QPlainTextEdit(parent);
    edit->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    // Long references and addresses have no spaces to break at.
    edit->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    edit->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    edit->setTabChangesFocus(true);
    return edit;
}

void LongTextDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const
{
    auto* edit = qobject_cast<QPlainTextEdit*>(editor);
    if (!edit) {
        QStyledItemDelegate::setEditorData(editor, index);
        return;
    }
    const QString text = index.data(Qt::EditRole).toString();
    if (edit->toPlainText() == text)
        return; // the view re-sends data on every change; keep the cursor
    edit->setPlainText(text);
    // Long text is mostly amended, not replaced: start at the end with nothing
    // selected, so a stray key cannot wipe a whole recommendation.
    edit->moveCursor(QTextCursor::End);
}

void LongTextDelegate::setModelData(QWidget* editor, QAbstractItemModel* model,
                                    const QModelIndex& index) const
{
    auto* edit = qobject_cast<QPlainTextEdit*>(editor);
    if (!edit) {
        QStyledItemDelegate::setModelData(editor, model, index);
        return;
    }
    model->setData(index, edit->toPlainText(), Qt::EditRole);
}

void LongTextDelegate::updateEditorGeometry(QWidget* editor, const QStyleOptionViewItem& option,
                                            const QModelIndex& index) const
{
    auto* edit = qobject_cast<QPlainTextEdit*>(editor);
    if (!edit) {
        QStyledItemDelegate::updateEditorGeometry(editor, option, index);
        return;
    }
    const QWidget* viewport = editor->parentWidget();
    const QRect area = viewport ? viewport->rect() : QRect(option.rect.topLeft(), QSize(kMinWidth, 1000));
    const QRect cell = option.rect;

    const int width = qMin(qMax(cell.width(), kMinWidth), area.width());

    // Tall enough for the stored text (the view sizes the editor before it
    // fills it in, so measure the model's text), between 4 and 12 lines.
    const QMargins frame = edit->contentsMargins();
    const int chrome = frame.top() + frame.bottom() + qCeil(2 * edit->document()->documentMargin());
    const int sideChrome = frame.left() + frame.right() + qCeil(2 * edit->document()->documentMargin()) +
                           edit->style()->pixelMetric(QStyle::PM_ScrollBarExtent);
    const QFontMetrics metrics(edit->font());
    const QString text = index.data(Qt::EditRole).toString();
    const int textHeight =
        metrics.boundingRect(QRect(0, 0, qMax(1, width - sideChrome), 1 << 20), Qt::TextWordWrap, text)
            .height();
    const int lines = qBound(kMinLines, qCeil(qreal(textHeight) / metrics.lineSpacing()), kMaxLines);
    const int wanted = qMax(cell.height(), lines * metrics.lineSpacing() + chrome);
    const int height = qMin(wanted, area.height());

    placeEditor(editor, QRect(cell.topLeft(), QSize(width, height)));
}

bool LongTextDelegate::eventFilter(QObject* object, QEvent* event)
{
    auto* edit = qobject_cast<QPlainTextEdit*>(object);
    if (!edit)
        return QStyledItemDelegate::eventFilter(object, event);

    auto finish = [this, edit](bool commit, QAbstractItemDelegate::EndEditHint hint) {
        edit->setProperty(kFinishedProperty, true);
        if (commit)
            emit commitData(edit);
        emit closeEditor(edit, hint);
    };

    switch (event->type()) {
    case QEvent::ShortcutOverride: {
        // Claim the keys handled below so a window shortcut bound to Return or
        // Esc (a default button, "close panel") does not take them first.
        auto* key = static_cast<QKeyEvent*>(event);
        switch (key->key()) {
        case Qt::Key_Return:
        case Qt::Key_Enter:
        case Qt::Key_Escape:
            event->accept();
            return true;
        default:
            return QStyledItemDelegate::eventFilter(object, event);
        }
    }
    case QEvent::KeyPress: {
        auto* key = static_cast<QKeyEvent*>(event);
        switch (key->key()) {
        case Qt::Key_Return:
        case Qt::Key_Enter:
            if (key->modifiers() & Qt::ShiftModifier) {
                // A real paragraph break: QPlainTextEdit's own Shift+Enter
                // would insert U+2028, which the model would store as is.
                edit->insertPlainText(QStringLiteral("\n"));
                edit->ensureCursorVisible();
            } else {
                finish(true, QAbstractItemDelegate::SubmitModelCache);
            }
            return true;
        case Qt::Key_Escape:
            finish(false, QAbstractItemDelegate::RevertModelCache);
            return true;
        case Qt::Key_Tab:
            finish(true, QAbstractItemDelegate::EditNextItem);
            return true;
        case Qt::Key_Backtab:
            finish(true, QAbstractItemDelegate::EditPreviousItem);
            return true;
        default:
            break;
        }
        break;
    }
    case QEvent::FocusOut:
        if (edit->property(kFinishedProperty).toBool())
            return false;
        // The editor's own context menu takes focus as a popup; that is not
        // leaving the editor.
        if (static_cast<QFocusEvent*>(event)->reason() == Qt::PopupFocusReason)
            return false;
        // The base filter commits and closes on a real focus-out (focus moved
        // outside the editor, not to a child of it) for any editor, this one
        // included.
        return QStyledItemDelegate::eventFilter(object, event);
    default:
        break;
    }
    return QStyledItemDelegate::eventFilter(object, event);
}

} // namespace rt
