#include "OwnerDelegate.h"
