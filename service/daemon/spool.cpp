#include "daemon/spool.h"
