#pragma once

class QLabel;
class QWidget;

namespace rt {

// A form field with a red line under it for the reason an entry was refused,
// hidden until there is one. Returns the box to put in the form.
QWidget* withErrorLine(QWidget* editor, QLabel** errorLine);

} // namespace rt
