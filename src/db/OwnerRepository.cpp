#include "OwnerRepository.h"
