#pragma once
// dkimpy scripts whose key lookups go to the test's own DNS server
// (dnsmasq or nsd) through dnspython: the prelude takes the server's
// address and port from sys.argv[1] and [2] and defines dnsfunc(), which
// answers b'' for a name without TXT record. The script's own arguments
// start at sys.argv[3].

#include <QString>

inline QString withDkimpyDns(const char *script) {
  return QStringLiteral(R"PY(
import sys, dkim, dns.resolver
address, port = sys.argv[1], int(sys.argv[2])
def dnsfunc(name, timeout=5):
    resolver = dns.resolver.Resolver(configure=False)
    resolver.nameservers = [address]
    resolver.port = port
    name = name.decode() if isinstance(name, bytes) else name
    try:
        answer = resolver.resolve(name, 'TXT', lifetime=timeout)
    except Exception:
        return b''
    return b''.join(b''.join(record.strings) for record in answer)
)PY") + QString::fromUtf8(script);
}
