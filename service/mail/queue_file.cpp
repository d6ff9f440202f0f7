#include "mail/queue_file.h"
