#include "MeetingQueries.h"
