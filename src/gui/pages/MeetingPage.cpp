#include "MeetingPage.h"
