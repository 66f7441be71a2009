#pragma once

class QObject;
class QTableView;

namespace rt {

class OwnerDelegate;

// Puts the editors that fit each column of an ActionTableModel on a view:
// long text, owners with completion, targets, status and RAG lists. Returns
// the owner delegate, whose list of names the caller keeps current.
OwnerDelegate* installActionEditors(QTableView* view, QObject* parent);

} // namespace rt
