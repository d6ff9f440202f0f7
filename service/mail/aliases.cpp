#include "mail/aliases.h"
