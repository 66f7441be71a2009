#pragma once

#include <QDialog>
#include <QSqlDatabase>

class QLabel;
class QTableView;

namespace rt {

class OwnerTableModel;
class TablePanel;

// Owners and their agencies in one list. Renaming an owner renames them on
// every action; renaming to an existing name merges the two.
class OwnersDialog : public QDialog
{
    Q_OBJECT

public:
    OwnersDialog(QSqlDatabase db, bool readOnly, QWidget* parent = nullptr);

    QTableView* view() const;
    OwnerTableModel* model() const { return m_model; }
    bool addOwner(const QString& name);
    bool addAgency(const QString& name);
    bool removeCurrent();

private:
    QSqlDatabase m_db;
    OwnerTableModel* m_model = nullptr;
    TablePanel* m_panel = nullptr;
    QLabel* m_error = nullptr;
};

} // namespace rt
