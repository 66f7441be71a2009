#pragma once

// Pieces shared by the files of the dashboard page (DashboardPage.cpp,
// DashboardPageLists.cpp); not for use elsewhere.

#include "core/PartialDate.h"

#include <QCoreApplication>
#include <QDate>
#include <QHeaderView>
#include <QLocale>
#include <QTableWidget>

namespace rt::dashboardpage {

// What a count cell or an action row stands for, kept on the item.
enum ItemRole
{
    FlagRole = Qt::UserRole + 1, // "overdue", "red", … or "" for all open
    GroupKindRole,
    GroupIdRole,
    GroupNameRole,
    ActionIdRole,
    ReviewIdRole
};

inline QString ukDate(const QDate& d)
{
    return PartialDate::dayString(d);
}

inline QString number(int n)
{
    return QLocale(QLocale::English, QLocale::UnitedKingdom).toString(n);
}

inline QTableWidget* newTable(const QStringList& headers)
{
    auto* t = new QTableWidget(0, headers.size());
    t->setHorizontalHeaderLabels(headers);
    t->verticalHeader()->hide();
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectItems);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->setAlternatingRowColors(true);
    t->setWordWrap(false);
    t->horizontalHeader()->setHighlightSections(false);
    t->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    return t;
}

inline QTableWidgetItem* textItem(const QString& text)
{
    auto* item = new QTableWidgetItem(text);
    item->setToolTip(text);
    return item;
}

inline QTableWidgetItem* countItem(int n, const QString& flag)
{
    auto* item = new QTableWidgetItem(number(n));
    item->setData(Qt::TextAlignmentRole, int(Qt::AlignRight | Qt::AlignVCenter));
    item->setData(FlagRole, flag);
    if (n > 0) {
        QFont f = item->font();
        f.setUnderline(true);
        item->setFont(f);
        item->setForeground(QColor(0x1f, 0x5f, 0xa8));
        item->setToolTip(QCoreApplication::translate("rt::DashboardPage", "Click to list these actions"));
    }
    return item;
}

} // namespace rt::dashboardpage
