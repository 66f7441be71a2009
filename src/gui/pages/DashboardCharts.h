#pragma once

#include "core/Dashboard.h"

class QChart;

namespace rt {

// The two pictures of the dashboard, each with its numbers on it: a RAG bar
// per agency reads faster than five columns of counts, and a completion bar
// per review faster than a column of percentages. The caller owns the chart.
namespace DashboardCharts {

// Open actions of the first maxBars agencies (already worst first), stacked
// Red, Amber, Green, Blue, not rated.
QChart* ragByAgency(const QVector<DashboardGroup>& agencies, int maxBars);
// Share of recommendations complete, for the reviews with open actions, the
// ones with most overdue first.
QChart* completionByReview(const QVector<DashboardReview>& reviews, int maxBars);

} // namespace DashboardCharts

} // namespace rt
