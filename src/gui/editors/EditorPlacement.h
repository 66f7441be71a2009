#pragma once

#include <QRect>
#include <QWidget>

namespace rt {

// Sets an item editor's geometry to rect, pulled back inside its viewport
// along the given directions: an editor starts over its cell and may hang
// over the next row or column, but a clipped editor is worse than a small
// offset at the right or bottom edge.
inline void placeEditor(QWidget* editor, QRect rect,
                        Qt::Orientations keepInside = Qt::Horizontal | Qt::Vertical)
{
    if (const QWidget* viewport = editor->parentWidget()) {
        const QRect area = viewport->rect();
        if (keepInside & Qt::Horizontal) {
            if (rect.right() > area.right())
                rect.moveRight(area.right());
            if (rect.left() < area.left())
                rect.moveLeft(area.left());
        }
        if (keepInside & Qt::Vertical) {
            if (rect.bottom() > area.bottom())
                rect.moveBottom(area.bottom());
            if (rect.top() < area.top())
                rect.moveTop(area.top());
        }
    }
    editor->setGeometry(rect);
}

} // namespace rt
