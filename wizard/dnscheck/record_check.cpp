#include "dnscheck/record_check.h"

#include <QHostAddress>
#include <QRegularExpression>

namespace postwr::dnscheck {

namespace {

using State = Verdict::State;

QString hostKey(QString name)
{
    name = name.trimmed().toLower();
    if (name.endsWith(QLatin1Char('.')))
        name.chop(1);
    return name;
}

// "10 Mail.Example.org." → "10 mail.example.org"; SRV likewise.
QString normalizedRdata(const QString &value)
{
    QStringList fields = value.simplified().split(QLatin1Char(' '));
    if (!fields.isEmpty())
        fields.last() = hostKey(fields.last());
    return fields.join(QLatin1Char(' '));
}

bool sameAddress(const QString &a, const QString &b)
{
    const QHostAddress left(a.trimmed());
    const QHostAddress right(b.trimmed());
    return !left.isNull() && left.isEqual(right);
}

bool isQuoted(const QString &value)
{
    const QString v = value.trimmed();
    return v.size() >= 2 && v.startsWith(QLatin1Char('"')) && v.endsWith(QLatin1Char('"'));
}

QString unquoted(const QString &value)
{
    return isQuoted(value) ? value.trimmed().mid(1, value.trimmed().size() - 2) : value;
}

// The TXT records whose value starts with `prefix` ("v=spf1"), quotes aside.
QStringList withPrefix(const QStringList &values, const QString &prefix)
{
    QStringList matching;
    for (const QString &value : values) {
        const QString bare = unquoted(value).trimmed();
        if (bare.compare(prefix, Qt::CaseInsensitive) == 0
            || bare.startsWith(prefix + QLatin1Char(' '), Qt::CaseInsensitive)
            || bare.startsWith(prefix + QLatin1Char(';'), Qt::CaseInsensitive))
            matching << value;
    }
    return matching;
}

// The tag=value pairs of a DKIM or DMARC record (RFC 6376 §3.2).
QString tagValue(const QString &record, const QString &tag)
{
    for (const QString &pair : record.split(QLatin1Char(';'))) {
        const qsizetype equals = pair.indexOf(QLatin1Char('='));
        if (equals > 0 && pair.left(equals).trimmed().compare(tag, Qt::CaseInsensitive) == 0)
            return pair.mid(equals + 1).trimmed();
    }
    return {};
}

QString missingText()
{
    return RecordCheck::tr("Not published yet. If you added it within the last hours, DNS may not show it yet: "
                           "check again later.");
}

Verdict correct(const QString &found)
{
    return { State::Correct, found, {}, {} };
}

Verdict wrong(const QString &found, const QString &problem, const QString &mistake = {})
{
    return { State::Wrong, found, problem, mistake };
}

Verdict checkAddresses(const ExpectedRecord &expected, const Answer &answer)
{
    for (const QString &value : answer.values) {
        if (sameAddress(value, expected.value))
            return correct(answer.values.join(QStringLiteral(", ")));
    }
    return wrong(answer.values.join(QStringLiteral(", ")),
        RecordCheck::tr("%1 points to %2, not to the server's %3.")
            .arg(expected.name, answer.values.join(QStringLiteral(", ")), expected.value));
}

Verdict checkHostRecord(const ExpectedRecord &expected, const Answer &answer)
{
    const QString want = normalizedRdata(expected.value);
    const QString wantHost = want.section(QLatin1Char(' '), -1);
    QStringList found;
    for (const QString &value : answer.values)
        found << normalizedRdata(value);
    if (found.contains(want))
        return correct(found.join(QStringLiteral(", ")));
    for (const QString &value : std::as_const(found)) {
        if (value.section(QLatin1Char(' '), -1) == wantHost)
            return correct(found.join(QStringLiteral(", "))); // another priority or weight: still ours
    }
    return wrong(found.join(QStringLiteral(", ")),
        RecordCheck::tr("It names %1; it should name %2.").arg(found.join(QStringLiteral(", ")), wantHost));
}

Verdict checkSpf(const ExpectedRecord &expected, const Answer &answer)
{
    const QStringList spf = withPrefix(answer.values, QStringLiteral("v=spf1"));
    if (spf.isEmpty())
        return { State::Missing, answer.values.join(QStringLiteral(" | ")), missingText(), {} };
    if (spf.size() > 1)
        return wrong(spf.join(QStringLiteral(" | ")),
            RecordCheck::tr("There are %1 SPF records; receivers then ignore SPF altogether (RFC 7208 §4.5). Keep "
                            "one: edit the first to read %2 and delete the others.")
                .arg(spf.size())
                .arg(expected.value),
            QStringLiteral("two-spf"));
    if (isQuoted(spf.first()))
        return wrong(spf.first(),
            RecordCheck::tr("The value was pasted with its quotes. Remove the \" at both ends in the DNS panel."),
            QStringLiteral("quoted"));
    const QString found = spf.first().simplified();
    if (found.compare(expected.value, Qt::CaseInsensitive) == 0)
        return correct(found);
    // Another SPF record is right when it lets the server's addresses send.
    const QStringList terms = found.toLower().split(QLatin1Char(' '));
    QStringList missingIps;
    for (const QString &term : expected.value.toLower().split(QLatin1Char(' '))) {
        if ((term.startsWith(QLatin1String("ip4:")) || term.startsWith(QLatin1String("ip6:"))) && !terms.contains(term)
            && !terms.contains(QStringLiteral("+") + term))
            missingIps << term;
    }
    for (const QString &term : expected.value.toLower().split(QLatin1Char(' '))) {
        if (term.startsWith(QLatin1String("include:")) && !terms.contains(term) && !terms.contains(QStringLiteral("+") + term))
            return wrong(found,
                RecordCheck::tr("%1 is missing: mail your other provider sends would fail SPF. Add it before the "
                                "final all, e.g. %2.")
                    .arg(term, expected.value),
                QStringLiteral("spf-include"));
    }
    const bool namesHost = terms.contains(QStringLiteral("mx")) || terms.contains(QStringLiteral("a"));
    if (missingIps.isEmpty() || namesHost)
        return correct(found);
    return wrong(found,
        RecordCheck::tr("It does not let the server send: add %1 before the final all, e.g. %2.")
            .arg(missingIps.join(QLatin1Char(' ')), expected.value));
}

Verdict checkDkim(const ExpectedRecord &expected, const Answer &answer)
{
    const QStringList records = withPrefix(answer.values, QStringLiteral("v=DKIM1"));
    const QStringList candidates = records.isEmpty() ? answer.values : records;
    if (candidates.isEmpty())
        return { State::Missing, {}, missingText(), {} };
    const QString found = candidates.first();
    const QString wantKey = tagValue(expected.value, QStringLiteral("p"));
    const QString foundKey = tagValue(unquoted(found), QStringLiteral("p"));
    if (foundKey == wantKey && !isQuoted(found))
        return correct(found);
    if (isQuoted(found) || found.contains(QLatin1String("\"\"")) || found.contains(QLatin1String("\" \"")))
        return wrong(found,
            RecordCheck::tr("The value has quotation marks in it: the panel took them as text. Paste the value "
                            "without quotes, or as the quoted pieces the panel asks for, each in its own quotes."),
            QStringLiteral("quoted"));
    const QString squeezed = QString(foundKey).remove(QRegularExpression(QStringLiteral("\\s")));
    if (squeezed == wantKey)
        return wrong(found,
            RecordCheck::tr("The key was split into pieces with spaces between them. Paste it as one string, or "
                            "as the quoted 255-character pieces Postwr gives, with nothing between them."),
            QStringLiteral("dkim-split"));
    if (!foundKey.isEmpty() && wantKey.startsWith(foundKey))
        return wrong(found,
            RecordCheck::tr("The key is cut short: %1 of %2 characters arrived. The DNS panel stops at 255 "
                            "characters per string: paste the quoted 255-character pieces Postwr gives.")
                .arg(foundKey.size())
                .arg(wantKey.size()),
            QStringLiteral("dkim-cut"));
    return wrong(found,
        RecordCheck::tr("This is another key than the one the server signs with (selector %1). Replace the value "
                        "with the one Postwr shows.")
            .arg(expected.name.section(QLatin1Char('.'), 0, 0)));
}

// DMARC, TLS-RPT, MTA-STS: one record of their version, which parses; its
// choices (policy, report addresses) are the user's.
Verdict checkVersioned(const ExpectedRecord &expected, const Answer &answer, const QString &version)
{
    const QStringList records = withPrefix(answer.values, version);
    if (records.isEmpty())
        return { State::Missing, answer.values.join(QStringLiteral(" | ")), missingText(), {} };
    if (records.size() > 1)
        return wrong(records.join(QStringLiteral(" | ")),
            RecordCheck::tr("There are %1 %2 records; receivers then use none. Keep one.").arg(records.size()).arg(version));
    if (isQuoted(records.first()))
        return wrong(records.first(),
            RecordCheck::tr("The value was pasted with its quotes. Remove the \" at both ends in the DNS panel."),
            QStringLiteral("quoted"));
    const QString found = records.first().simplified();
    if (version == QLatin1String("v=DMARC1")) {
        const QString policy = tagValue(found, QStringLiteral("p")).toLower();
        if (policy != QLatin1String("none") && policy != QLatin1String("quarantine") && policy != QLatin1String("reject"))
            return wrong(found, RecordCheck::tr("The policy p= must be none, quarantine or reject; it is \"%1\".").arg(policy));
    }
    if (version == QLatin1String("v=STSv1")
        && tagValue(found, QStringLiteral("id")) != tagValue(expected.value, QStringLiteral("id")))
        return wrong(found,
            RecordCheck::tr("Its id is not the one of the current policy: senders keep the old policy. Set it to %1.")
                .arg(tagValue(expected.value, QStringLiteral("id"))));
    return correct(found);
}

} // namespace

Answer Answer::found(QStringList values)
{
    Answer answer;
    answer.status = values.isEmpty() ? Status::NoData : Status::Found;
    answer.values = std::move(values);
    return answer;
}

Answer Answer::txt(QList<QStringList> records)
{
    Answer answer;
    for (const QStringList &strings : records)
        answer.values << strings.join(QString());
    answer.txtStrings = std::move(records);
    answer.status = answer.values.isEmpty() ? Status::NoData : Status::Found;
    return answer;
}

Answer Answer::nxDomain()
{
    Answer answer;
    answer.status = Status::NxDomain;
    return answer;
}

QString doubledName(const QString &name, const QString &domain)
{
    return name + QLatin1Char('.') + domain;
}

Verdict checkRecord(const ExpectedRecord &expected, const QString &domain, const Answer &answer, const Answer &atDoubledName)
{
    if (expected.type == QLatin1String("FILE"))
        return { State::Unknown, {}, {}, {} };
    if (answer.status == Answer::Status::Failed)
        return { State::Unknown, {}, RecordCheck::tr("DNS did not answer: %1. Check again in a moment.").arg(answer.error), {} };
    if (!answer.cname.isEmpty() && expected.type != QLatin1String("CNAME"))
        return wrong(QStringLiteral("CNAME %1").arg(answer.cname),
            RecordCheck::tr("%1 is a CNAME (an alias of %2), but a %3 record belongs there. Delete the CNAME and "
                            "add the %3 record.")
                .arg(expected.name, answer.cname, expected.type),
            QStringLiteral("cname"));
    if (answer.status != Answer::Status::Found) {
        if (atDoubledName.status == Answer::Status::Found)
            return wrong(QStringLiteral("%1: %2").arg(doubledName(expected.name, domain), atDoubledName.values.join(QStringLiteral(" | "))),
                RecordCheck::tr("It is published as %1: the DNS panel added your domain to the name again. In "
                                "the panel's name field, enter only %2.")
                    .arg(doubledName(expected.name, domain),
                        expected.name == domain ? QStringLiteral("@")
                                                : expected.name.left(expected.name.size() - domain.size() - 1)),
                QStringLiteral("doubled-name"));
        return { State::Missing, {}, missingText(), {} };
    }
    const QString &type = expected.type;
    if (type == QLatin1String("A") || type == QLatin1String("AAAA"))
        return checkAddresses(expected, answer);
    if (type == QLatin1String("MX") || type == QLatin1String("SRV") || type == QLatin1String("PTR"))
        return checkHostRecord(expected, answer);
    if (expected.id.startsWith(QLatin1String("spf")))
        return checkSpf(expected, answer);
    if (expected.id.startsWith(QLatin1String("dkim:")))
        return checkDkim(expected, answer);
    if (expected.id == QLatin1String("dmarc"))
        return checkVersioned(expected, answer, QStringLiteral("v=DMARC1"));
    if (expected.id == QLatin1String("tlsrpt"))
        return checkVersioned(expected, answer, QStringLiteral("v=TLSRPTv1"));
    if (expected.id == QLatin1String("mta-sts"))
        return checkVersioned(expected, answer, QStringLiteral("v=STSv1"));
    const QString found = answer.values.join(QStringLiteral(" | "));
    return answer.values.contains(expected.value) ? correct(found)
                                                  : wrong(found, RecordCheck::tr("It should read %1.").arg(expected.value));
}

Verdict checkSpfEvaluation(const Verdict &published, const QList<SpfOutcome> &servers, const SpfOutcome &stranger)
{
    if (published.state == State::Missing || published.state == State::Unknown || !published.mistake.isEmpty())
        return published;
    const auto broken = [&](const SpfOutcome &outcome) {
        const bool lookups = outcome.reason.contains(QLatin1String("too many DNS lookups"));
        return wrong(published.found,
            lookups ? RecordCheck::tr("Checking it takes more than the 10 DNS lookups SPF allows (%1), so receivers "
                                      "treat it as broken. Remove the include: of senders you no longer use, or list "
                                      "their addresses with ip4:/ip6: instead.")
                          .arg(outcome.reason)
                    : RecordCheck::tr("Receivers cannot use it: %1.").arg(outcome.reason),
            lookups ? QStringLiteral("spf-lookups") : QString());
    };
    for (const SpfOutcome &server : servers) {
        if (server.result == QLatin1String("permerror"))
            return broken(server);
        if (server.result == QLatin1String("temperror"))
            return { State::Unknown, published.found,
                RecordCheck::tr("DNS did not answer: %1. Check again in a moment.").arg(server.reason), {} };
        if (server.result != QLatin1String("pass"))
            return wrong(published.found,
                RecordCheck::tr("For mail from %1 it says %2: receivers do not let the server send. Add ip4:/ip6: "
                                "with the server's address before the final all.")
                    .arg(server.address, server.result));
    }
    if (stranger.result == QLatin1String("permerror"))
        return broken(stranger);
    if (published.state == State::Wrong)
        return correct(published.found); // an include or a name lets the server send after all
    return published;
}

Verdict compareWithSource(const Verdict &resolver, const Verdict &source, const QStringList &nameServers)
{
    if (source.state == State::Unknown || resolver.state == State::Unknown || resolver.state == State::Stale)
        return resolver;
    const QString servers = nameServers.join(QStringLiteral(", "));
    if (resolver.state != State::Correct && source.state == State::Correct)
        return { State::Stale, resolver.found,
            RecordCheck::tr("Your domain's name servers (%1) already have it right; the resolver asked still "
                            "remembers an older answer. Nothing to do: it will see the new record within the "
                            "record's TTL (an hour, usually).")
                .arg(servers),
            {} };
    if (resolver.state == State::Correct && source.state != State::Correct) {
        Verdict changed = source;
        changed.problem = RecordCheck::tr("The resolver still remembers the right record, but your domain's name "
                                          "servers (%1) no longer have it: %2")
                              .arg(servers, source.problem);
        return changed;
    }
    return resolver;
}

Verdict checkReverse(const QString &address, const QString &hostname, const Answer &ptr, const Answer &forward)
{
    if (ptr.status == Answer::Status::Failed)
        return { State::Unknown, {}, RecordCheck::tr("DNS did not answer: %1. Check again in a moment.").arg(ptr.error), {} };
    if (ptr.status != Answer::Status::Found)
        return { State::Missing, {},
            RecordCheck::tr("%1 has no reverse DNS. Set it to %2 in your hosting provider's panel (not in your "
                            "domain's DNS): many receivers refuse mail from an address without one.")
                .arg(address, hostname),
            {} };
    QStringList names;
    for (const QString &name : ptr.values)
        names << hostKey(name);
    if (!names.contains(hostKey(hostname)))
        return wrong(names.join(QStringLiteral(", ")),
            RecordCheck::tr("The reverse DNS of %1 is %2; it should be %3. Change it in your hosting provider's "
                            "panel.")
                .arg(address, names.join(QStringLiteral(", ")), hostname));
    for (const QString &value : forward.values) {
        if (sameAddress(value, address))
            return correct(names.join(QStringLiteral(", ")));
    }
    return wrong(names.join(QStringLiteral(", ")),
        RecordCheck::tr("The reverse DNS names %1, but %1 does not lead back to %2 (it has %3): add the A or AAAA "
                        "record so that receivers can confirm it.")
            .arg(hostname, address, forward.values.isEmpty() ? RecordCheck::tr("no address") : forward.values.join(QStringLiteral(", "))));
}

} // namespace postwr::dnscheck
