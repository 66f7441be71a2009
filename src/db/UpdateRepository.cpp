#include "UpdateRepository.h"
