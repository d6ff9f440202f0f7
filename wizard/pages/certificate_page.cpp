#include "pages/certificate_page.h"

#include "pages/form_labels.h"
#include "pages/step_run_view.h"
#include "servers/secret_store.h"
#include "steps/function_step.h"
#include "steps/tls_step.h"

#include <QDateTime>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

#include <optional>

namespace postwr::pages {

CertificatePage::CertificatePage(WizardState &state, QWidget *parent)
    : QWizardPage(parent)
    , m_state(state)
    , m_intro(new QLabel)
    , m_letsEncryptForm(new QFormLayout)
    , m_existingForm(new QFormLayout)
    , m_served(new QLabel)
    , m_letsEncrypt(new QRadioButton)
    , m_email(new QLineEdit)
    , m_cloudflare(new QRadioButton)
    , m_token(new QLineEdit)
    , m_cloudflareForm(new QFormLayout)
    , m_existing(new QRadioButton)
    , m_certificate(new QLineEdit)
    , m_key(new QLineEdit)
    , m_selfSigned(new QRadioButton)
    , m_problem(new QLabel)
    , m_apply(new QPushButton)
    , m_run(new StepRunView(state))
{
    m_intro->setWordWrap(true);
    m_served->setObjectName(QStringLiteral("served"));
    m_served->setWordWrap(true);
    m_served->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_letsEncrypt->setObjectName(QStringLiteral("letsEncrypt"));
    m_email->setObjectName(QStringLiteral("email"));
    m_existing->setObjectName(QStringLiteral("existing"));
    m_cloudflare->setObjectName(QStringLiteral("cloudflare"));
    m_token->setObjectName(QStringLiteral("cloudflareToken"));
    m_token->setEchoMode(QLineEdit::Password);
    m_certificate->setObjectName(QStringLiteral("certificateFile"));
    m_key->setObjectName(QStringLiteral("keyFile"));
    m_selfSigned->setObjectName(QStringLiteral("selfSigned"));
    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setWordWrap(true);
    m_apply->setObjectName(QStringLiteral("apply"));
    m_letsEncrypt->setChecked(true);

    m_letsEncryptForm->setContentsMargins(24, 0, 0, 0);
    m_letsEncryptForm->addRow(new QLabel, m_email);
    m_cloudflareForm->setContentsMargins(24, 0, 0, 0);
    m_cloudflareForm->addRow(new QLabel, m_token);
    m_existingForm->setContentsMargins(24, 0, 0, 0);
    m_existingForm->addRow(new QLabel, m_certificate);
    m_existingForm->addRow(new QLabel, m_key);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_served);
    layout->addWidget(m_letsEncrypt);
    layout->addLayout(m_letsEncryptForm);
    layout->addWidget(m_cloudflare);
    layout->addLayout(m_cloudflareForm);
    layout->addWidget(m_existing);
    layout->addLayout(m_existingForm);
    layout->addWidget(m_selfSigned);
    layout->addWidget(m_problem);
    layout->addWidget(m_apply, 0, Qt::AlignLeft);
    layout->addWidget(m_run, 1);

    const auto edited = [this] {
        m_runProblem.clear();
        updateFields();
    };
    for (QRadioButton *choice : { m_letsEncrypt, m_cloudflare, m_existing, m_selfSigned })
        connect(choice, &QRadioButton::toggled, this, edited);
    for (QLineEdit *field : { m_email, m_token, m_certificate, m_key })
        connect(field, &QLineEdit::textChanged, this, edited);
    connect(m_apply, &QPushButton::clicked, this, &CertificatePage::apply);
    retranslate();
}

void CertificatePage::initializePage()
{
    if (m_token->text().isEmpty() && !m_state.plan.hostname.isEmpty()) {
        servers::SecretStore().read(cloudflareKeyringName(), [page = QPointer(this)](const wizard::Result<QString> &token) {
            if (page && token && !token->isEmpty() && page->m_token->text().isEmpty())
                page->m_token->setText(*token);
        });
    }
    readServed();
}

QString CertificatePage::cloudflareKeyringName() const
{
    return QStringLiteral("cloudflare:") + m_state.plan.hostname;
}

void CertificatePage::cleanupPage()
{
    m_run->cancel();
}

bool CertificatePage::isComplete() const
{
    // A certificate can come later: the self-signed one serves meanwhile.
    return !m_run->isRunning();
}

QString CertificatePage::inputProblem() const
{
    const QString email = m_email->text().trimmed();
    if (m_cloudflare->isChecked() && m_token->text().trimmed().isEmpty())
        return tr("Give a Cloudflare API token with the permission Zone, DNS, Edit for your domain (Cloudflare's "
                  "dashboard: My Profile, API Tokens).");
    if ((m_letsEncrypt->isChecked() || m_cloudflare->isChecked()) && !email.isEmpty() && !steps::validAddress(email))
        return tr("\"%1\" is not an email address.").arg(email);
    if (m_existing->isChecked()) {
        for (QLineEdit *field : { m_certificate, m_key }) {
            const QString path = field->text().trimmed();
            if (!path.isEmpty() && !path.startsWith(QLatin1Char('/')))
                return tr("Give the full path on the server, starting with /: \"%1\".").arg(path);
        }
        if (m_certificate->text().trimmed().isEmpty() || m_key->text().trimmed().isEmpty())
            return tr("Give both files on the server: the certificate chain and its private key.");
    }
    return {};
}

void CertificatePage::updateFields()
{
    m_email->setEnabled(m_letsEncrypt->isChecked() || m_cloudflare->isChecked());
    m_token->setEnabled(m_cloudflare->isChecked());
    m_certificate->setEnabled(m_existing->isChecked());
    m_key->setEnabled(m_existing->isChecked());
    const QString problem = inputProblem();
    m_problem->setText(problem.isEmpty() ? m_runProblem : problem);
    m_apply->setEnabled(!m_run->isRunning() && problem.isEmpty());
    emit completeChanged();
}

std::shared_ptr<steps::Step> CertificatePage::readStep()
{
    // Empty until the step runs: an earlier step's failure leaves what is shown.
    auto served = std::make_shared<std::optional<wizard::Result<steps::ServedCertificate>>>();
    auto read = std::make_shared<steps::FunctionStep>(QStringLiteral("tls-show"), tr("Read the certificate"),
        [served](steps::StepContext &context) -> wizard::Status {
            *served = steps::servedCertificate(context);
            return wizard::Done {};
        });
    connect(m_run, &StepRunView::finished, this, [this, served](const wizard::Status &) {
        if (!served->has_value())
            return;
        if (!**served)
            m_served->setText(tr("No certificate yet: mail programs cannot send through the server until it has one."));
        else
            m_served->setText(steps::describeCertificate((*served)->value(), QDateTime::currentSecsSinceEpoch()).text);
        updateFields();
    }, Qt::SingleShotConnection);
    return read;
}

void CertificatePage::readServed()
{
    m_run->start({ readStep() });
    updateFields();
}

void CertificatePage::apply()
{
    steps::TlsPlan &tls = m_state.plan.tls;
    tls.mode = m_letsEncrypt->isChecked() || m_cloudflare->isChecked() ? steps::TlsMode::LetsEncrypt
        : m_existing->isChecked()                                        ? steps::TlsMode::Existing
                                                                         : steps::TlsMode::SelfSigned;
    tls.cloudflare = m_cloudflare->isChecked();
    tls.cloudflareTokenEnv = cloudflareSecretName();
    m_state.cloudflareToken = tls.cloudflare ? m_token->text().trimmed() : QString();
    tls.email = m_email->text().trimmed();
    tls.certificate = m_certificate->text().trimmed();
    tls.key = m_key->text().trimmed();
    connect(m_run, &StepRunView::finished, this, [this](const wizard::Status &status) {
        m_runProblem = status ? QString() : status.failure().message;
        if (status && !m_state.cloudflareToken.isEmpty())
            servers::SecretStore().write(cloudflareKeyringName(), m_state.cloudflareToken, [page = QPointer(this)](const wizard::Status &kept) {
                if (page && !kept)
                    page->m_problem->setText(tr("The certificate is there, but the Cloudflare token could not be kept in the "
                                          "keyring: %1")
                                           .arg(kept.failure().message));
            });
        updateFields();
    }, Qt::SingleShotConnection);
    // The certificate is read again in the same run, so its log stays in view.
    m_run->start({ std::make_shared<steps::TlsStep>(), readStep() });
    updateFields();
}

void CertificatePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWizardPage::changeEvent(event);
}

void CertificatePage::retranslate()
{
    setTitle(tr("TLS certificate"));
    m_intro->setText(tr("Mail programs and other servers encrypt their connections to yours with TLS; they trust it "
                        "when its certificate comes from a known authority and names %1.")
                         .arg(m_state.plan.hostname.isEmpty() ? tr("the server") : m_state.plan.hostname));
    m_letsEncrypt->setText(tr("&Let's Encrypt: free, trusted everywhere, renewed by itself (port 80 must be open for "
                              "a moment)"));
    m_cloudflare->setText(tr("Let's Encrypt through Cloudflare's &DNS, for servers whose port 80 cannot be opened"));
    m_existing->setText(tr("A certificate &already on the server"));
    m_selfSigned->setText(tr("A new &self-signed certificate (testing only: mail programs warn about it)"));
    setFormLabels(m_letsEncryptForm, { { m_email, tr("&Email for expiry notices (optional):") } });
    setFormLabels(m_cloudflareForm, { { m_token, tr("Cloudflare API &token:") } });
    setFormLabels(m_existingForm, { { m_certificate, tr("&Certificate chain:") }, { m_key, tr("Private &key:") } });
    m_certificate->setPlaceholderText(QStringLiteral("/etc/ssl/mail/fullchain.pem"));
    m_key->setPlaceholderText(QStringLiteral("/etc/ssl/mail/privkey.pem"));
    m_email->setPlaceholderText(tr("you@example.org"));
    m_apply->setText(tr("&Get the certificate"));
    updateFields();
}

} // namespace postwr::pages
