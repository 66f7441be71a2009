#include "DashboardQueries.h"
