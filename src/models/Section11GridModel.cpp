#include "Section11GridModel.h"
