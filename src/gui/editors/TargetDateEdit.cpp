#include "TargetDateEdit.h"
