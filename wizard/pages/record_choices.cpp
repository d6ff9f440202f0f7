#include "pages/record_choices.h"

#include "pages/form_labels.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace postwr::pages {

namespace {

// Public resolvers a user may prefer to ask (the check of a new record
// looks the same from everywhere once its TTL has passed).
const QStringList publicResolvers { QStringLiteral("1.1.1.1"), QStringLiteral("8.8.8.8"), QStringLiteral("9.9.9.9") };

QWidget *withProblem(QWidget *field, QLabel *problem)
{
    auto *box = new QWidget;
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(field);
    layout->addWidget(problem);
    return box;
}

} // namespace

RecordChoices::RecordChoices(QWidget *parent)
    : QGroupBox(parent)
    , m_form(new QFormLayout(this))
    , m_receive(new QComboBox)
    , m_includes(new QLineEdit)
    , m_includesProblem(new QLabel)
    , m_spfAll(new QComboBox)
    , m_dmarc(new QComboBox)
    , m_reports(new QLineEdit)
    , m_reportsHint(new QLabel)
    , m_resolver(new QComboBox)
{
    setObjectName(QStringLiteral("recordChoices"));
    m_receive->setObjectName(QStringLiteral("receive"));
    m_includes->setObjectName(QStringLiteral("spfIncludes"));
    m_includesProblem->setObjectName(QStringLiteral("spfIncludesProblem"));
    m_spfAll->setObjectName(QStringLiteral("spfAll"));
    m_dmarc->setObjectName(QStringLiteral("dmarcPolicy"));
    m_reports->setObjectName(QStringLiteral("dmarcReports"));
    m_reportsHint->setObjectName(QStringLiteral("dmarcReportsHint"));
    m_resolver->setObjectName(QStringLiteral("resolver"));
    for (QLabel *label : { m_includesProblem, m_reportsHint })
        label->setWordWrap(true);
    m_receive->addItems({ QString(), QString() });
    m_spfAll->addItems({ QString(), QString() });
    m_dmarc->addItems({ QString(), QString(), QString() });
    m_dmarc->setItemData(0, QStringLiteral("none"));
    m_dmarc->setItemData(1, QStringLiteral("quarantine"));
    m_dmarc->setItemData(2, QStringLiteral("reject"));
    m_resolver->addItem(QString(), QString());
    for (const QString &address : publicResolvers)
        m_resolver->addItem(QString(), address);

    m_form->addRow(new QLabel, m_receive);
    m_form->addRow(new QLabel, withProblem(m_includes, m_includesProblem));
    m_form->addRow(new QLabel, m_spfAll);
    m_form->addRow(new QLabel, m_dmarc);
    m_form->addRow(new QLabel, withProblem(m_reports, m_reportsHint));
    m_form->addRow(new QLabel, m_resolver);

    for (QComboBox *box : { m_receive, m_spfAll, m_dmarc })
        connect(box, &QComboBox::currentIndexChanged, this, &RecordChoices::fieldEdited);
    for (QLineEdit *line : { m_includes, m_reports })
        connect(line, &QLineEdit::textEdited, this, &RecordChoices::fieldEdited);
    connect(m_resolver, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_showing)
            emit resolverChanged();
    });
    retranslate();
}

void RecordChoices::setChoices(const steps::DnsCheckPlan &dns, const QString &domain)
{
    m_showing = true;
    m_domain = domain;
    m_receive->setCurrentIndex(dns.receiveHere ? 0 : 1);
    m_includes->setText(dns.spfIncludes.join(QStringLiteral(", ")));
    m_spfAll->setCurrentIndex(dns.spfHardAll ? 1 : 0);
    m_dmarc->setCurrentIndex(std::max(0, m_dmarc->findData(dns.dmarcPolicy)));
    m_reports->setText(dns.dmarcReports);
    int resolver = m_resolver->findData(dns.servers);
    if (resolver < 0) {
        m_resolver->addItem(dns.servers, dns.servers); // the plan's own servers (the sandbox's DNS)
        resolver = m_resolver->count() - 1;
    }
    m_resolver->setCurrentIndex(resolver);
    m_showing = false;
    retranslate();
}

QStringList RecordChoices::includes() const
{
    QStringList list;
    for (const QString &pasted : m_includes->text().split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts)) {
        const QString include = steps::plainSpfInclude(pasted);
        if (!list.contains(include))
            list << include;
    }
    return list;
}

QString RecordChoices::includesProblem() const
{
    const QStringList list = includes();
    for (const QString &include : list) {
        if (!steps::validSpfInclude(include))
            return tr("\"%1\" is not a domain name: give the SPF domain your provider names, e.g. _spf.google.com.")
                .arg(include);
    }
    if (list.size() > 8)
        return tr("At most 8 other senders fit in SPF's 10 DNS lookups.");
    return {};
}

QString RecordChoices::reportsProblem() const
{
    const QString address = m_reports->text().trimmed();
    if (address.isEmpty() || steps::validAddress(address))
        return {};
    return tr("\"%1\" is not an email address.").arg(address);
}

QString RecordChoices::servers() const
{
    return m_resolver->currentData().toString();
}

bool RecordChoices::apply(steps::DnsCheckPlan &dns) const
{
    if (!includesProblem().isEmpty() || !reportsProblem().isEmpty())
        return false;
    dns.receiveHere = m_receive->currentIndex() == 0;
    dns.spfIncludes = includes();
    dns.spfHardAll = m_spfAll->currentIndex() == 1;
    dns.dmarcPolicy = m_dmarc->currentData().toString();
    dns.dmarcReports = m_reports->text().trimmed().toLower();
    dns.servers = servers();
    return true;
}

void RecordChoices::fieldEdited()
{
    retranslate(); // the problems and hints follow the fields
    if (!m_showing && includesProblem().isEmpty() && reportsProblem().isEmpty())
        emit recordsChanged();
}

void RecordChoices::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QGroupBox::changeEvent(event);
}

void RecordChoices::retranslate()
{
    setTitle(tr("Choices"));
    setFormLabels(m_form,
        { { m_receive, tr("&Mail to your domain:") }, { m_includes, tr("Other &senders:") },
            { m_spfAll, tr("Mail from other &servers:") }, { m_dmarc, tr("Mail that fails both &checks:") },
            { m_reports, tr("DMARC &reports to:") }, { m_resolver, tr("Ask D&NS through:") } });
    m_receive->setItemText(0, tr("arrives at this server (MX here), forwarded as you chose"));
    m_receive->setItemText(1, tr("stays with the mail provider I have (no MX change)"));
    m_receive->setToolTip(tr("Keep your provider when your mailboxes are at Google Workspace, Microsoft 365 or the "
                             "like: this server then only sends, and your MX records stay as they are."));
    m_includes->setPlaceholderText(tr("e.g. _spf.google.com, spf.protection.outlook.com"));
    m_includes->setToolTip(tr("Servers that also send as your domain, by their SPF domain: your mailbox provider, a "
                              "newsletter service. SPF then lets them send too."));
    m_spfAll->setItemText(0, tr("is marked suspect (~all, recommended)"));
    m_spfAll->setItemText(1, tr("is refused (-all)"));
    m_spfAll->setToolTip(tr("~all lets DMARC decide and keeps mail forwarded by others alive; -all asks receivers "
                            "to refuse everything not sent by the servers listed."));
    m_dmarc->setItemText(0, tr("is only reported (p=none)"));
    m_dmarc->setItemText(1, tr("goes to spam (p=quarantine, recommended)"));
    m_dmarc->setItemText(2, tr("is refused (p=reject)"));
    m_dmarc->setToolTip(tr("DMARC tells receivers what to do with mail that claims to be from your domain but "
                           "passes neither SPF nor DKIM: forged mail."));
    m_reports->setPlaceholderText(QStringLiteral("postmaster@") + (m_domain.isEmpty() ? QStringLiteral("example.org") : m_domain));
    const QString reports = reportsProblem();
    m_reportsHint->setText(reports.isEmpty()
            ? tr("Receivers send a daily summary (rua) there, as XML; fo=1 asks them to count every message that "
                 "failed SPF or DKIM, not only those that failed both.")
            : reports);
    m_includesProblem->setText(includesProblem());
    m_includesProblem->setVisible(!m_includesProblem->text().isEmpty());
    m_resolver->setItemText(0, tr("this computer's resolver"));
    m_resolver->setItemText(1, tr("Cloudflare (1.1.1.1)"));
    m_resolver->setItemText(2, tr("Google (8.8.8.8)"));
    m_resolver->setItemText(3, tr("Quad9 (9.9.9.9)"));
    m_resolver->setToolTip(tr("Another resolver may still remember an older answer for an hour or so; your "
                              "domain's own name servers are asked as well."));
}

} // namespace postwr::pages
