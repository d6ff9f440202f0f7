#include "mail/sasl.h"
