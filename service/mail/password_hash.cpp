#include "mail/password_hash.h"
