#include "mail/ini.h"
