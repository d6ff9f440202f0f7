#include "steps/dkim_step.h"

#include "remote/shell_quote.h"
#include "steps/service_control.h"

#include <algorithm>

namespace postwr::steps {

wizard::Result<QList<DkimKeyInfo>> parseDkimList(const QString &output)
{
    QList<DkimKeyInfo> keys;
    const QStringList lines = output.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (qsizetype n = 0; n < lines.size(); ++n) {
        const QStringList fields = lines[n].split(QLatin1Char('\t'));
        if (fields.size() != 5 || fields[0].isEmpty() || fields[1].isEmpty())
            return wizard::Failure { DkimStep::tr("Line %1 of postwrd's key list is not \"domain, selector, "
                                                  "key, record name, record\": %2")
                    .arg(n + 1)
                    .arg(lines[n].left(80)) };
        keys << DkimKeyInfo { fields[0], fields[1], fields[2], fields[3], fields[4] };
    }
    return keys;
}

wizard::Result<QList<DkimKeyInfo>> listDkimKeys(StepContext &context)
{
    auto listed = postwrd(context, DkimStep::tr("Listing the DKIM keys"), QStringLiteral("dkim list"), {}, false);
    if (!listed)
        return listed.failure();
    return parseDkimList(listed->standardOutput);
}

namespace {

QStringList domainsWithoutKey(const Plan &plan, const QList<DkimKeyInfo> &keys)
{
    QStringList missing;
    for (const QString &domain : plan.domains) {
        const bool hasKey = std::any_of(keys.begin(), keys.end(), [&](const DkimKeyInfo &key) { return key.domain == domain; });
        if (!hasKey)
            missing << domain;
    }
    return missing;
}

} // namespace

QString DkimStep::title() const
{
    return tr("DKIM signing keys");
}

wizard::Result<QStringList> DkimStep::plan(StepContext &context)
{
    auto keys = listDkimKeys(context);
    if (!keys)
        return keys.failure();
    QStringList changes;
    for (const QString &domain : domainsWithoutKey(context.plan, *keys))
        changes << tr("Make a DKIM signing key for %1").arg(domain);
    return changes;
}

Status DkimStep::run(StepContext &context)
{
    auto keys = listDkimKeys(context);
    if (!keys)
        return keys.failure();
    const QStringList missing = domainsWithoutKey(context.plan, *keys);
    for (const QString &domain : missing) {
        auto made = postwrd(context, tr("Making a DKIM key for %1").arg(domain),
            QStringLiteral("dkim keygen ") + remote::shellQuote(domain), {}, false);
        if (!made)
            return made.failure();
    }
    if (!missing.isEmpty()) {
        // A running postwrd loads new keys on reload.
        wizard::Status reloaded = reloadService(context);
        if (!reloaded)
            return reloaded;
        keys = listDkimKeys(context);
        if (!keys)
            return keys.failure();
    }
    for (const DkimKeyInfo &key : *keys) {
        if (!context.plan.domains.contains(key.domain))
            continue;
        context.log(tr("%1 signs with %2 (%3). Publish this TXT record:").arg(key.domain, key.selector, key.description));
        context.log(QStringLiteral("  %1  TXT  \"%2\"").arg(key.recordName, key.recordValue));
    }
    return wizard::Done {};
}

} // namespace postwr::steps
