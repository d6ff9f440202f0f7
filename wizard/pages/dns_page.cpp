#include "pages/dns_page.h"

#include "dnscheck/hosting_provider.h"
#include "dnscheck/record_purpose.h"
#include "dnscheck/support_request.h"
#include "pages/mark_icon.h"
#include "pages/record_choices.h"
#include "pages/step_run_view.h"
#include "steps/dns_check_step.h"
#include "steps/function_step.h"

#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace postwr::pages {

namespace {

enum Column { TypeColumn, NameColumn, ValueColumn, StatusColumn, ColumnCount };

} // namespace

DnsPage::DnsPage(WizardState &state, QWidget *parent)
    : QWizardPage(parent)
    , m_state(state)
    , m_intro(new QLabel)
    , m_choices(new RecordChoices)
    , m_reload(new QTimer(this))
    , m_table(new QTableWidget(0, ColumnCount))
    , m_details(new QLabel)
    , m_blocklists(new QLabel)
    , m_copyName(new QPushButton)
    , m_copyValue(new QPushButton)
    , m_copyPieces(new QPushButton)
    , m_copyAll(new QPushButton)
    , m_export(new QPushButton)
    , m_check(new QPushButton)
    , m_copyRequest(new QPushButton)
    , m_run(new StepRunView(state))
{
    m_intro->setWordWrap(true);
    m_table->setObjectName(QStringLiteral("records"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(ValueColumn, QHeaderView::Stretch);
    m_details->setObjectName(QStringLiteral("details"));
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::RichText);
    m_details->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_details->setOpenExternalLinks(true);
    m_blocklists->setObjectName(QStringLiteral("blocklists"));
    m_blocklists->setWordWrap(true);
    m_blocklists->setTextFormat(Qt::RichText);
    m_blocklists->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_blocklists->setOpenExternalLinks(true);
    m_reload->setSingleShot(true);
    m_reload->setInterval(700);
    m_copyName->setObjectName(QStringLiteral("copyName"));
    m_copyValue->setObjectName(QStringLiteral("copyValue"));
    m_copyPieces->setObjectName(QStringLiteral("copyPieces"));
    m_copyAll->setObjectName(QStringLiteral("copyAll"));
    m_export->setObjectName(QStringLiteral("exportZone"));
    m_check->setObjectName(QStringLiteral("checkDns"));
    m_copyRequest->setObjectName(QStringLiteral("copyRequest"));
    m_copyRequest->setEnabled(false);

    auto *buttons = new QHBoxLayout;
    for (QPushButton *button : { m_copyName, m_copyValue, m_copyPieces, m_copyAll, m_export })
        buttons->addWidget(button);
    buttons->addStretch();
    buttons->addWidget(m_copyRequest);
    buttons->addWidget(m_check);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_choices);
    layout->addWidget(m_table, 2);
    layout->addWidget(m_details);
    layout->addWidget(m_blocklists);
    layout->addLayout(buttons);
    layout->addWidget(m_run, 1);

    connect(m_table, &QTableWidget::itemSelectionChanged, this, &DnsPage::showDetails);
    connect(m_choices, &RecordChoices::recordsChanged, this, &DnsPage::choicesChanged);
    connect(m_choices, &RecordChoices::resolverChanged, this, [this] { m_state.plan.dns.servers = m_choices->servers(); });
    connect(m_reload, &QTimer::timeout, this, [this] {
        if (m_run->isRunning())
            m_reload->start(); // after the run under way
        else
            load();
    });
    connect(m_copyName, &QPushButton::clicked, this, [this] { copySelected(NameColumn); });
    connect(m_copyValue, &QPushButton::clicked, this, [this] { copySelected(ValueColumn); });
    connect(m_copyPieces, &QPushButton::clicked, this, [this] {
        if (const dnscheck::ExpectedRecord *record = selectedRecord())
            QApplication::clipboard()->setText(dnscheck::quotedPieces(*record));
    });
    connect(m_copyAll, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(m_zone); });
    connect(m_export, &QPushButton::clicked, this, &DnsPage::exportZone);
    connect(m_check, &QPushButton::clicked, this, &DnsPage::checkDns);
    connect(m_copyRequest, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(supportRequest()); });
    retranslate();
}

void DnsPage::initializePage()
{
    m_choices->setChoices(m_state.plan.dns, m_state.plan.domains.value(0));
    load();
}

void DnsPage::choicesChanged()
{
    if (m_choices->apply(m_state.plan.dns))
        m_reload->start();
}

void DnsPage::cleanupPage()
{
    m_run->cancel();
}

const dnscheck::ExpectedRecord *DnsPage::selectedRecord() const
{
    const int row = m_table->currentRow();
    return row >= 0 && row < m_records.records.size() ? &m_records.records[row] : nullptr;
}

void DnsPage::load()
{
    const QString domain = m_state.plan.domains.value(0);
    auto json = std::make_shared<QString>();
    auto zone = std::make_shared<QString>();
    auto read = std::make_shared<steps::FunctionStep>(QStringLiteral("dns-records"), tr("Read the records %1 needs").arg(domain),
        [domain, json, zone](steps::StepContext &context) -> wizard::Status {
            auto addresses = steps::publicAddresses(context);
            if (!addresses)
                return addresses.failure();
            auto records = steps::dnsRecordsOf(context, domain, QStringLiteral("json"), *addresses);
            if (!records)
                return records.failure();
            auto zoneText = steps::dnsRecordsOf(context, domain, QStringLiteral("zone"), *addresses);
            if (!zoneText)
                return zoneText.failure();
            *json = *records;
            *zone = *zoneText;
            return wizard::Done {};
        });
    connect(m_run, &StepRunView::finished, this, [this, json, zone](const wizard::Status &status) {
        if (!status)
            return;
        auto parsed = dnscheck::parseExpectedRecords(json->toUtf8());
        if (!parsed) {
            m_details->setText(parsed.failure().message.toHtmlEscaped());
            return;
        }
        m_records = *parsed;
        m_zone = *zone;
        m_verdicts.clear();
        showRecords();
    }, Qt::SingleShotConnection);
    m_check->setEnabled(false);
    m_run->start({ read });
}

void DnsPage::showRecords()
{
    m_table->setRowCount(int(m_records.records.size()));
    for (int row = 0; row < m_records.records.size(); ++row) {
        const dnscheck::ExpectedRecord &record = m_records.records[row];
        m_table->setItem(row, TypeColumn, new QTableWidgetItem(record.type));
        m_table->setItem(row, NameColumn, new QTableWidgetItem(record.name));
        auto *value = new QTableWidgetItem(record.value);
        value->setToolTip(dnscheck::RecordPurpose::of(record, m_records.domain, m_records.hostname));
        m_table->setItem(row, ValueColumn, value);
        m_table->setItem(row, StatusColumn, new QTableWidgetItem);
    }
    m_table->resizeColumnToContents(TypeColumn);
    m_table->resizeColumnToContents(NameColumn);
    m_check->setEnabled(!m_records.records.isEmpty());
    m_copyAll->setEnabled(!m_zone.isEmpty());
    m_export->setEnabled(!m_zone.isEmpty());
}

QString DnsPage::supportRequest() const
{
    QList<dnscheck::ReverseDnsRequest> reverse;
    for (const dnscheck::RecordVerdict &result : m_verdicts) {
        if (!result.record.id.startsWith(QLatin1String("ptr:")) || result.verdict.state == dnscheck::Verdict::State::Correct
            || result.verdict.state == dnscheck::Verdict::State::Unknown)
            continue;
        reverse << dnscheck::ReverseDnsRequest { dnscheck::addressOfReverseName(result.record.name),
            result.verdict.state == dnscheck::Verdict::State::Wrong ? result.verdict.found : QString() };
    }
    return dnscheck::SupportRequest::text(m_records.hostname, reverse, m_state.outbound25Blocked);
}

void DnsPage::showVerdicts(const QList<dnscheck::RecordVerdict> &verdicts)
{
    m_verdicts = verdicts;
    m_copyRequest->setEnabled(!supportRequest().isEmpty());
    for (int row = 0; row < m_records.records.size(); ++row) {
        QTableWidgetItem *status = m_table->item(row, StatusColumn);
        status->setText(QString());
        status->setIcon(QIcon());
        for (const dnscheck::RecordVerdict &result : verdicts) {
            if (result.record.id != m_records.records[row].id)
                continue;
            steps::Mark mark = steps::Mark::Good;
            QString text = tr("correct");
            switch (result.verdict.state) {
            case dnscheck::Verdict::State::Correct:
                break;
            case dnscheck::Verdict::State::Missing:
                text = tr("missing");
                mark = steps::isRequiredRecord(result.record.id) ? steps::Mark::Problem : steps::Mark::Warning;
                break;
            case dnscheck::Verdict::State::Wrong:
                text = tr("wrong");
                mark = steps::isRequiredRecord(result.record.id) ? steps::Mark::Problem : steps::Mark::Warning;
                break;
            case dnscheck::Verdict::State::Unknown:
                text = tr("not checked");
                mark = steps::Mark::Warning;
                break;
            case dnscheck::Verdict::State::Stale:
                text = tr("published, not seen yet");
                mark = steps::Mark::Warning;
                break;
            }
            status->setText(text);
            status->setIcon(markIcon(style(), mark));
            status->setData(Qt::UserRole, int(result.verdict.state));
            status->setData(Qt::UserRole + 1, result.verdict.mistake);
            status->setToolTip(result.verdict.problem);
        }
    }
}

void DnsPage::checkDns()
{
    auto verdicts = std::make_shared<QList<dnscheck::RecordVerdict>>();
    auto blocklists = std::make_shared<wizard::Result<QList<dnscheck::BlocklistResult>>>(QList<dnscheck::BlocklistResult>());
    const dnscheck::ExpectedRecords records = m_records;
    const QString servers = m_state.plan.dns.servers;
    auto check = std::make_shared<steps::FunctionStep>(QStringLiteral("check-dns"), tr("Ask DNS for each record"),
        [records, servers, verdicts, blocklists](steps::StepContext &context) -> wizard::Status {
            auto checker = dnscheck::DnsChecker::create(servers);
            if (!checker)
                return checker.failure();
            *verdicts = (*checker)->check(records, context.cancel);
            // The blocklists are asked from the server: a failure there leaves the records' verdicts standing.
            auto addresses = steps::publicAddresses(context);
            *blocklists = addresses ? steps::blocklistsOf(context, *addresses)
                                    : wizard::Result<QList<dnscheck::BlocklistResult>>(addresses.failure());
            return wizard::Done {};
        });
    connect(m_run, &StepRunView::finished, this, [this, verdicts, blocklists](const wizard::Status &status) {
        m_check->setEnabled(true);
        if (!status)
            return;
        showVerdicts(*verdicts);
        showBlocklists(*blocklists);
    }, Qt::SingleShotConnection);
    m_check->setEnabled(false);
    m_run->start({ check });
}

void DnsPage::showBlocklists(const wizard::Result<QList<dnscheck::BlocklistResult>> &results)
{
    if (!results) {
        m_blocklists->setText(tr("The blocklists could not be asked: %1").arg(results.failure().message).toHtmlEscaped());
        return;
    }
    QStringList lines;
    for (const dnscheck::BlocklistResult &result : *results) {
        if (result.state != QLatin1String("clean"))
            lines << dnscheck::BlocklistReport::line(result, true);
    }
    const QString clean = dnscheck::BlocklistReport::cleanSummary(*results);
    if (!clean.isEmpty())
        lines << clean.toHtmlEscaped();
    m_blocklists->setText(lines.join(QStringLiteral("<br>")));
}

void DnsPage::showDetails()
{
    const dnscheck::ExpectedRecord *record = selectedRecord();
    m_copyName->setEnabled(record);
    m_copyValue->setEnabled(record);
    m_copyPieces->setEnabled(record && record->strings.size() > 1);
    if (!record) {
        m_details->clear();
        return;
    }
    QString text = dnscheck::RecordPurpose::of(*record, m_records.domain, m_records.hostname).toHtmlEscaped();
    for (const dnscheck::RecordVerdict &verdict : std::as_const(m_verdicts)) {
        if (verdict.record.id != record->id || verdict.verdict.state == dnscheck::Verdict::State::Correct)
            continue;
        if (!verdict.verdict.problem.isEmpty())
            text += QStringLiteral("<br>") + verdict.verdict.problem.toHtmlEscaped();
        if (record->type == QLatin1String("PTR"))
            text += QStringLiteral("<br>")
                + dnscheck::ReverseDnsHelp::steps(dnscheck::ReverseDnsHelp::fromReverseName(verdict.verdict.found),
                    dnscheck::addressOfReverseName(record->name), record->value);
    }
    m_details->setText(text);
}

void DnsPage::copySelected(int column)
{
    if (QTableWidgetItem *item = m_table->item(m_table->currentRow(), column))
        QApplication::clipboard()->setText(item->text());
}

void DnsPage::exportZone()
{
    const QString file = QFileDialog::getSaveFileName(this, tr("Export the zone file"),
        m_records.domain + QStringLiteral(".zone"), tr("Zone files (*.zone *.txt)"));
    if (file.isEmpty())
        return;
    QFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(m_zone.toUtf8()) < 0)
        m_details->setText(tr("Cannot write %1: %2").arg(file, out.errorString()).toHtmlEscaped());
    else
        m_details->setText(tr("Saved %1: import it in your DNS provider's panel.").arg(file).toHtmlEscaped());
}

void DnsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWizardPage::changeEvent(event);
}

void DnsPage::retranslate()
{
    setTitle(tr("DNS records"));
    m_intro->setText(tr("Receivers trust your mail when your domain's DNS says this server may send it. Add these "
                        "records in your DNS provider's panel, then check them here; DNS can take a few hours to "
                        "show changes."));
    m_table->setHorizontalHeaderLabels({ tr("Type"), tr("Name"), tr("Value"), tr("Status") });
    m_copyName->setText(tr("Copy &name"));
    m_copyValue->setText(tr("Copy &value"));
    m_copyPieces->setText(tr("Copy as &quoted pieces"));
    m_copyAll->setText(tr("Copy &all"));
    m_export->setText(tr("&Export zone file…"));
    m_check->setText(tr("&Check DNS"));
    m_copyRequest->setText(tr("Copy a &request to your hosting provider"));
    m_copyRequest->setToolTip(tr("The reverse DNS (and a blocked port 25) only your hosting provider can fix: a "
                                 "ready-made support request with your addresses, to paste into their ticket form."));
    if (!m_verdicts.isEmpty())
        showVerdicts(m_verdicts);
    showDetails();
}

} // namespace postwr::pages
