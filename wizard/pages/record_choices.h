// The choices that shape a domain's DNS records, above the records table:
// whether mail for the domain arrives at this server or stays with the
// mailbox provider it has, the other senders SPF keeps (include:), how
// strict SPF ends (~all or -all), the DMARC policy and where its reports
// go, and which resolver the check asks. Each is explained where it is
// chosen; a bad value is named next to its field and changes nothing.
#pragma once

#include "steps/plan_file.h"

#include <QGroupBox>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;

namespace postwr::pages {

class RecordChoices : public QGroupBox {
    Q_OBJECT

public:
    explicit RecordChoices(QWidget *parent = nullptr);

    // Shows `dns`'s choices for `domain` (the report address's placeholder).
    void setChoices(const steps::DnsCheckPlan &dns, const QString &domain);
    // `dns` with the choices made here; false (and `dns` untouched) while a
    // field holds something that cannot be used.
    bool apply(steps::DnsCheckPlan &dns) const;
    // The resolver chosen: "" for this computer's, else [dns] servers syntax.
    QString servers() const;

signals:
    // A record choice changed to something usable.
    void recordsChanged();
    // Only the resolver changed: the records stay, the check differs.
    void resolverChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    QStringList includes() const;
    QString includesProblem() const;
    QString reportsProblem() const;
    void fieldEdited();

    QFormLayout *m_form;
    QComboBox *m_receive;
    QLineEdit *m_includes;
    QLabel *m_includesProblem;
    QComboBox *m_spfAll;
    QComboBox *m_dmarc;
    QLineEdit *m_reports;
    QLabel *m_reportsHint;
    QComboBox *m_resolver;
    QString m_domain;
    bool m_showing = false;
};

} // namespace postwr::pages
