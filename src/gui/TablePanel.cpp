#include "TablePanel.h"

#include <QAbstractItemView>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QToolTip>
#include <QVBoxLayout>

namespace rt {

TablePanel::TablePanel(const QString& title, QAbstractItemView* view, QWidget* parent)
    : QWidget(parent), m_view(view)
{
    m_title = new QLabel(title);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_filter = new QLineEdit;
    m_filter->setClearButtonEnabled(true);
    m_filter->setPlaceholderText(tr("Filter (Ctrl+F)"));
    m_filter->setMaximumWidth(320);

    auto* top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(m_title);
    top->addStretch(1);
    top->addWidget(m_filter, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    setFocusProxy(m_view);
    connect(m_filter, &QLineEdit::textChanged, this, &TablePanel::filterTextChanged);
}

void TablePanel::setModel(QAbstractItemModel* model, Filtering filtering)
{
    m_source = model;
    if (filtering == Filtering::Model) {
        m_view->setModel(model);
        return;
    }
    if (!m_proxy) {
        m_proxy = new QSortFilterProxyModel(this);
        m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
        m_proxy->setFilterKeyColumn(-1);
        // A tree keeps the parents of a matching sub-recommendation visible.
        m_proxy->setRecursiveFilteringEnabled(true);
        connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    }
    m_proxy->setSourceModel(model);
    m_view->setModel(m_proxy);
}

QModelIndex TablePanel::toSource(const QModelIndex& viewIndex) const
{
    if (!viewIndex.isValid())
        return QModelIndex();
    if (m_proxy && viewIndex.model() == m_proxy)
        return m_proxy->mapToSource(viewIndex);
    return viewIndex;
}

QModelIndex TablePanel::fromSource(const QModelIndex& sourceIndex) const
{
    if (!sourceIndex.isValid())
        return QModelIndex();
    if (m_proxy && m_view->model() == m_proxy)
        return m_proxy->mapFromSource(sourceIndex);
    return sourceIndex;
}

QModelIndex TablePanel::currentSourceIndex() const
{
    return toSource(m_view->currentIndex());
}

void TablePanel::setCurrentSource(const QModelIndex& sourceIndex)
{
    const QModelIndex i = fromSource(sourceIndex);
    if (!i.isValid())
        return;
    m_view->setCurrentIndex(i);
    m_view->scrollTo(i);
}

void TablePanel::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

void TablePanel::setTitle(const QString& title)
{
    m_title->setText(title);
}

void TablePanel::setFilterPlaceholder(const QString& text)
{
    m_filter->setPlaceholderText(text);
}

void TablePanel::showRefusal(const QModelIndex& sourceIndex, const QString& reason)
{
    const QRect cell = m_view->visualRect(fromSource(sourceIndex));
    QToolTip::showText(m_view->viewport()->mapToGlobal(cell.bottomLeft()), reason, m_view);
}

QTableView* TablePanel::newTable()
{
    auto* view = new QTableView;
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->setTabKeyNavigation(true);
    view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                          QAbstractItemView::AnyKeyPressed);
    view->horizontalHeader()->setHighlightSections(false);
    return view;
}

int TablePanel::sampleWidth(const QWidget* w, const QString& sample)
{
    return w->fontMetrics().horizontalAdvance(sample) + 18;
}

TablePanel* TablePanel::owning(QWidget* w)
{
    for (; w; w = w->parentWidget()) {
        if (auto* panel = qobject_cast<TablePanel*>(w))
            return panel;
    }
    return nullptr;
}

} // namespace rt
