#include "ChoiceDelegate.h"

#include "EditorPlacement.h"
#include "core/Vocabulary.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QKeyEvent>
#include <QPainter>
#include <QPixmap>
#include <utility>

namespace rt {

namespace {

constexpr int kCodeRole = Qt::UserRole;
constexpr int kSwatchSize = 12;

// A small filled square with a darker edge, so pale colours (amber) still
// stand out on a white list. An invalid colour gives a transparent square of
// the same size, which keeps the labels of a mixed list in one column.
} // namespace

QIcon ChoiceDelegate::swatchIcon(const QColor& colour, qreal devicePixelRatio)
{
    QPixmap pixmap(QSize(kSwatchSize, kSwatchSize) * devicePixelRatio);
    pixmap.setDevicePixelRatio(devicePixelRatio);
    pixmap.fill(Qt::transparent);
    if (colour.isValid()) {
        QPainter painter(&pixmap);
        painter.setPen(colour.darker(150));
        painter.setBrush(colour);
        painter.drawRect(QRectF(0.5, 0.5, kSwatchSize - 1, kSwatchSize - 1));
    }
    return QIcon(pixmap);
}

void ChoiceDelegate::fillCombo(QComboBox* box, const QVector<Choice>& choices)
{
    bool anyColour = false;
    for (const Choice& c : choices)
        anyColour = anyColour || c.colour.isValid();
    if (anyColour)
        box->setIconSize(QSize(kSwatchSize, kSwatchSize));
    const qreal dpr = box->devicePixelRatioF();
    for (const Choice& c : choices) {
        if (anyColour)
            box->addItem(swatchIcon(c.colour, dpr), c.label, c.code);
        else
            box->addItem(c.label, c.code);
    }
}

ChoiceDelegate::ChoiceDelegate(QVector<Choice> choices, QObject* parent)
    : QStyledItemDelegate(parent), m_choices(std::move(choices))
{
}

QVector<ChoiceDelegate::Choice> ChoiceDelegate::statusChoices()
{
    QVector<Choice> choices;
    const QStringList codes = status::allCodes();
    for (const QString& code : codes) {
        ActionStatus s;
        if (status::fromCode(code, &s))
            choices.push_back({code, status::label(s), QColor()});
    }
    return choices;
}

QVector<ChoiceDelegate::Choice> ChoiceDelegate::ragChoices()
{
    QVector<Choice> choices{{QString(), tr("No rating"), QColor()}};
    for (Rag r : {Rag::Red, Rag::Amber, Rag::Green, Rag::Blue})
        choices.push_back({rag::code(r), rag::label(r), rag::colour(r)});
    return choices;
}

QVector<ChoiceDelegate::Choice> ChoiceDelegate::decisionChoices()
{
    QVector<Choice> choices{{QString(), tr("Not recorded"), QColor()}};
    // The labels come from the vocabulary so the list reads exactly as the
    // cells do.
    for (Decision d : {Decision::Agreed, Decision::PartlyAgreed, Decision::NotAgreed})
        choices.push_back({decision::code(d), decision::label(d), QColor()});
    return choices;
}

QVector<ChoiceDelegate::Choice> ChoiceDelegate::reviewKindChoices()
{
    QVector<Choice> choices;
    for (ReviewKind k : {ReviewKind::SCR, ReviewKind::LCSPR, ReviewKind::RapidReview, ReviewKind::Section11,
                         ReviewKind::Audit})
        choices.push_back({reviewkind::code(k), reviewkind::label(k), QColor()});
    return choices;
}

QVector<ChoiceDelegate::Choice> ChoiceDelegate::recommendationKindChoices()
{
    return {{recommendationkind::code(RecommendationKind::Recommendation), tr("Recommendation"), QColor()},
            {recommendationkind::code(RecommendationKind::Finding), tr("Finding"), QColor()}};
}

QWidget* ChoiceDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem& /*option*/,
                                      const QModelIndex& /*index*/) const
{
    auto* combo = new QComboBox(parent);
    // The editor lies over the cell; the cell's own text must not show through.
    combo->setAutoFillBackground(true);

    fillCombo(combo, m_choices);

    // A pick from the list (click, Enter in the list, or typing the first
    // letters) is the whole edit: commit and close so one action does it.
    auto* self = const_cast<ChoiceDelegate*>(this);
    connect(combo, &QComboBox::activated, self, [self, combo] {
        emit self->commitData(combo);
        emit self->closeEditor(combo, QAbstractItemDelegate::SubmitModelCache);
    });
    return combo;
}

void ChoiceDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const
{
    auto* combo = qobject_cast<QComboBox*>(editor);
    if (!combo) {
        QStyledItemDelegate::setEditorData(editor, index);
        return;
    }
    const QString code = index.data(Qt::EditRole).toString();
    int row = -1;
    for (int i = 0; i < combo->count(); ++i) {
        // Compared as strings so a null and an empty code are the same blank.
        if (combo->itemData(i, kCodeRole).toString() == code) {
            row = i;
            break;
        }
    }
    if (row < 0) {
        // A code outside the list (older data, a hand-edited database) is
        // shown as it is stored, so Enter keeps it rather than silently
        // turning it into the first choice.
        const QString label = code.isEmpty() ? tr("Not set") : code;
        if (combo->count() > 0 && !combo->itemIcon(0).isNull())
            combo->addItem(swatchIcon(QColor(), combo->devicePixelRatioF()), label, code); // keep the column
        else
            combo->addItem(label, code);
        row = combo->count() - 1;
    }
    combo->setCurrentIndex(row);
}

void ChoiceDelegate::setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const
{
    auto* combo = qobject_cast<QComboBox*>(editor);
    if (!combo) {
        QStyledItemDelegate::setModelData(editor, model, index);
        return;
    }
    if (combo->currentIndex() < 0)
        return;
    model->setData(index, combo->currentData(kCodeRole).toString(), Qt::EditRole);
}

void ChoiceDelegate::updateEditorGeometry(QWidget* editor, const QStyleOptionViewItem& option,
                                          const QModelIndex& /*index*/) const
{
    const QRect cell = option.rect;
    const QSize hint = editor->sizeHint();
    QRect rect = cell;
    rect.setWidth(qMax(cell.width(), hint.width()));
    // Cover the cell so its selection colour does not show round the edges;
    // but a tall (wrapped) row would stretch the combo into a box, so there
    // it keeps its own height, centred. A short row is overhung, not squashed.
    if (cell.height() >= 2 * hint.height()) {
        rect.setHeight(hint.height());
        rect.moveTop(cell.top() + (cell.height() - hint.height()) / 2);
    } else {
        rect.setHeight(qMax(cell.height(), hint.height()));
    }
    placeEditor(editor, rect, Qt::Horizontal);
}

bool ChoiceDelegate::eventFilter(QObject* object, QEvent* event)
{
    auto* combo = qobject_cast<QComboBox*>(object);
    if (combo && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        // Alt+Down opens the list and Ctrl+arrows are not ours: leave those
        // to the combo.
        if (!(key->modifiers() & (Qt::AltModifier | Qt::ControlModifier))) {
            int row = -1;
            switch (key->key()) {
            case Qt::Key_Up:
            case Qt::Key_PageUp:
                row = combo->currentIndex() - 1;
                break;
            case Qt::Key_Down:
            case Qt::Key_PageDown:
                row = combo->currentIndex() + 1;
                break;
            case Qt::Key_Home:
                row = 0;
                break;
            case Qt::Key_End:
                row = combo->count() - 1;
                break;
            default:
                return QStyledItemDelegate::eventFilter(object, event);
            }
            // QComboBox reports an arrow step as "activated", which would
            // commit on the first press; stepping here changes the choice
            // only, and Enter commits it.
            if (row >= 0 && row < combo->count())
                combo->setCurrentIndex(row);
            return true;
        }
    }
    return QStyledItemDelegate::eventFilter(object, event);
}

} // namespace rt
