#pragma once

#include <QStringList>
#include <QStyledItemDelegate>

namespace rt {

// Edits owners ("Name; Other name") with completion from the owners list; the
// completion works on the name being typed after the last semicolon.
class OwnerDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit OwnerDelegate(QObject* parent = nullptr);

    void setNames(const QStringList& names) { m_names = names; }
    QStringList names() const { return m_names; }

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                          const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override;
    // At least wide enough for two names, so a narrow owner column does not
    // hide what is being typed.
    void updateEditorGeometry(QWidget* editor, const QStyleOptionViewItem& option,
                              const QModelIndex& index) const override;

private:
    QStringList m_names;
};

} // namespace rt
