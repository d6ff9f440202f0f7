// Is a record published as the domain needs it? Sans-IO: the caller asks
// DNS (a resolver, and the domain's own name servers) and hands the
// answers in; this says correct, missing or wrong, shows the difference,
// and names the usual paste mistakes of DNS panels:
//
//   quoted        the value pasted with its quotes:  "\"v=spf1 …\""
//   dkim-cut      the DKIM key cut where a panel stops (255 characters)
//   dkim-split    the DKIM key in pieces joined with spaces or quotes inside
//   doubled-name  the panel appended the domain again: _dmarc.example.org.example.org
//   two-spf       a second SPF record instead of the first one edited
//   cname         a CNAME where the TXT record belongs
//   spf-lookups   SPF needs more than 10 DNS lookups (includes of includes)
//   spf-include   the include: of another sender of the domain went missing
//
// Two views of DNS are compared: a resolver's, which may hold an older
// answer until its TTL runs out, and the domain's own name servers', which
// have what the DNS panel published. A record right at the source but not
// yet at the resolver is `Stale`: published, wait.
#pragma once

#include "dnscheck/expected_records.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace postwr::dnscheck {

// What DNS answered for one name and type.
struct Answer {
    enum class Status { Found, NoData, NxDomain, Failed };
    Status status = Status::NoData;
    // One entry per record: MX "10 mail.example.org", A/AAAA the address,
    // PTR/CNAME the name, SRV "0 1 465 mail.example.org", TXT its strings
    // joined without separator (RFC 7208 §3.3, RFC 6376 §3.6.2.2).
    QStringList values;
    // TXT: each record's strings as published, to tell how it was split.
    QList<QStringList> txtStrings;
    QString cname; // the name is an alias of this one
    QString error; // Failed: why

    static Answer found(QStringList values);
    static Answer txt(QList<QStringList> records);
    static Answer noData() { return {}; }
    static Answer nxDomain();
};

struct Verdict {
    enum class State { Correct, Missing, Wrong, Unknown, Stale };
    State state = State::Unknown;
    QString found; // what is published now, for the table
    QString problem; // translated: what is wrong and what to do; "" when correct
    QString mistake; // one of the keys above, or ""
};

// `answer`: for expected.name and expected.type. `atDoubledName`: the
// same type at expected.name + "." + domain, asked when `answer` found
// nothing (an empty Answer otherwise).
Verdict checkRecord(const ExpectedRecord &expected, const QString &domain, const Answer &answer,
    const Answer &atDoubledName = {});

// What RFC 7208 check_host() says for one client address, as
// spfResultName() names it: "pass", "fail", "softfail", "neutral", "none",
// "temperror", "permerror"; `reason` says why (a permerror's cause).
struct SpfOutcome {
    QString address;
    QString result;
    QString reason;
};

// The published SPF record's verdict (checkRecord) refined by evaluating
// it as receivers do: `servers` for each of the server's addresses (each
// must pass, through whatever includes), `stranger` for an address no
// record lists, which walks every include (and so finds the 10-lookup
// limit crossed whatever address matches first).
Verdict checkSpfEvaluation(const Verdict &published, const QList<SpfOutcome> &servers, const SpfOutcome &stranger);

// The resolver's verdict against the name servers' one for the same
// record; `nameServers` names them for the message.
Verdict compareWithSource(const Verdict &resolver, const Verdict &source, const QStringList &nameServers);

// Forward-confirmed reverse DNS: the PTR of `address` names `hostname`,
// and `hostname`'s addresses (`forward`) include `address` again.
Verdict checkReverse(const QString &address, const QString &hostname, const Answer &ptr, const Answer &forward);

// The name to ask for the doubled-name mistake: "_dmarc.example.org.example.org".
QString doubledName(const QString &name, const QString &domain);

class RecordCheck {
    Q_DECLARE_TR_FUNCTIONS(postwr::dnscheck::RecordCheck)
};

} // namespace postwr::dnscheck
