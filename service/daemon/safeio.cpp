#include "daemon/safeio.h"
