#include "ActionDetailPane.h"
#include "ReviewPage.h"
#include "TablePanel.h"
#include "db/ActionRepository.h"
#include "db/PlanQueries.h"
#include "db/RecommendationRepository.h"
#include "db/ResponseRepository.h"
#include "db/ReviewRepository.h"
#include "dialogs/ConfirmDelete.h"
#include "models/ActionTableModel.h"
#include "models/PlanVersionTableModel.h"
#include "models/RecommendationTreeModel.h"
#include "models/ResponseTableModel.h"
#include "models/ReviewLinkTableModel.h"

#include <QAbstractItemView>
#include <QDate>
#include <QInputDialog>
#include <functional>

// The page's Add, Delete and Move commands (Ctrl+N, Del, Alt+Up/Down): each
// acts on the panel the user is working in, through the repositories, and
// then reloads what shows the change.
namespace rt {

bool ReviewPage::addRow(TablePanel* panel, bool child)
{
    if (m_readOnly)
        return false;
    if (!panel)
        panel = defaultPanel();
    if (panel == m_recPanel || (child && panel != m_versionsPanel && panel != m_linksPanel)) {
        RecommendationRepository repo(m_db);
        const qint64 current = currentRecommendationId();
        qint64 parentId = 0;
        if (child)
            parentId = current;
        else if (const RecommendationRow* r = m_recs->rowFor(m_recs->indexOf(current)))
            parentId = r->parentId;
        const qint64 id = repo.create(m_reviewId, parentId, tr("New recommendation"));
        if (id == 0) {
            emit message(repo.errorString());
            return false;
        }
        m_recs->reload();
        updateHeading();
        emit reviewChanged(m_reviewId);
        editNew(m_recPanel, m_recs->indexOf(id, RecommendationTreeModel::TextColumn));
        return true;
    }
    if (panel == m_actionsPanel || panel == m_responsesPanel) {
        const qint64 rec = currentRecommendationId();
        if (rec == 0) {
            emit message(tr("Choose a recommendation first."));
            return false;
        }
        if (panel == m_actionsPanel) {
            ActionRepository repo(m_db);
            const qint64 id = repo.create(rec, tr("New action"));
            if (id == 0) {
                emit message(repo.errorString());
                return false;
            }
            refreshActions(id);
            m_recs->reload();
            updateHeading();
            emit reviewChanged(m_reviewId);
            editNew(m_actionsPanel, m_actions->index(m_actions->rowOf(id), ActionTableModel::ActionColumn));
            return true;
        }
        ResponseRepository repo(m_db);
        const qint64 id = repo.create(rec, tr("New response"));
        if (id == 0) {
            emit message(repo.errorString());
            return false;
        }
        m_responses->setRecommendation(rec);
        editNew(m_responsesPanel,
                m_responses->index(m_responses->rowOf(id), ResponseTableModel::ResponseColumn));
        return true;
    }
    if (panel == m_versionsPanel) {
        ReviewRepository repo(m_db);
        const QString version = QStringLiteral("%1.0").arg(m_versions->rowCount() + 1);
        const qint64 id =
            repo.addPlanVersion(m_reviewId, version, QDate::currentDate().toString(Qt::ISODate), QString());
        if (id == 0) {
            emit message(repo.errorString());
            return false;
        }
        m_versions->reload();
        editNew(m_versionsPanel,
                m_versions->index(m_versions->rowOf(id), PlanVersionTableModel::CommentColumn));
        return true;
    }
    if (panel == m_linksPanel) {
        // Another review of this database, or one known only by its name.
        QStringList titles;
        QVector<qint64> ids;
        for (const auto& [id, title] : PlanQueries(m_db).reviewTitles()) {
            if (id != m_reviewId) {
                ids << id;
                titles << title;
            }
        }
        bool ok = false;
        const QString chosen = QInputDialog::getItem(this, tr("Link a review"),
                                                     tr("Review (choose, or type the name of one not in this "
                                                        "database):"),
                                                     titles, 0, true, &ok);
        if (!ok || chosen.trimmed().isEmpty())
            return false;
        const int i = titles.indexOf(chosen);
        ReviewRepository repo(m_db);
        const qint64 id = repo.addLink(m_reviewId, i >= 0 ? ids.at(i) : 0, i >= 0 ? QString() : chosen,
                                       QString(), QString());
        if (id == 0) {
            emit message(repo.errorString());
            return false;
        }
        m_links->reload();
        editNew(m_linksPanel, m_links->index(m_links->rowOf(id), ReviewLinkTableModel::NoteColumn));
        return true;
    }
    return false;
}

bool ReviewPage::deleteRow(TablePanel* panel)
{
    if (m_readOnly)
        return false;
    if (!panel)
        panel = defaultPanel();
    if (panel == m_recPanel) {
        const QModelIndex i = m_recPanel->currentSourceIndex();
        const RecommendationRow* r = m_recs->rowFor(i);
        if (!r)
            return false;
        RecommendationRepository repo(m_db);
        if (!confirm(tr("Delete recommendation %1?").arg(r->number), deleteDetail(repo.impact(r->id))))
            return false;
        const QString number = r->number;
        if (!repo.remove(r->id)) {
            emit message(repo.errorString());
            return false;
        }
        m_recs->reload();
        updateHeading();
        emit reviewChanged(m_reviewId);
        emit message(tr("Recommendation %1 deleted").arg(number));
        recommendationSelected();
        return true;
    }
    if (panel == m_actionsPanel) {
        const qint64 id = currentActionId();
        if (id == 0)
            return false;
        ActionRepository repo(m_db);
        if (!confirm(tr("Delete this action?"), deleteDetail(repo.impact(id))))
            return false;
        if (!repo.remove(id)) {
            emit message(repo.errorString());
            return false;
        }
        refreshActions(0);
        m_recs->reload();
        updateHeading();
        emit reviewChanged(m_reviewId);
        return true;
    }
    auto removeRecord = [this](TablePanel* p, RecordTableModel* model, const QString& question,
                               const std::function<bool(qint64, QString*)>& remove) {
        const QModelIndex i = p->currentSourceIndex();
        const qint64 id = model->idAt(i.row());
        if (!i.isValid() || id == 0 || !confirm(question, tr("This cannot be undone.")))
            return false;
        QString error;
        if (!remove(id, &error)) {
            emit message(error);
            return false;
        }
        model->reload();
        emit reviewChanged(m_reviewId);
        return true;
    };
    if (panel == m_responsesPanel)
        return removeRecord(panel, m_responses, tr("Delete this response?"), [this](qint64 id, QString* e) {
            ResponseRepository repo(m_db);
            return repo.remove(id) || (*e = repo.errorString(), false);
        });
    if (panel == m_versionsPanel)
        return removeRecord(panel, m_versions, tr("Delete this plan version?"),
                            [this](qint64 id, QString* e) {
                                ReviewRepository repo(m_db);
                                return repo.removePlanVersion(id) || (*e = repo.errorString(), false);
                            });
    if (panel == m_linksPanel)
        return removeRecord(panel, m_links, tr("Remove this link?"), [this](qint64 id, QString* e) {
            ReviewRepository repo(m_db);
            return repo.removeLink(id) || (*e = repo.errorString(), false);
        });
    return false;
}

bool ReviewPage::moveRow(TablePanel* panel, int delta)
{
    if (m_readOnly)
        return false;
    if (!panel)
        panel = defaultPanel();
    if (panel == m_recPanel) {
        const qint64 id = currentRecommendationId();
        RecommendationRepository repo(m_db);
        if (id == 0 || !repo.move(id, delta)) {
            emit message(repo.errorString());
            return false;
        }
        m_recs->reload();
        m_recPanel->setCurrentSource(m_recs->indexOf(id));
        return true;
    }
    if (panel == m_actionsPanel) {
        const qint64 id = currentActionId();
        ActionRepository repo(m_db);
        if (id == 0 || !repo.move(id, delta)) {
            emit message(repo.errorString());
            return false;
        }
        refreshActions(id);
        return true;
    }
    if (panel == m_versionsPanel) {
        const qint64 id = m_versions->idAt(panel->currentSourceIndex().row());
        ReviewRepository repo(m_db);
        if (id == 0 || !repo.movePlanVersion(id, delta)) {
            emit message(repo.errorString());
            return false;
        }
        m_versions->reload();
        m_versionsPanel->setCurrentSource(m_versions->index(m_versions->rowOf(id), 0));
        return true;
    }
    return false;
}

} // namespace rt
