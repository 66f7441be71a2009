#pragma once

// Pieces shared by the two files of the Section 11 page (Section11Page.cpp,
// Section11PagePanels.cpp); not for use elsewhere.

#include "FieldError.h"
#include "Section11Page.h"
#include "core/Vocabulary.h"
#include "db/PlanQueries.h"
#include "db/Section11Repository.h"
#include "dialogs/ConfirmDelete.h"
#include "editors/ChoiceDelegate.h"
#include "models/Section11GridModel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QTextCursor>
#include <QTextEdit>
#include <QTextList>
#include <QVBoxLayout>

namespace rt::s11page {

constexpr int kIdRole = Qt::UserRole;
constexpr int kKindRole = Qt::UserRole + 1;
constexpr int kStandardRow = 1;
constexpr int kThemeRow = 2;
constexpr int kPadding = 6;

inline QVector<ChoiceDelegate::Choice> ratingChoices()
{
    QVector<ChoiceDelegate::Choice> choices;
    for (S11Rating r : {S11Rating::Good, S11Rating::GoodWithAreasForImprovement,
                        S11Rating::RequiresImprovement, S11Rating::Inadequate, S11Rating::Unable})
        choices.push_back({s11::code(r), s11::label(r), Section11GridModel::ratingColour(s11::code(r))});
    return choices;
}

// A key of the legend: a swatch and its words.
inline QWidget* legendKey(const QColor& colour, const QString& text, bool italic = false)
{
    auto* key = new QLabel;
    key->setTextFormat(Qt::RichText);
    key->setText(QStringLiteral("<span style=\"background-color:%1; border:1px solid %2;\">"
                                "&nbsp;&nbsp;&nbsp;&nbsp;</span>&nbsp;%3%4%5")
                     .arg(colour.name(), colour.darker(150).name(),
                          italic ? QStringLiteral("<i>") : QString(), text.toHtmlEscaped(),
                          italic ? QStringLiteral("</i>") : QString()));
    return key;
}

// The heat-map cells: the rating's colour fills the whole cell and stays
// visible when the cell is selected (a dark frame marks the selection
// instead of the highlight colour, which would hide the rating), and the
// text keeps a margin from the cell's edges.
class HeatMapDelegate : public ChoiceDelegate
{
public:
    using ChoiceDelegate::ChoiceDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        const QVariant background = index.data(Qt::BackgroundRole);
        if (background.canConvert<QBrush>())
            painter->fillRect(option.rect, background.value<QBrush>());
        QStyleOptionViewItem opt(option);
        const bool selected = opt.state & QStyle::State_Selected;
        opt.state &= ~(QStyle::State_Selected | QStyle::State_HasFocus);
        opt.rect = option.rect.adjusted(kPadding, kPadding / 2, -kPadding, -kPadding / 2);
        ChoiceDelegate::paint(painter, opt, index);
        // Cell borders in the view's grid colour read as a table on a projector.
        if (selected) {
            painter->save();
            QPen pen(QColor(0x1F, 0x3A, 0x93), 3);
            pen.setJoinStyle(Qt::MiterJoin);
            painter->setPen(pen);
            painter->setBrush(Qt::NoBrush);
            painter->drawRect(QRectF(option.rect).adjusted(1.5, 1.5, -1.5, -1.5));
            painter->restore();
        }
    }

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        // Measured here rather than by the style, which wraps at a narrower
        // width than it paints and so made rows needlessly tall.
        QStyleOptionViewItem opt(option);
        initStyleOption(&opt, index);
        const int width = qMax(20, option.rect.width() - 2 * kPadding - 8);
        const QRect text =
            QFontMetrics(opt.font).boundingRect(QRect(0, 0, width, 10000), Qt::TextWordWrap, opt.text);
        return {text.width() + 2 * kPadding + 8, text.height() + 2 * kPadding};
    }
};

// Shows the bullets as a bulleted list, so a long bullet that wraps still
// reads as one point; Enter starts the next bullet.
inline void setBullets(QTextEdit* edit, const QStringList& bullets)
{
    edit->clear();
    if (bullets.isEmpty()) {
        edit->document()->setModified(false); // the placeholder says what to type
        return;
    }
    QTextCursor cursor(edit->document());
    QTextListFormat list;
    list.setStyle(QTextListFormat::ListDisc);
    edit->document()->setIndentWidth(18);
    cursor.createList(list);
    for (int i = 0; i < bullets.size(); ++i) {
        if (i > 0)
            cursor.insertBlock();
        cursor.insertText(bullets.at(i));
    }
    edit->document()->setModified(false);
}

inline QString firstLine(const QString& text)
{
    const QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (lines.isEmpty())
        return QString();
    QString first = lines.first().trimmed();
    if (first.startsWith(QLatin1String("- ")))
        first = first.mid(2);
    return lines.size() > 1 ? Section11Page::tr("%1 (+%n more)", nullptr, int(lines.size() - 1)).arg(first)
                            : first;
}

} // namespace rt::s11page
