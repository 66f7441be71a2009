#include "LongTextDelegate.h"
