#include "ReviewRepository.h"
