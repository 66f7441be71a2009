#include "DeleteImpact.h"
