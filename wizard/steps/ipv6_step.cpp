#include "steps/ipv6_step.h"

#include "remote/shell_quote.h"

namespace postwr::steps {

using remote::shellQuote;

namespace {

const char *kDisablingLine = "^[[:space:]]*net\\.ipv6\\.conf\\.[a-z0-9_.]+\\.disable_ipv6[[:space:]]*=[[:space:]]*1";
const QString kOurFile = QStringLiteral("/etc/sysctl.d/60-postwr-ipv6.conf");

} // namespace

QString ipv6StateScript()
{
    return QStringLiteral("echo \"disabled=$(cat /proc/sys/net/ipv6/conf/all/disable_ipv6 2>/dev/null)\"\n"
                          "echo \"addresses=$(ip -6 -o addr show scope global 2>/dev/null | wc -l)\"\n"
                          "for f in /etc/sysctl.conf /etc/sysctl.d/*.conf; do\n"
                          "  [ -f \"$f\" ] && grep -qE '%1' \"$f\" && echo \"file=$f\"\n"
                          "done; true")
        .arg(QLatin1String(kDisablingLine));
}

Ipv6State parseIpv6State(const QString &output)
{
    Ipv6State state;
    for (const QString &line : output.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        if (line.startsWith(QLatin1String("disabled=")))
            state.disabled = line.mid(9).trimmed() == QLatin1String("1");
        else if (line.startsWith(QLatin1String("addresses=")))
            state.globalAddresses = line.mid(10).trimmed().toInt();
        else if (line.startsWith(QLatin1String("file=")))
            state.disablingFiles << line.mid(5).trimmed();
    }
    return state;
}

QString ipv6EnableScript(const QStringList &disablingFiles)
{
    QString script = QStringLiteral("set -e\n");
    for (const QString &file : disablingFiles)
        script += QStringLiteral("sed -i.postwr-bak -E 's/^(%1)/# \\1  # switched off by Postwr/' %2\n")
                      .arg(QLatin1String(kDisablingLine).mid(1), shellQuote(file));
    script += QStringLiteral("printf '%s\\n' '# Written by Postwr: IPv6 on, for mail over IPv6.' "
                             "'net.ipv6.conf.all.disable_ipv6 = 0' 'net.ipv6.conf.default.disable_ipv6 = 0' > %1\n"
                             "sysctl -q -w net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0\n")
                  .arg(shellQuote(kOurFile));
    return script;
}

QString netplanHint()
{
    return Ipv6Step::tr("The server has no IPv6 address. If your provider assigned one (its control panel shows "
                        "the address and the gateway), add it to /etc/netplan/50-cloud-init.yaml under your "
                        "interface, e.g.\n"
                        "      addresses: [\"2001:db8:1234::2/64\"]\n"
                        "      routes: [{to: \"::/0\", via: \"2001:db8:1234::1\"}]\n"
                        "then run `netplan apply`, and run this step again.");
}

QString Ipv6Step::title() const
{
    return tr("Enable IPv6");
}

wizard::Result<QStringList> Ipv6Step::plan(StepContext &context)
{
    auto answer = query(context, tr("Looking at IPv6"), ipv6StateScript());
    if (!answer)
        return answer.failure();
    const Ipv6State state = parseIpv6State(answer->standardOutput);
    QStringList changes;
    if (!state.disabled)
        return changes;
    for (const QString &file : state.disablingFiles)
        changes << tr("Comment out the line in %1 that switches IPv6 off (a copy is kept as %1.postwr-bak)").arg(file);
    changes << tr("Switch IPv6 on, now and at every boot (%1)").arg(kOurFile);
    return changes;
}

Status Ipv6Step::run(StepContext &context)
{
    auto answer = query(context, tr("Looking at IPv6"), ipv6StateScript());
    if (!answer)
        return answer.failure();
    Ipv6State state = parseIpv6State(answer->standardOutput);
    if (state.disabled) {
        auto enabled = runCommand(context, tr("Switching IPv6 on"), ipv6EnableScript(state.disablingFiles), true);
        if (!enabled)
            return enabled.failure();
        auto again = query(context, tr("Looking at IPv6"), ipv6StateScript());
        if (!again)
            return again.failure();
        state = parseIpv6State(again->standardOutput);
        if (state.disabled)
            return wizard::Failure { tr("IPv6 is still switched off after the change; something else on the server "
                                        "switches it off again.") };
        context.log(tr("IPv6 is on."));
        if (state.globalAddresses == 0) {
            // Switching IPv6 off removed the addresses; on again does not bring them back.
            context.log(tr("If the server had an IPv6 address configured, it comes back with `netplan apply` (or "
                           "`systemctl restart networking`) or a reboot."));
            return wizard::Done {};
        }
    } else {
        context.log(tr("IPv6 is on already."));
    }
    if (state.globalAddresses == 0)
        context.log(netplanHint());
    return wizard::Done {};
}

} // namespace postwr::steps
