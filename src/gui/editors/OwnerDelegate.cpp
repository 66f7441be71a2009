#include "OwnerDelegate.h"

#include "EditorPlacement.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QLineEdit>
#include <QStringListModel>

namespace rt {

namespace {

constexpr int kMinEditorWidth = 240;

// Completes the name being typed after the last ';' and puts the chosen name
// back after the names already written: "Kay Jones; Isob" offers "Isobel
// Dougan" and accepting gives "Kay Jones; Isobel Dougan".
class LastNameCompleter : public QCompleter
{
public:
    using QCompleter::QCompleter;

    QStringList splitPath(const QString& path) const override
    {
        return {path.mid(path.lastIndexOf(QLatin1Char(';')) + 1).trimmed()};
    }

    QString pathFromIndex(const QModelIndex& index) const override
    {
        const QString name = QCompleter::pathFromIndex(index);
        const auto* edit = qobject_cast<const QLineEdit*>(widget());
        if (!edit)
            return name;
        // The line edit's text, not completionPrefix(): while the user steps
        // through the list the text already holds the previous choice, and
        // the part before the last ';' is the same either way.
        const QString text = edit->text();
        const int semicolon = text.lastIndexOf(QLatin1Char(';'));
        if (semicolon < 0)
            return name;
        return text.left(semicolon + 1) + QLatin1Char(' ') + name;
    }
};

// "Kay Jones;Isobel Dougan ;" and "Kay Jones; Isobel Dougan" are the same two
// owners; store one spelling of the list.
QString normalisedOwners(const QString& text)
{
    QStringList names;
    const QStringList parts = text.split(QLatin1Char(';'));
    for (const QString& part : parts) {
        const QString name = part.simplified();
        if (!name.isEmpty())
            names << name;
    }
    return names.join(QStringLiteral("; "));
}

} // namespace

OwnerDelegate::OwnerDelegate(QObject* parent) : QStyledItemDelegate(parent) {}

QWidget* OwnerDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem& /*option*/,
                                     const QModelIndex& /*index*/) const
{
    auto* edit = new QLineEdit(parent);
    edit->setPlaceholderText(tr("Name; another name"));
    edit->setAutoFillBackground(true);

    QStringList names = m_names;
    names.removeDuplicates();
    names.sort(Qt::CaseInsensitive);
    auto* completer = new LastNameCompleter(new QStringListModel(names, edit), edit);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    // Contains, not starts-with: staff remember "Dougan" as often as "Isobel".
    completer->setFilterMode(Qt::MatchContains);
    completer->setCompletionMode(QCompleter::PopupCompletion);
    completer->setMaxVisibleItems(8);
    edit->setCompleter(completer);
    return edit;
}

void OwnerDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const
{
    auto* edit = qobject_cast<QLineEdit*>(editor);
    if (!edit) {
        QStyledItemDelegate::setEditorData(editor, index);
        return;
    }
    const QString text = index.data(Qt::EditRole).toString();
    if (edit->text() != text)
        edit->setText(text);
}

void OwnerDelegate::setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const
{
    auto* edit = qobject_cast<QLineEdit*>(editor);
    if (!edit) {
        QStyledItemDelegate::setModelData(editor, model, index);
        return;
    }
    model->setData(index, normalisedOwners(edit->text()), Qt::EditRole);
}

void OwnerDelegate::updateEditorGeometry(QWidget* editor, const QStyleOptionViewItem& option,
                                         const QModelIndex& /*index*/) const
{
    const QRect cell = option.rect;
    const int height = editor->sizeHint().height();
    QRect rect(cell.topLeft(), QSize(qMax(cell.width(), kMinEditorWidth), qMax(cell.height(), height)));
    // Cover the cell so its selection colour does not show round the edges,
    // except in a tall (wrapped) row: there a line-edit-high editor, centred.
    // A short row is overhung rather than squashing the text.
    if (cell.height() >= 2 * height) {
        rect.setHeight(height);
        rect.moveTop(cell.top() + (cell.height() - height) / 2);
    }
    placeEditor(editor, rect, Qt::Horizontal);
}

} // namespace rt
