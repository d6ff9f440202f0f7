// The records a domain needs, as `postwrd dns records DOMAIN --format json`
// prints them on the server (service/mail/dns_records.h), so that what the
// wizard shows and checks always matches the server's real keys and
// addresses:
//
//   {"domain": "example.org", "hostname": "mail.example.org", "ttl": 3600,
//    "records": [{"id": "mx", "type": "MX", "name": "example.org",
//                 "value": "10 mail.example.org", "ttl": 3600,
//                 "where": "zone" | "provider" | "web", "purpose": "…",
//                 "strings": ["…"]   TXT only: the value in 255-byte pieces}],
//    "notes": ["…"]}
#pragma once

#include "result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace postwr::dnscheck {

struct ExpectedRecord {
    QString id; // "mx", "a", "aaaa", "spf", "spf-helo", "dkim:SELECTOR", "dmarc", "ptr:ipv4", …
    QString type; // "MX", "A", "AAAA", "TXT", "SRV", "PTR", "FILE"
    QString name; // without the final dot
    QString value;
    QStringList strings; // TXT: the pieces of at most 255 bytes
    int ttl = 3600;
    QString where; // "zone": the domain's DNS panel; "provider": the hosting provider; "web": a web server
    QString purpose; // English, from the server; the wizard shows its own translation by id
};

struct ExpectedRecords {
    QString domain;
    QString hostname;
    QList<ExpectedRecord> records;
    QStringList notes;
};

wizard::Result<ExpectedRecords> parseExpectedRecords(const QByteArray &json);

class ExpectedRecordsText {
    Q_DECLARE_TR_FUNCTIONS(postwr::dnscheck::ExpectedRecordsText)
};

} // namespace postwr::dnscheck
