#pragma once

#include <QDialog>
#include <memory>

namespace Ui {
class AboutDialog;
}

namespace rt {

// Help ▸ About: version, and which database file is open (users on a shared
// drive need to know which copy they are looking at).
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    AboutDialog(const QString& databasePath, int schemaVersion, QWidget* parent = nullptr);
    ~AboutDialog() override;

private:
    std::unique_ptr<Ui::AboutDialog> m_ui;
};

} // namespace rt
