// The command line of postwrd: `postwrd [--config DIR] COMMAND [ARGS] [--flags]`.
// --config may stand anywhere; the default is /etc/postwr.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

namespace postwr::cli {

struct Arguments {
    std::string configDir = "/etc/postwr";
    std::vector<std::string> words; // the command and its arguments
    std::set<std::string> flags;    // e.g. "--generate"
    // Options with a value, given as "--name value" or "--name=value":
    // --selector, --algorithm, --bits (dkim); --ipv4, --ipv6, --format and
    // the other options of dns records; --lists (dns blocklists); --days
    // (tls self-signed). Keyed by "--name".
    std::map<std::string, std::string> options;
    std::string error;              // set when the command line cannot be understood
};

Arguments parseArguments(int argc, char **argv);

// Reads one line from standard input (a password), without its line end.
std::string readSecretLine();

} // namespace postwr::cli
