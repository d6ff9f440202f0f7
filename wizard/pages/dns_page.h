// DNS records: every record the domain needs, read from postwrd on the
// server (so it matches the real keys and addresses) for the choices made
// above the table (record_choices.h), with why each is needed; copy a name or a value (a DKIM value also as the quoted
// 255-character pieces some panels want), copy all, export the zone file
// DNS providers import; and "Check DNS", which asks DNS for each and marks
// it correct, missing or wrong with what to fix, and for reverse DNS where
// the hosting provider lets it be set. Publishing takes time, so the page
// never holds the user back.
#pragma once

#include "dnscheck/blocklist_report.h"
#include "dnscheck/dns_checker.h"
#include "pages/setup_wizard.h"

#include <QWizardPage>
#include <memory>

class QLabel;
class QPushButton;
class QTableWidget;
class QTimer;

namespace postwr::pages {

class RecordChoices;
class StepRunView;

class DnsPage : public QWizardPage {
    Q_OBJECT

public:
    explicit DnsPage(WizardState &state, QWidget *parent = nullptr);
    void initializePage() override;
    void cleanupPage() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void load();
    void showRecords();
    void showVerdicts(const QList<dnscheck::RecordVerdict> &verdicts);
    // Each address listed, or list that could not tell, and the lists that are clean.
    void showBlocklists(const wizard::Result<QList<dnscheck::BlocklistResult>> &results);
    void checkDns();
    // Why the selected record is needed and, after a check, what is wrong with it.
    void showDetails();
    void copySelected(int column);
    void exportZone();
    const dnscheck::ExpectedRecord *selectedRecord() const;
    // For the hosting provider: the reverse DNS the last check found
    // missing or wrong, and port 25 when the server check found it blocked.
    QString supportRequest() const;

    // A choice changed: the records are read again once the user pauses.
    void choicesChanged();

    WizardState &m_state;
    QLabel *m_intro;
    RecordChoices *m_choices;
    QTimer *m_reload;
    QTableWidget *m_table;
    QLabel *m_details;
    QLabel *m_blocklists;
    QPushButton *m_copyName;
    QPushButton *m_copyValue;
    QPushButton *m_copyPieces;
    QPushButton *m_copyAll;
    QPushButton *m_export;
    QPushButton *m_check;
    QPushButton *m_copyRequest;
    StepRunView *m_run;
    dnscheck::ExpectedRecords m_records;
    QString m_zone;
    QList<dnscheck::RecordVerdict> m_verdicts;
};

} // namespace postwr::pages
