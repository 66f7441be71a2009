#include "HighlightDelegate.h"
