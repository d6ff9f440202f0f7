#include "cli/arguments.h"

#include <iostream>

namespace postwr::cli {

namespace {
const std::set<std::string> valueOptions{"--selector", "--algorithm", "--bits", "--ipv4", "--ipv6",
    "--format", "--spf-all", "--dmarc-policy", "--dmarc-rua", "--dmarc-ruf", "--tlsrpt-rua",
    "--mta-sts-mode", "--ttl", "--days", "--lists", "--receive", "--spf-include", "--name", "--from"};
} // namespace

Arguments parseArguments(int argc, char **argv)
{
    Arguments arguments;
    for (int i = 1; i < argc; ++i) {
        const std::string word = argv[i];
        if (word == "--config") {
            if (i + 1 >= argc) {
                arguments.error = "--config needs a directory";
                return arguments;
            }
            arguments.configDir = argv[++i];
        } else if (word.rfind("--config=", 0) == 0) {
            arguments.configDir = word.substr(9);
        } else if (word.rfind("--", 0) == 0 && word.size() > 2) {
            const std::size_t equals = word.find('=');
            const std::string name = word.substr(0, equals);
            if (equals != std::string::npos) {
                arguments.options[name] = word.substr(equals + 1);
            } else if (valueOptions.count(name)) {
                if (i + 1 >= argc) {
                    arguments.error = name + " needs a value";
                    return arguments;
                }
                arguments.options[name] = argv[++i];
            } else {
                arguments.flags.insert(word);
            }
        } else {
            arguments.words.push_back(word);
        }
    }
    while (arguments.configDir.size() > 1 && arguments.configDir.back() == '/')
        arguments.configDir.pop_back();
    return arguments;
}

std::string readSecretLine()
{
    std::string line;
    std::getline(std::cin, line);
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return line;
}

} // namespace postwr::cli
