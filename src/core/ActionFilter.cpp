#include "ActionFilter.h"

namespace rt {

bool ActionFilter::isEmpty() const
{
    return *this == ActionFilter();
}

bool ActionFilter::operator==(const ActionFilter& o) const
{
    return reviewIds == o.reviewIds && kinds == o.kinds && agencyIds == o.agencyIds && owners == o.owners
           && statuses == o.statuses && rags == o.rags && themes == o.themes && decisions == o.decisions
           && targetFrom == o.targetFrom && targetTo == o.targetTo && openOnly == o.openOnly
           && overdue == o.overdue && dueSoon == o.dueSoon && stale == o.stale && noTarget == o.noTarget
           && revised == o.revised && asOf == o.asOf && staleDays == o.staleDays
           && dueSoonDays == o.dueSoonDays && text == o.text;
}

QJsonObject ActionFilter::toJson() const
{
    return QJsonObject(); // written with the filter bar
}

ActionFilter ActionFilter::fromJson(const QJsonObject&, QString*)
{
    return ActionFilter();
}

} // namespace rt
