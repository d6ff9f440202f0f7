#include "mail/address.h"
