#include "RecommendationRepository.h"
