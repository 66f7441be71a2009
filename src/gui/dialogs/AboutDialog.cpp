#include "AboutDialog.h"

#include "ui_AboutDialog.h"

#include <QApplication>
#include <QDir>

namespace rt {

AboutDialog::AboutDialog(const QString& databasePath, int schemaVersion, QWidget* parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::AboutDialog>())
{
    m_ui->setupUi(this);
    m_ui->versionLabel->setText(
        tr("Version %1 · Qt %2").arg(QApplication::applicationVersion(), QLatin1String(qVersion())));
    m_ui->databaseLabel->setText(
        databasePath.isEmpty()
            ? tr("No database open.")
            : tr("Database: %1 (schema %2)").arg(QDir::toNativeSeparators(databasePath)).arg(schemaVersion));
}

AboutDialog::~AboutDialog() = default;

} // namespace rt
