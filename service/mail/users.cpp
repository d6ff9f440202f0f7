#include "mail/users.h"
