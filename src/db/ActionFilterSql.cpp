#include "ActionFilterSql.h"
