#include "ActionEditors.h"

#include "ChoiceDelegate.h"
#include "LongTextDelegate.h"
#include "OwnerDelegate.h"
#include "TargetDateDelegate.h"
#include "models/ActionTableModel.h"

#include <QTableView>

namespace rt {

OwnerDelegate* installActionEditors(QTableView* view, QObject* parent)
{
    auto* owners = new OwnerDelegate(parent);
    view->setItemDelegateForColumn(ActionTableModel::ActionColumn, new LongTextDelegate(parent));
    view->setItemDelegateForColumn(ActionTableModel::OwnerColumn, owners);
    view->setItemDelegateForColumn(ActionTableModel::TargetColumn, new TargetDateDelegate(parent));
    view->setItemDelegateForColumn(ActionTableModel::StatusColumn,
                                   new ChoiceDelegate(ChoiceDelegate::statusChoices(), parent));
    view->setItemDelegateForColumn(ActionTableModel::RagColumn,
                                   new ChoiceDelegate(ChoiceDelegate::ragChoices(), parent));
    return owners;
}

} // namespace rt
