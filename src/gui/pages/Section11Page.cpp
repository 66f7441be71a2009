#include "Section11Page.h"
