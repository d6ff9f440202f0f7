#include "mail/config.h"
