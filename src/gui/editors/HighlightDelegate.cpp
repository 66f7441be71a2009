#include "HighlightDelegate.h"

#include "db/ActionFilterSql.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QPainter>
#include <QTextLayout>
#include <algorithm>

namespace rt {

namespace {

// A soft marker yellow: readable under black text, and still distinct on
// the selection colour of the row.
const QColor kMarkBackground(0xFF, 0xE0, 0x66);
const QColor kMarkText(0x1A, 0x1A, 0x1A);

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c.category() == QChar::Mark_NonSpacing;
}

} // namespace

HighlightDelegate::HighlightDelegate(int highlightRole, QAbstractItemDelegate* editing, QObject* parent)
    : QStyledItemDelegate(parent), m_role(highlightRole), m_editing(editing)
{
    if (m_editing) {
        // The view listens to this delegate only; the wrapped one's signals
        // (its Enter commits, its Esc cancels) must reach the view through it.
        connect(m_editing, &QAbstractItemDelegate::commitData, this, &QAbstractItemDelegate::commitData);
        connect(m_editing, &QAbstractItemDelegate::closeEditor, this, &QAbstractItemDelegate::closeEditor);
        connect(m_editing, &QAbstractItemDelegate::sizeHintChanged, this,
                &QAbstractItemDelegate::sizeHintChanged);
    }
}

QVector<QPair<int, int>> HighlightDelegate::matches(const QString& text, const QStringList& terms)
{
    QVector<QPair<int, int>> found;
    if (terms.isEmpty() || text.isEmpty())
        return found;
    QVector<int> map;
    const QString folded = ActionFilterSql::fold(text, &map);
    for (const QString& term : terms) {
        if (term.isEmpty())
            continue;
        for (int at = folded.indexOf(term); at >= 0; at = folded.indexOf(term, at + 1)) {
            // Only at the start of a word, as the index matches prefixes.
            if (at > 0 && isWordChar(folded.at(at - 1)))
                continue;
            const int start = map.at(at);
            int end = map.at(at + term.size() - 1) + 1;
            // The folded text dropped combining accents: keep them with their letter.
            while (end < text.size() && text.at(end).category() == QChar::Mark_NonSpacing)
                ++end;
            found.append({start, end - start});
        }
    }
    std::sort(found.begin(), found.end());
    // Merge overlaps ("super" inside "supervision"), so each character is
    // marked once.
    QVector<QPair<int, int>> merged;
    for (const auto& m : found) {
        if (!merged.isEmpty() && m.first <= merged.last().first + merged.last().second) {
            auto& last = merged.last();
            last.second = qMax(last.first + last.second, m.first + m.second) - last.first;
        } else {
            merged.append(m);
        }
    }
    return merged;
}

void HighlightDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                              const QModelIndex& index) const
{
    const QStringList terms = index.data(m_role).toStringList();
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QVector<QPair<int, int>> marks = matches(opt.text, terms);
    if (marks.isEmpty()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }

    // The cell as the style draws it (background, selection, focus), with
    // the text left out; the text is drawn below with its marks.
    const QWidget* widget = opt.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    const QString text = opt.text;
    opt.text.clear();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
    const QRect area =
        style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget).adjusted(margin, 0, -margin, 0);
    if (area.width() <= 0)
        return;
    const bool wrap = opt.features & QStyleOptionViewItem::WrapText;
    const QPalette::ColorGroup group = !(opt.state & QStyle::State_Enabled) ? QPalette::Disabled
                                       : (opt.state & QStyle::State_Active) ? QPalette::Normal
                                                                            : QPalette::Inactive;
    const QColor ink = opt.palette.color(
        group, (opt.state & QStyle::State_Selected) ? QPalette::HighlightedText : QPalette::Text);

    // One line, elided as the plain view elides: line breaks read as spaces
    // (same length, so the marks stay in place), and marks past the ellipsis
    // are dropped with the text they mark.
    QString shown = text;
    int limit = shown.size(); // marks end here: no mark on the ellipsis
    if (!wrap) {
        for (QChar& c : shown) {
            if (c == QLatin1Char('\n') || c == QChar::LineSeparator || c == QChar::ParagraphSeparator)
                c = QLatin1Char(' ');
        }
        // Elided at the right (the views' setting), the shown text is a
        // prefix of the text, so the marks keep their places.
        const QString elided = opt.fontMetrics.elidedText(shown, Qt::ElideRight, area.width());
        if (elided != shown) {
            limit = elided.endsWith(QChar(0x2026)) ? elided.size() - 1 : elided.size();
            shown = elided;
        }
    } else {
        shown.replace(QLatin1Char('\n'), QChar::LineSeparator);
    }

    QList<QTextLayout::FormatRange> formats;
    for (const auto& [start, length] : marks) {
        if (start >= limit)
            break;
        QTextLayout::FormatRange r;
        r.start = start;
        r.length = qMin(length, limit - start);
        r.format.setBackground(kMarkBackground);
        r.format.setForeground(kMarkText);
        formats.append(r);
    }

    QTextLayout layout(shown, opt.font);
    QTextOption textOption;
    textOption.setWrapMode(wrap ? QTextOption::WrapAtWordBoundaryOrAnywhere : QTextOption::NoWrap);
    textOption.setTextDirection(opt.direction);
    layout.setTextOption(textOption);
    layout.setFormats(formats);
    layout.beginLayout();
    qreal height = 0;
    const int lineSpacing = opt.fontMetrics.lineSpacing();
    while (true) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(area.width());
        line.setPosition(QPointF(0, height));
        height += line.height();
        // No line below the cell: a wrapped row shows what fits.
        if (!wrap || height + lineSpacing > area.height())
            break;
    }
    layout.endLayout();

    // Vertically as the style aligns the plain text (centred by default).
    qreal top = area.top();
    if (opt.displayAlignment & Qt::AlignVCenter)
        top = area.top() + qMax<qreal>(0, (area.height() - height) / 2);
    else if (opt.displayAlignment & Qt::AlignBottom)
        top = area.bottom() - height;

    painter->save();
    painter->setClipRect(area);
    painter->setPen(ink);
    layout.draw(painter, QPointF(area.left(), top));
    painter->restore();
}

QWidget* HighlightDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                                         const QModelIndex& index) const
{
    return m_editing ? m_editing->createEditor(parent, option, index)
                     : QStyledItemDelegate::createEditor(parent, option, index);
}

void HighlightDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const
{
    if (m_editing)
        m_editing->setEditorData(editor, index);
    else
        QStyledItemDelegate::setEditorData(editor, index);
}

void HighlightDelegate::setModelData(QWidget* editor, QAbstractItemModel* model,
                                     const QModelIndex& index) const
{
    if (m_editing)
        m_editing->setModelData(editor, model, index);
    else
        QStyledItemDelegate::setModelData(editor, model, index);
}

void HighlightDelegate::updateEditorGeometry(QWidget* editor, const QStyleOptionViewItem& option,
                                             const QModelIndex& index) const
{
    if (m_editing)
        m_editing->updateEditorGeometry(editor, option, index);
    else
        QStyledItemDelegate::updateEditorGeometry(editor, option, index);
}

void HighlightDelegate::destroyEditor(QWidget* editor, const QModelIndex& index) const
{
    if (m_editing)
        m_editing->destroyEditor(editor, index);
    else
        QStyledItemDelegate::destroyEditor(editor, index);
}

bool HighlightDelegate::editorEvent(QEvent* event, QAbstractItemModel* model,
                                    const QStyleOptionViewItem& option, const QModelIndex& index)
{
    return m_editing ? m_editing->editorEvent(event, model, option, index)
                     : QStyledItemDelegate::editorEvent(event, model, option, index);
}

bool HighlightDelegate::eventFilter(QObject* object, QEvent* event)
{
    // eventFilter is public on QObject: called through it, the wrapped
    // delegate's own override runs.
    if (m_editing)
        return static_cast<QObject*>(m_editing.data())->eventFilter(object, event);
    return QStyledItemDelegate::eventFilter(object, event);
}

} // namespace rt
