#include "ChoiceDelegate.h"
