// The filter bar's saved filters: the menu, and saving, renaming and
// deleting them by name.

#include "ChoiceButton.h"
#include "FilterBar.h"
#include "core/Vocabulary.h"
#include "db/SavedFilterRepository.h"

#include <QDateEdit>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWidgetAction>
#include <functional>
#include <tuple>

namespace rt {

QStringList FilterBar::savedNames()
{
    QStringList names;
    QVector<SavedFilter> saved;
    if (SavedFilterRepository(m_db).list(&saved)) {
        for (const SavedFilter& s : saved)
            names << s.name;
    }
    return names;
}

bool FilterBar::saveCurrentAs(const QString& name, bool overwrite, QString* error, bool* taken)
{
    SavedFilterRepository repo(m_db);
    const bool ok = repo.save(name, m_filter, overwrite) > 0;
    if (error)
        *error = ok ? QString() : repo.errorString();
    if (taken)
        *taken = repo.nameTaken();
    return ok;
}

bool FilterBar::applySaved(const QString& name, QString* error)
{
    SavedFilterRepository repo(m_db);
    SavedFilter saved;
    if (!repo.find(name, &saved) || !saved.error.isEmpty()) {
        if (error)
            *error = saved.error.isEmpty() ? repo.errorString() : saved.error;
        return false;
    }
    setFilter(saved.filter);
    emit filterChanged(m_filter);
    return true;
}

void FilterBar::rebuildSavedMenu()
{
    QMenu* menu = m_saved->menu();
    menu->clear();
    QVector<SavedFilter> saved;
    SavedFilterRepository repo(m_db);
    if (!repo.list(&saved))
        menu->addAction(repo.errorString())->setEnabled(false);
    for (const SavedFilter& s : saved) {
        QAction* apply = menu->addAction(s.name, this, [this, name = s.name] {
            QString error;
            if (!applySaved(name, &error))
                QMessageBox::warning(this, tr("Saved filter"), error);
        });
        apply->setCheckable(true);
        apply->setChecked(s.error.isEmpty() && s.filter == m_filter);
        if (!s.error.isEmpty()) {
            apply->setEnabled(false);
            apply->setToolTip(s.error);
        }
    }
    if (saved.isEmpty())
        menu->addAction(tr("No saved filters yet"))->setEnabled(false);
    menu->addSeparator();
    menu->addAction(tr("Save current filter as…"), this, &FilterBar::saveInteractively);
    QMenu* rename = menu->addMenu(tr("Rename"));
    QMenu* remove = menu->addMenu(tr("Delete"));
    rename->setEnabled(!saved.isEmpty());
    remove->setEnabled(!saved.isEmpty());
    for (const SavedFilter& s : saved) {
        rename->addAction(s.name, this, [this, id = s.id, name = s.name] { renameInteractively(id, name); });
        remove->addAction(s.name, this, [this, id = s.id, name = s.name] { removeInteractively(id, name); });
    }
}

void FilterBar::saveInteractively()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save filter"),
                                               tr("Name for this filter (for example “QiiP monthly: Red and "
                                                  "overdue”):"),
                                               QLineEdit::Normal, QString(), &ok);
    if (!ok)
        return;
    QString error;
    bool taken = false;
    if (saveCurrentAs(name, false, &error, &taken))
        return;
    if (taken &&
        QMessageBox::question(this, tr("Save filter"),
                              tr("There is already a saved filter called “%1”. Replace it with this one?")
                                  .arg(name.trimmed())) == QMessageBox::Yes) {
        if (saveCurrentAs(name, true, &error))
            return;
    } else if (taken) {
        return;
    }
    QMessageBox::warning(this, tr("Save filter"), error);
}

void FilterBar::renameInteractively(qint64 id, const QString& name)
{
    bool ok = false;
    const QString newName =
        QInputDialog::getText(this, tr("Rename saved filter"), tr("New name:"), QLineEdit::Normal, name, &ok);
    if (!ok)
        return;
    SavedFilterRepository repo(m_db);
    if (!repo.rename(id, newName))
        QMessageBox::warning(this, tr("Rename saved filter"), repo.errorString());
}

void FilterBar::removeInteractively(qint64 id, const QString& name)
{
    if (QMessageBox::question(this, tr("Delete saved filter"),
                              tr("Delete the saved filter “%1”? The actions are not affected.").arg(name)) !=
        QMessageBox::Yes)
        return;
    SavedFilterRepository repo(m_db);
    if (!repo.remove(id))
        QMessageBox::warning(this, tr("Delete saved filter"), repo.errorString());
}

} // namespace rt
