#include "ActionsPage.h"
