#include "pages/backup_page.h"

#include "pages/form_labels.h"
#include "pages/mark_icon.h"
#include "pages/step_run_view.h"
#include "steps/function_step.h"

#include <QCheckBox>
#include <QClipboard>
#include <QDate>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QStandardPaths>
#include <QUrl>
#include <QVBoxLayout>

namespace postwr::pages {

namespace {

constexpr qsizetype minPassphraseLength = 10;

// `path`, or "NAME-2.tar.gz", "NAME-3.tar.gz"… when it is taken: a second
// download on the same day keeps the first.
QString freePath(const QString &path)
{
    if (!QFileInfo::exists(path))
        return path;
    const QString stem = path.left(path.size() - int(qstrlen(".tar.gz")));
    for (int i = 2; i < 1000; ++i) {
        const QString candidate = QStringLiteral("%1-%2.tar.gz").arg(stem).arg(i);
        if (!QFileInfo::exists(candidate))
            return candidate;
    }
    return path;
}

} // namespace

BackupPage::BackupPage(WizardState &state, QWidget *parent)
    : QWizardPage(parent)
    , m_state(state)
    , m_intro(new QLabel)
    , m_standingIcon(new QLabel)
    , m_standing(new QLabel)
    , m_form(new QFormLayout)
    , m_remote(new QLineEdit)
    , m_encrypt(new QCheckBox)
    , m_passphrase(new QLineEdit)
    , m_confirm(new QLineEdit)
    , m_passphraseNote(new QLabel)
    , m_keyNote(new QLabel)
    , m_key(new QLineEdit)
    , m_copyKey(new QPushButton)
    , m_problem(new QLabel)
    , m_apply(new QPushButton)
    , m_push(new QPushButton)
    , m_download(new QPushButton)
    , m_saved(new QLabel)
    , m_run(new StepRunView(state))
{
    m_intro->setWordWrap(true);
    m_standing->setObjectName(QStringLiteral("standing"));
    m_standing->setWordWrap(true);
    m_standing->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_remote->setObjectName(QStringLiteral("remote"));
    m_encrypt->setObjectName(QStringLiteral("encrypt"));
    m_encrypt->setChecked(true);
    m_passphrase->setObjectName(QStringLiteral("passphrase"));
    m_confirm->setObjectName(QStringLiteral("confirmPassphrase"));
    for (QLineEdit *field : { m_passphrase, m_confirm })
        field->setEchoMode(QLineEdit::Password);
    m_passphraseNote->setWordWrap(true);
    m_keyNote->setWordWrap(true);
    m_keyNote->setOpenExternalLinks(true);
    m_key->setObjectName(QStringLiteral("deployKey"));
    m_key->setReadOnly(true);
    m_copyKey->setObjectName(QStringLiteral("copyKey"));
    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_apply->setObjectName(QStringLiteral("apply"));
    m_push->setObjectName(QStringLiteral("push"));
    m_download->setObjectName(QStringLiteral("download"));
    m_saved->setObjectName(QStringLiteral("saved"));
    m_saved->setWordWrap(true);
    m_saved->setOpenExternalLinks(true);

    m_form->addRow(new QLabel, m_remote);
    m_form->addRow(QString(), m_encrypt);
    m_form->addRow(new QLabel, m_passphrase);
    m_form->addRow(new QLabel, m_confirm);
    m_form->addRow(QString(), m_passphraseNote);
    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(m_key, 1);
    keyRow->addWidget(m_copyKey);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_apply);
    buttons->addWidget(m_push);
    buttons->addWidget(m_download);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    auto *standingRow = new QHBoxLayout;
    standingRow->addWidget(m_standingIcon, 0, Qt::AlignTop);
    standingRow->addWidget(m_standing, 1);
    layout->addLayout(standingRow);
    layout->addLayout(m_form);
    layout->addWidget(m_keyNote);
    layout->addLayout(keyRow);
    layout->addWidget(m_problem);
    layout->addLayout(buttons);
    layout->addWidget(m_saved);
    layout->addWidget(m_run, 1);

    const auto edited = [this] {
        m_runProblem.clear();
        updateFields();
    };
    for (QLineEdit *field : { m_remote, m_passphrase, m_confirm })
        connect(field, &QLineEdit::textChanged, this, edited);
    connect(m_encrypt, &QCheckBox::toggled, this, edited);
    connect(m_copyKey, &QPushButton::clicked, this, [this] { QGuiApplication::clipboard()->setText(m_key->text()); });
    connect(m_apply, &QPushButton::clicked, this, &BackupPage::apply);
    connect(m_push, &QPushButton::clicked, this, &BackupPage::pushNow);
    connect(m_download, &QPushButton::clicked, this, &BackupPage::download);
    connect(m_run, &StepRunView::finished, this, [this](const wizard::Status &status) {
        m_runProblem = status ? QString() : status.failure().message;
        updateFields();
    });
    retranslate();
}

QString BackupPage::downloadFolder()
{
    for (const auto location : { QStandardPaths::DesktopLocation, QStandardPaths::DownloadLocation, QStandardPaths::HomeLocation }) {
        const QString folder = QStandardPaths::writableLocation(location);
        if (!folder.isEmpty() && QFileInfo(folder).isDir())
            return folder;
    }
    return QDir::homePath();
}

void BackupPage::initializePage()
{
    m_saved->clear();
    run({ statusStep() });
}

void BackupPage::cleanupPage()
{
    m_run->cancel();
}

bool BackupPage::isComplete() const
{
    // A backup can come later, from the dashboard.
    return !m_run->isRunning();
}

QString BackupPage::inputProblem() const
{
    const QString remote = m_remote->text().trimmed();
    if (!remote.isEmpty() && !steps::validGitRemote(remote))
        return tr("\"%1\" is not the SSH address of a git repository: copy it from the repository's page, where it "
                  "looks like git@github.com:you/mail-config.git.")
            .arg(remote);
    if (m_status && m_status->enabled)
        return {};
    if (m_encrypt->isChecked() && m_passphrase->text().size() < minPassphraseLength)
        return tr("Choose a passphrase of at least %n character(s).", nullptr, int(minPassphraseLength));
    if (m_encrypt->isChecked() && m_passphrase->text() != m_confirm->text())
        return tr("The two passphrases differ.");
    return {};
}

void BackupPage::updateFields()
{
    const bool running = m_run->isRunning();
    const bool known = m_status.has_value();
    const bool enabled = known && m_status->enabled;
    // Encryption is chosen once, when the backup starts; then the passphrase
    // is not needed until a restore.
    m_encrypt->setEnabled(!running && known && !enabled);
    m_passphrase->setEnabled(!running && known && !enabled && m_encrypt->isChecked());
    m_confirm->setEnabled(m_passphrase->isEnabled());
    for (QWidget *field : { static_cast<QWidget *>(m_passphrase), static_cast<QWidget *>(m_confirm), static_cast<QWidget *>(m_passphraseNote) })
        m_form->setRowVisible(field, !enabled);
    m_remote->setEnabled(!running && known);
    const bool hasKey = known && !m_status->deployKey.isEmpty();
    m_key->setVisible(hasKey);
    m_copyKey->setVisible(hasKey);
    m_keyNote->setVisible(hasKey);
    if (hasKey)
        m_key->setText(m_status->deployKey);
    const QString problem = inputProblem();
    m_problem->setText(problem.isEmpty() ? m_runProblem : problem);
    const QString remote = m_remote->text().trimmed();
    m_apply->setText(enabled ? tr("&Save and push") : tr("&Set up the backup"));
    m_apply->setEnabled(!running && known && problem.isEmpty() && (!enabled || (!remote.isEmpty() && remote != m_status->remote)));
    m_push->setEnabled(!running && enabled && !m_status->remote.isEmpty());
    m_download->setEnabled(!running && enabled);
    emit completeChanged();
}

std::shared_ptr<steps::Step> BackupPage::statusStep()
{
    // Empty until the step runs: an earlier step's failure leaves what is shown.
    auto read = std::make_shared<std::optional<wizard::Result<steps::BackupStatus>>>();
    auto step = std::make_shared<steps::FunctionStep>(QStringLiteral("backup-status"), tr("Read how the backup stands"),
        [read](steps::StepContext &context) -> wizard::Status {
            *read = steps::readBackupStatus(context);
            return wizard::Done {};
        });
    connect(m_run, &StepRunView::finished, this, [this, read](const wizard::Status &) {
        if (!read->has_value())
            return;
        if (!**read) {
            m_standingIcon->clear();
            m_standing->setText((*read)->failure().message);
            return;
        }
        m_status = (*read)->value();
        // Filled in from the server, not edited: the reason of a failure stays.
        const QSignalBlocker blockRemote(m_remote), blockEncrypt(m_encrypt), blockPassphrase(m_passphrase),
            blockConfirm(m_confirm);
        if (m_status->enabled) {
            m_passphrase->clear();
            m_confirm->clear();
        }
        const steps::BackupStanding standing = steps::describeBackup(*m_status);
        m_standing->setText(standing.text);
        const int size = m_standing->fontMetrics().height();
        m_standingIcon->setPixmap(markIcon(style(), standing.mark).pixmap(size, size));
        if (m_remote->text().trimmed().isEmpty())
            m_remote->setText(m_status->remote);
        if (m_status->enabled)
            m_encrypt->setChecked(m_status->encrypted);
        updateFields();
    }, Qt::SingleShotConnection);
    return step;
}

void BackupPage::run(std::vector<std::shared_ptr<steps::Step>> work)
{
    m_run->start(std::move(work));
    updateFields();
}

void BackupPage::apply()
{
    const QString remote = m_remote->text().trimmed();
    const bool encrypt = m_encrypt->isChecked();
    const QString passphrase = encrypt ? m_passphrase->text() : QString();
    auto setUp = std::make_shared<steps::FunctionStep>(QStringLiteral("backup-set-up"), tr("Set up the backup"),
        [remote, passphrase](steps::StepContext &context) -> wizard::Status {
            auto key = steps::setUpBackup(context, remote, [&passphrase] { return wizard::Result<QString>(passphrase); });
            if (!key)
                return key.failure();
            return wizard::Done {};
        });
    // Read between the two, so that the deploy key is shown when the push fails.
    std::vector<std::shared_ptr<steps::Step>> work { setUp, statusStep() };
    if (!remote.isEmpty()) {
        work.push_back(std::make_shared<steps::FunctionStep>(QStringLiteral("backup-push"), tr("Push the backup"), &steps::pushBackup));
        work.push_back(statusStep());
    }
    run(std::move(work));
}

void BackupPage::pushNow()
{
    run({ std::make_shared<steps::FunctionStep>(QStringLiteral("backup-push"), tr("Push the backup"), &steps::pushBackup), statusStep() });
}

void BackupPage::download()
{
    const QString domain = m_state.plan.domains.value(0, m_state.plan.hostname);
    const QString path = freePath(QDir(downloadFolder()).filePath(steps::backupArchiveName(domain, QDate::currentDate())));
    auto save = std::make_shared<steps::FunctionStep>(QStringLiteral("backup-download"), tr("Download the backup"),
        [path](steps::StepContext &context) { return steps::downloadBackup(context, path); });
    connect(m_run, &StepRunView::finished, this, [this, path](const wizard::Status &status) {
        if (status)
            m_saved->setText(tr("Saved as <a href=\"%1\">%2</a> (secrets inside as encrypted as in the repository).")
                                 .arg(QUrl::fromLocalFile(QFileInfo(path).absolutePath()).toString(), path.toHtmlEscaped()));
    }, Qt::SingleShotConnection);
    run({ save });
}

void BackupPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWizardPage::changeEvent(event);
}

void BackupPage::retranslate()
{
    setTitle(tr("Backup"));
    m_intro->setText(tr("Postwr keeps the server's configuration (accounts, forwarding, DKIM keys, certificate) in git "
                        "and pushes every change to a private repository of yours, e.g. on GitHub. If the server is "
                        "lost, a new one takes over from the backup with the same DNS records."));
    m_encrypt->setText(tr("&Encrypt the secrets (DKIM keys, password hashes, TLS key) with a passphrase"));
    setFormLabels(m_form,
        { { m_remote, tr("Private &repository (SSH address):") }, { m_passphrase, tr("&Passphrase:") },
            { m_confirm, tr("&Again:") } });
    m_remote->setPlaceholderText(tr("git@github.com:you/mail-config.git (empty: keep it on the server only)"));
    m_passphraseNote->setText(tr("Keep the passphrase somewhere safe, away from the server: restoring asks for it, and "
                                 "nobody can recover it."));
    m_keyNote->setText(tr("The server pushes with this deploy key of its own. Add it to the repository's deploy keys "
                          "and allow it write access (on GitHub: Settings, Deploy keys, Add deploy key, \"Allow write "
                          "access\"), then push."));
    m_copyKey->setText(tr("&Copy"));
    m_push->setText(tr("&Push now"));
    m_download->setText(tr("&Download backup"));
    updateFields();
}

} // namespace postwr::pages
