#include "ResponseRepository.h"
