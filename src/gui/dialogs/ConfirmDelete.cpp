#include "ConfirmDelete.h"

#include "db/DeleteImpact.h"

#include <QCoreApplication>
#include <QMessageBox>
#include <QPushButton>

namespace rt {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("rt::ConfirmDelete", text);
}
} // namespace

bool confirmDelete(QWidget* parent, const QString& question, const QString& detail)
{
    QMessageBox box(QMessageBox::Warning, tr("Delete"), question, QMessageBox::Cancel, parent);
    box.setInformativeText(detail);
    QPushButton* del = box.addButton(tr("Delete"), QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == del;
}

QString deleteDetail(const DeleteImpact& impact)
{
    const QString goes = impact.describe();
    return goes.isEmpty() ? tr("Nothing else goes with it.")
                          : tr("With it go %1. This cannot be undone.").arg(goes);
}

} // namespace rt
