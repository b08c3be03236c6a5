// SwiftPM builds a C target from its sources; the hints are inline functions of the header.
#include "CacheHints.h"
