#include "Section11Repository.h"
