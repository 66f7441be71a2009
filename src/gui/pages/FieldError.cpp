#include "FieldError.h"

#include <QLabel>
#include <QVBoxLayout>

namespace rt {

QWidget* withErrorLine(QWidget* editor, QLabel** errorLine)
{
    auto* box = new QWidget;
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(1);
    layout->addWidget(editor);
    auto* error = new QLabel;
    error->setWordWrap(true);
    error->setStyleSheet(QStringLiteral("color: #B01E1E;"));
    error->hide();
    layout->addWidget(error);
    *errorLine = error;
    return box;
}

} // namespace rt
