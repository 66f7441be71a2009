#include "SavedFilterRepository.h"
