#include "steps/forwarding_step.h"

#include "mail/aliases.h"
#include "remote/shell_quote.h"
#include "steps/service_control.h"

#include <algorithm>

namespace postwr::steps {

using remote::shellQuote;

namespace {

QString aliasesPath(const RemoteLayout &layout, const QString &domain)
{
    return layout.configDir + QStringLiteral("/domains/") + domain + QStringLiteral("/aliases");
}

// The file now, or "" when there is none.
wizard::Result<QString> currentAliases(StepContext &context, const QString &domain)
{
    const QString path = aliasesPath(context.layout, domain);
    auto read = query(context, ForwardingStep::tr("Reading %1").arg(path),
        QStringLiteral("if [ -f %1 ]; then cat %1; fi").arg(shellQuote(path)), !context.layout.isUser());
    if (!read)
        return read.failure();
    return read->standardOutput;
}

// A domain's aliases file as the plan wants it, and as it is.
struct DomainForwarding {
    QString name;
    QList<AliasPlan> aliases;
    QString desired;
    QString current;
};

wizard::Result<QList<DomainForwarding>> compareForwarding(StepContext &context)
{
    QList<DomainForwarding> domains;
    const auto &forwarding = context.plan.forwarding;
    for (auto it = forwarding.cbegin(); it != forwarding.cend(); ++it) {
        auto desired = aliasesFileText(it.key(), it.value());
        if (!desired)
            return desired.failure();
        auto current = currentAliases(context, it.key());
        if (!current)
            return current.failure();
        domains << DomainForwarding { it.key(), it.value(), *desired, *current };
    }
    return domains;
}

} // namespace

wizard::Result<QString> aliasesFileText(const QString &domain, const QList<AliasPlan> &aliases)
{
    QList<AliasPlan> ordered = aliases;
    std::stable_sort(ordered.begin(), ordered.end(), [](const AliasPlan &a, const AliasPlan &b) {
        return (a.local == QLatin1String("*")) < (b.local == QLatin1String("*"));
    });
    QString text = QStringLiteral("# Where mail to @%1 goes, written by Postwr: \"local: address, …\";\n"
                                  "# \"*\" catches every address that has no account or alias.\n")
                       .arg(domain);
    for (const AliasPlan &alias : ordered)
        text += alias.local + QStringLiteral(": ") + alias.targets.join(QStringLiteral(", ")) + QLatin1Char('\n');
    const mail::Parsed<mail::AliasFile> parsed = mail::parseAliases(text.toStdString(), domain.toStdString());
    if (!parsed.ok())
        return wizard::Failure { ForwardingStep::tr("The forwarding of %1 is not valid: %2")
                .arg(domain, QString::fromStdString(parsed.errors.front().message)) };
    for (const auto &[local, targets] : parsed.value.entries) {
        for (const mail::AliasTarget &target : targets) {
            if (target.kind == mail::AliasTarget::Kind::Pipe)
                return wizard::Failure { ForwardingStep::tr("The forwarding of %1@%2 runs a command, which Postwr "
                                                            "does not allow.")
                        .arg(QString::fromStdString(local), domain) };
        }
    }
    return text;
}

QString ForwardingStep::title() const
{
    return tr("Forwarding");
}

wizard::Result<QStringList> ForwardingStep::plan(StepContext &context)
{
    auto domains = compareForwarding(context);
    if (!domains)
        return domains.failure();
    QStringList changes;
    for (const DomainForwarding &domain : *domains) {
        if (domain.current == domain.desired)
            continue;
        for (const AliasPlan &alias : domain.aliases) {
            const QString from = alias.local == QLatin1String("*") ? tr("every other address @%1").arg(domain.name)
                                                                    : alias.local + QLatin1Char('@') + domain.name;
            changes << tr("Forward %1 to %2").arg(from, alias.targets.join(QStringLiteral(", ")));
        }
    }
    return changes;
}

wizard::Status ForwardingStep::run(StepContext &context)
{
    const RemoteLayout &layout = context.layout;
    const bool root = !layout.isUser();
    auto domains = compareForwarding(context);
    if (!domains)
        return domains.failure();
    bool changed = false;
    QStringList forwards; // for the backup's commit message: "* to me@gmail.com"
    for (const DomainForwarding &domain : *domains) {
        if (domain.current == domain.desired) {
            context.log(tr("The forwarding of %1 is as planned already.").arg(domain.name));
            continue;
        }
        const QString path = aliasesPath(layout, domain.name);
        if (!domain.current.isEmpty()) {
            auto kept = runCommand(context, tr("Keeping the previous forwarding"),
                QStringLiteral("cp -p %1 %2").arg(shellQuote(path), shellQuote(path + QStringLiteral(".previous"))), root);
            if (!kept)
                return kept.failure();
        }
        wizard::Status written = context.ssh.writeFile(path, domain.desired.toUtf8(), root ? 0640 : 0600, root);
        if (!written)
            return written;
        if (root) {
            auto owned = runCommand(context, tr("Giving the forwarding to postwr"),
                QStringLiteral("chown postwr:postwr %1").arg(shellQuote(path)), true);
            if (!owned)
                return owned.failure();
        }
        context.log(tr("Wrote the forwarding of %1.").arg(domain.name));
        for (const AliasPlan &alias : domain.aliases)
            forwards << alias.local + QStringLiteral(" to ") + alias.targets.join(QStringLiteral(", "));
        changed = true;
    }
    if (!changed)
        return wizard::Done {};
    auto checked = postwrd(context, tr("Checking the configuration"), QStringLiteral("config check"));
    if (!checked)
        return checked.failure();
    commitConfigChange(context, QStringLiteral("forward ") + forwards.join(QStringLiteral("; ")));
    return reloadService(context);
}

} // namespace postwr::steps
