#pragma once

#include <QColor>
#include <QIcon>
#include <QStyledItemDelegate>
#include <QVector>

class QComboBox;

namespace rt {

// A combo-box editor for a closed set (kind, decision, status, RAG). The model's
// EditRole holds the code; the combo shows labels, optionally with a colour
// swatch (RAG). Choosing commits at once.
class ChoiceDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    struct Choice
    {
        QString code;
        QString label;
        QColor colour; // invalid: no swatch
    };

    explicit ChoiceDelegate(QVector<Choice> choices, QObject* parent = nullptr);

    // A small filled square with a darker edge; an invalid colour gives a
    // transparent one, which keeps a mixed list's labels in one column.
    static QIcon swatchIcon(const QColor& colour, qreal devicePixelRatio = 1.0);
    // Fills a combo box with the choices (labels shown, codes as data), with
    // swatches when any choice has a colour.
    static void fillCombo(QComboBox* box, const QVector<Choice>& choices);
    static QVector<Choice> statusChoices();
    static QVector<Choice> ragChoices();      // includes a blank "no rating" choice first
    static QVector<Choice> decisionChoices(); // blank, Agreed, Partly agreed, Not agreed
    static QVector<Choice> reviewKindChoices();
    static QVector<Choice> recommendationKindChoices();

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                          const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override;
    // At least as wide as the combo needs, so a narrow RAG or status column
    // does not cut the labels off.
    void updateEditorGeometry(QWidget* editor, const QStyleOptionViewItem& option,
                              const QModelIndex& index) const override;

protected:
    // Arrow keys change the choice without committing (QComboBox would report
    // them as a pick); Enter commits, Esc cancels.
    bool eventFilter(QObject* object, QEvent* event) override;

private:
    QVector<Choice> m_choices;
};

} // namespace rt
