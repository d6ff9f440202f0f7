#include "mail/dot_reader.h"
