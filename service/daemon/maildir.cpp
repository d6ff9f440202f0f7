#include "daemon/maildir.h"
