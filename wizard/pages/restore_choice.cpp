#include "pages/restore_choice.h"

#include "pages/form_labels.h"
#include "steps/plan_file.h"

#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>

namespace postwr::pages {

RestoreChoice::RestoreChoice(QWidget *parent)
    : QGroupBox(parent)
    , m_form(new QFormLayout(this))
    , m_source(new QLineEdit)
    , m_browse(new QPushButton)
    , m_passphrase(new QLineEdit)
    , m_note(new QLabel)
{
    setObjectName(QStringLiteral("restore"));
    setCheckable(true);
    setChecked(false);
    m_source->setObjectName(QStringLiteral("restoreSource"));
    m_browse->setObjectName(QStringLiteral("restoreBrowse"));
    m_passphrase->setObjectName(QStringLiteral("restorePassphrase"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_note->setWordWrap(true);
    auto *sourceRow = new QHBoxLayout;
    sourceRow->addWidget(m_source, 1);
    sourceRow->addWidget(m_browse);
    m_form->addRow(new QLabel, sourceRow);
    m_form->addRow(new QLabel, m_passphrase);
    m_form->addRow(m_note);
    connect(this, &QGroupBox::toggled, this, &RestoreChoice::changed);
    connect(m_source, &QLineEdit::textChanged, this, &RestoreChoice::changed);
    connect(m_passphrase, &QLineEdit::textChanged, this, &RestoreChoice::changed);
    connect(m_browse, &QPushButton::clicked, this, &RestoreChoice::browse);
    retranslate();
}

QString RestoreChoice::source() const
{
    return m_source->text().trimmed();
}

QString RestoreChoice::passphrase() const
{
    return m_passphrase->text();
}

QString RestoreChoice::problem() const
{
    if (!wanted())
        return {};
    const QString from = source();
    if (from.isEmpty())
        return tr("Give the backup's repository (its SSH address) or choose a downloaded backup.");
    if (steps::isBackupArchive(from)) {
        if (!QFileInfo(from).isFile())
            return tr("There is no file %1.").arg(from);
        return {};
    }
    if (!steps::validGitRemote(from))
        return tr("\"%1\" is neither the SSH address of a git repository (git@github.com:you/mail-config.git) nor a "
                  ".tar.gz backup.")
            .arg(from);
    return {};
}

void RestoreChoice::browse()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Choose a downloaded backup"),
        QStandardPaths::writableLocation(QStandardPaths::DesktopLocation), tr("Postwr backups (*.tar.gz *.tgz)"));
    if (!file.isEmpty())
        m_source->setText(file);
}

void RestoreChoice::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QGroupBox::changeEvent(event);
}

void RestoreChoice::retranslate()
{
    setTitle(tr("&Restore the backup of a server you had"));
    setFormLabels(m_form, { { m_passphrase, tr("Its &passphrase:") } });
    if (auto *label = qobject_cast<QLabel *>(m_form->itemAt(0, QFormLayout::LabelRole)->widget())) {
        label->setText(tr("&Backup:"));
        label->setBuddy(m_source);
    }
    m_source->setPlaceholderText(tr("git@github.com:you/mail-config.git, or a .tar.gz"));
    m_browse->setText(tr("Choose a &file…"));
    m_note->setText(tr("The accounts, forwarding, DKIM key and certificate come back as they were; this server keeps "
                       "its own addresses. For a repository, the server makes a deploy key of its own: when the "
                       "repository refuses it, add it there (read access is enough to restore, write access to go on "
                       "backing up) and install again."));
}

} // namespace postwr::pages
