#include "TargetDateDelegate.h"
