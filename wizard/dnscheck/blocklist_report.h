// What `postwrd dns blocklists --format json` found on the server (see
// service/mail/blocklist.h for why the server asks), in the desktop's
// language: one line per address listed or list that could not tell, and
// one for the lists that hold nothing against the server.
//
//   {"results": [{"list": "zen", "name": "Spamhaus ZEN", "zone": "zen.spamhaus.org",
//                 "address": "192.0.2.1", "state": "listed" | "clean" | "refused" | "unknown",
//                 "codes": ["127.0.0.2"], "message": "…", "delist": "https://…"}]}
#pragma once

#include "result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace postwr::dnscheck {

struct BlocklistResult {
    QString list; // "zen", or the zone of a list given by zone
    QString name; // "Spamhaus ZEN"
    QString address;
    QString state; // "listed", "clean", "refused", "unknown"
    QStringList codes;
    QString message; // English, from the server
    QString delist; // "" when unknown
};

wizard::Result<QList<BlocklistResult>> parseBlocklistResults(const QByteArray &json);

class BlocklistReport {
    Q_DECLARE_TR_FUNCTIONS(postwr::dnscheck::BlocklistReport)

public:
    // A translated sentence about one result that is not clean, with the
    // delisting page as a link when `html`.
    static QString line(const BlocklistResult &result, bool html);
    // "Not listed on 6 blocklists (…)", or "" when no list is clean.
    static QString cleanSummary(const QList<BlocklistResult> &results);
};

} // namespace postwr::dnscheck
