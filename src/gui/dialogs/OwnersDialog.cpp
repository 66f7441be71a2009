#include "OwnersDialog.h"

#include "TablePanel.h"
#include "db/OwnerRepository.h"
#include "models/OwnerTableModel.h"
#include "pages/HistoryPanel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QToolTip>
#include <QVBoxLayout>

namespace rt {

namespace {

// The agency cell: a list of the agencies, with a blank for none.
class AgencyDelegate : public QStyledItemDelegate
{
public:
    AgencyDelegate(QStringList names, QObject* parent)
        : QStyledItemDelegate(parent), m_names(std::move(names))
    {
    }
    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem&, const QModelIndex&) const override
    {
        auto* box = new QComboBox(parent);
        box->addItem(QString());
        box->addItems(m_names);
        return box;
    }
    void setEditorData(QWidget* editor, const QModelIndex& index) const override
    {
        auto* box = static_cast<QComboBox*>(editor);
        box->setCurrentIndex(qMax(0, box->findText(index.data(Qt::EditRole).toString())));
    }
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override
    {
        model->setData(index, static_cast<QComboBox*>(editor)->currentText());
    }

private:
    QStringList m_names;
};

} // namespace

OwnersDialog::OwnersDialog(QSqlDatabase db, bool readOnly, QWidget* parent)
    : QDialog(parent), m_db(std::move(db))
{
    setWindowTitle(tr("Agencies and owners"));
    m_model = new OwnerTableModel(m_db, this);
    m_model->setReadOnly(readOnly);
    auto* view = TablePanel::newTable();
    view->setWordWrap(false);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    m_panel = new TablePanel(tr("Owners — rename one here and it changes on every action"), view);
    m_panel->setModel(m_model, TablePanel::Filtering::Proxy);
    view->setItemDelegateForColumn(OwnerTableModel::AgencyColumn,
                                   new AgencyDelegate(OwnerRepository(m_db).agencyNames(), this));
    QHeaderView* h = view->horizontalHeader();
    h->setSectionResizeMode(OwnerTableModel::NameColumn, QHeaderView::Stretch);
    h->resizeSection(OwnerTableModel::AgencyColumn, fontMetrics().horizontalAdvance(QStringLiteral(
                                                        "Gloucestershire Hospitals NHS Foundation Trust")) /
                                                            2 +
                                                        40);
    h->setSectionResizeMode(OwnerTableModel::AgencyColumn, QHeaderView::Stretch);
    h->setSectionResizeMode(OwnerTableModel::ActionsColumn, QHeaderView::ResizeToContents);

    m_error = new QLabel;
    m_error->setStyleSheet(QStringLiteral("color: #B01E1E;"));
    m_error->setWordWrap(true);
    connect(m_model, &RecordTableModel::editRefused, this,
            [this](const QModelIndex&, const QString& why) { m_error->setText(why); });
    connect(m_model, &RecordTableModel::saved, m_error, &QLabel::clear);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    QPushButton* addOwnerButton = buttons->addButton(tr("Add &owner…"), QDialogButtonBox::ActionRole);
    QPushButton* addAgencyButton = buttons->addButton(tr("Add &agency…"), QDialogButtonBox::ActionRole);
    QPushButton* removeButton = buttons->addButton(tr("&Delete owner"), QDialogButtonBox::ActionRole);
    for (QPushButton* b : {addOwnerButton, addAgencyButton, removeButton})
        b->setEnabled(!readOnly);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(addOwnerButton, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Add owner"), tr("Name or role:"),
                                                   QLineEdit::Normal, QString(), &ok);
        if (ok)
            addOwner(name);
    });
    connect(addAgencyButton, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Add agency"), tr("Agency name:"),
                                                   QLineEdit::Normal, QString(), &ok);
        if (ok)
            addAgency(name);
    });
    connect(removeButton, &QPushButton::clicked, this, &OwnersDialog::removeCurrent);
    auto* del = new QShortcut(QKeySequence::Delete, view, nullptr, nullptr, Qt::WidgetShortcut);
    connect(del, &QShortcut::activated, this, &OwnersDialog::removeCurrent);

    // The chosen owner's changes (renamed, agency changed), read only when shown.
    auto* history = new HistoryPanel(m_db);
    connect(view->selectionModel(), &QItemSelectionModel::currentRowChanged, history, [this, history] {
        const QModelIndex i = m_panel->currentSourceIndex();
        history->setRecord(QStringLiteral("owner"), i.isValid() ? m_model->idAt(i.row()) : 0);
    });
    connect(m_model, &RecordTableModel::saved, history, &HistoryPanel::refresh);
    auto* split = new QSplitter(Qt::Vertical);
    split->addWidget(m_panel);
    split->addWidget(history);
    split->setSizes({360, 160});

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(760, 640);
}

QTableView* OwnersDialog::view() const
{
    return static_cast<QTableView*>(m_panel->view());
}

bool OwnersDialog::addOwner(const QString& name)
{
    OwnerRepository repo(m_db);
    const qint64 id = repo.addOwner(name, 0);
    if (id == 0) {
        m_error->setText(repo.errorString());
        return false;
    }
    m_model->reload();
    m_panel->setCurrentSource(m_model->index(m_model->rowOf(id), OwnerTableModel::AgencyColumn));
    m_error->clear();
    return true;
}

bool OwnersDialog::addAgency(const QString& name)
{
    OwnerRepository repo(m_db);
    if (repo.addAgency(name, QString()) == 0) {
        m_error->setText(repo.errorString());
        return false;
    }
    view()->setItemDelegateForColumn(OwnerTableModel::AgencyColumn,
                                     new AgencyDelegate(repo.agencyNames(), this));
    m_error->setText(tr("Agency “%1” added.").arg(name.trimmed()));
    return true;
}

bool OwnersDialog::removeCurrent()
{
    const qint64 id = m_model->idAt(m_panel->currentSourceIndex().row());
    if (id == 0)
        return false;
    OwnerRepository repo(m_db);
    if (!repo.removeOwner(id)) {
        m_error->setText(repo.errorString());
        return false;
    }
    m_model->reload();
    m_error->clear();
    return true;
}

} // namespace rt
