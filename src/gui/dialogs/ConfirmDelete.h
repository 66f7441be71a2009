#pragma once

#include <QString>

class QWidget;

namespace rt {

struct DeleteImpact;

// The deletion question every table asks: Cancel is the default, and the
// detail says what goes with the record.
bool confirmDelete(QWidget* parent, const QString& question, const QString& detail);
// "With it go 2 sub-recommendations and 4 actions. This cannot be undone."
QString deleteDetail(const DeleteImpact& impact);

} // namespace rt
