#include "mail/directory.h"
