#include "mail/smtp_server.h"
