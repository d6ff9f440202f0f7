// postwrd: the Postwr mail service. See README.md for the commands.
#include "cli/arguments.h"
#include "cli/backup_commands.h"
#include "cli/config_commands.h"
#include "cli/dkim_commands.h"
#include "cli/dns_commands.h"
#include "cli/queue_commands.h"
#include "cli/tls_commands.h"
#include "cli/user_commands.h"
#include "daemon/server.h"

#include <iostream>

namespace {

constexpr const char *usage = R"(usage: postwrd [--config DIR] COMMAND

commands:
  run                      serve mail in the foreground (SIGTERM stops, SIGHUP reloads)
  user add EMAIL           add an account, or change its password (read from stdin)
  user add EMAIL --generate   ... with a generated password, printed on stdout
  user remove EMAIL        remove an account
  user list [DOMAIN]       list the accounts
  user check EMAIL         exit 0 if the password on stdin is right, 1 if not
  alias resolve ADDRESS    show where mail to ADDRESS goes
  queue list               the messages waiting for delivery, with their last error
  queue flush              make the running postwrd retry every queued message now
  queue drop ID            remove a message from the queue
  config check             print every problem of the configuration; exit 1 if any
  dkim keygen DOMAIN [--selector S] [--algorithm rsa|ed25519] [--bits 2048]
                           make a DKIM key; prints the DNS TXT record to publish
  dkim list [DOMAIN]       the DKIM keys and their TXT records
  dkim sign DOMAIN [--selector S]   print the message on stdin with DKIM signatures (diagnostic)
  tls self-signed [--days N] [--force]
                           make a self-signed certificate for the hostname (EC P-256, 365 days)
                           where [tls] says; leaves existing files alone unless --force
  tls show [--format table|json]   the certificate served: names, issuer, validity, serial
  tls install CERT KEY [--reload]  check a certificate chain and key (e.g. certbot's) and install them
  dns records DOMAIN --ipv4 ADDR [--ipv6 ADDR] [--format table|zone|json]
           [--spf-all soft|hard] [--dmarc-policy none|quarantine|reject] [--dmarc-rua ADDR]
           [--dmarc-ruf ADDR] [--tlsrpt-rua ADDR] [--mta-sts-mode testing|enforce] [--ttl SECONDS]
           [--receive here|elsewhere] [--spf-include DOMAIN[,DOMAIN...]]
                           every DNS record the domain needs (MX, SPF, DKIM, DMARC, ...) and its
                           reverse DNS; --ipv4 may be left out when --ipv6 is given
  dns blocklists --ipv4 ADDR [--ipv6 ADDR] [--lists ZONE[,ZONE...]] [--format table|json]
                           whether the addresses are on the common DNS blocklists (Spamhaus,
                           SpamCop, ...), asked through [dns] servers; exit 1 if one is listed
  backup init [--plain]    keep the configuration directory in git, one commit per change; secrets
                           encrypted with the passphrase on stdin, unless --plain
  backup remote URL        push to this git remote over SSH; prints the deploy key to allow (write access)
  backup key               print the deploy key (made on first use)
  backup push              push now; exit 1 with the reason when it fails
  backup commit MESSAGE    commit (and push) changes made by hand
  backup status [--format table|json]   last commit, last push and its outcome
  backup export            the committed files as one text stream (what the desktop archives)
  backup restore --from URL | --stdin   bring back a backup (a remote, or an export on stdin after the
                           passphrase line); a wrong passphrase changes nothing
  version                  print the version

--config DIR   the configuration directory (default /etc/postwr)
)";

int runDaemon(const std::string &configDir)
{
    auto server = postwr::daemon::Server::create(configDir);
    if (!server) {
        std::cerr << "postwrd: " << server.error().message << '\n';
        return 1;
    }
    return (*server)->run();
}

} // namespace

int main(int argc, char **argv)
{
    const postwr::cli::Arguments arguments = postwr::cli::parseArguments(argc, argv);
    if (!arguments.error.empty()) {
        std::cerr << "postwrd: " << arguments.error << '\n' << usage;
        return 2;
    }
    const std::string command = arguments.words.empty() ? "" : arguments.words.front();
    const std::string sub = arguments.words.size() > 1 ? arguments.words[1] : "";
    if (command == "run" && arguments.words.size() == 1)
        return runDaemon(arguments.configDir);
    if (command == "user")
        return postwr::cli::runUserCommand(arguments);
    if (command == "queue")
        return postwr::cli::runQueueCommand(arguments);
    if (command == "alias" && sub == "resolve")
        return postwr::cli::runAliasResolve(arguments);
    if (command == "dkim")
        return postwr::cli::runDkimCommand(arguments);
    if (command == "dns")
        return postwr::cli::runDnsCommand(arguments);
    if (command == "backup")
        return postwr::cli::runBackupCommand(arguments);
    if (command == "tls")
        return postwr::cli::runTlsCommand(arguments);
    if (command == "config" && sub == "check" && arguments.words.size() == 2)
        return postwr::cli::runConfigCheck(arguments);
    if (command == "version" || arguments.flags.count("--version")) {
        std::cout << "postwrd " << POSTWR_VERSION << '\n';
        return 0;
    }
    if (command == "help" || arguments.flags.count("--help")) {
        std::cout << usage;
        return 0;
    }
    std::cerr << usage;
    return 2;
}
