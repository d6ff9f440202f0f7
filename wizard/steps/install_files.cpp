#include "steps/install_files.h"

#include "remote/shell_quote.h"
#include "steps/config_edit.h"

#include <QCryptographicHash>
#include <QMap>

namespace postwr::steps {

using remote::shellQuote;

namespace {

const QString kMarker = QStringLiteral("@@postwr-state ");

QString withPort(const QString &address, quint16 port)
{
    if (address.contains(QLatin1Char(':'))) // IPv6
        return QStringLiteral("[%1]:%2").arg(address).arg(port);
    return QStringLiteral("%1:%2").arg(address).arg(port);
}

} // namespace

QString listenValue(const QString &addresses, quint16 port, InstallMode mode)
{
    QStringList list;
    for (const QString &address : addresses.split(QLatin1Char(','), Qt::SkipEmptyParts))
        list << withPort(address.trimmed(), port);
    if (list.isEmpty()) {
        list << withPort(QStringLiteral("0.0.0.0"), port);
        if (mode == InstallMode::System)
            list << withPort(QStringLiteral("::"), port);
    }
    return list.join(QStringLiteral(", "));
}

QString desiredConfig(const QString &current, const RemoteLayout &layout, const Plan &plan)
{
    QString text = current;
    if (text.trimmed().isEmpty())
        text = QStringLiteral("# postwrd's configuration, written by Postwr. Changes you make by hand are kept;\n"
                              "# the keys the wizard manages are set again when you run its steps.\n"
                              "# Every key: README.md, \"Configuration\".\n");
    const InstallPlan &install = plan.install;
    text = setConfigValue(text, {}, QStringLiteral("hostname"), plan.hostname);
    text = setConfigValue(text, {}, QStringLiteral("spool"), layout.spool);
    text = setConfigValue(text, {}, QStringLiteral("maildir"), layout.maildir);
    text = setConfigValue(text, QStringLiteral("listen"), QStringLiteral("smtp"),
        listenValue(install.listen, install.ports.smtp, layout.mode));
    text = setConfigValue(text, QStringLiteral("listen"), QStringLiteral("submission"),
        listenValue(install.listen, install.ports.submission, layout.mode));
    text = setConfigValue(text, QStringLiteral("listen"), QStringLiteral("submissions"),
        listenValue(install.listen, install.ports.submissions, layout.mode));
    for (auto it = install.settings.begin(); it != install.settings.end(); ++it) {
        const qsizetype dot = it.key().indexOf(QLatin1Char('.'));
        text = dot < 0 ? setConfigValue(text, {}, it.key(), it.value())
                       : setConfigValue(text, it.key().left(dot), it.key().mid(dot + 1), it.value());
    }
    return text;
}

QString stateScript(const RemoteLayout &layout)
{
    const QString config = layout.configDir + QStringLiteral("/postwrd.conf");
    const QString helper = layout.isUser() ? layout.supervisor : layout.unitFile;
    QString script;
    const auto section = [&](const QString &name, const QString &body) {
        script += QStringLiteral("echo '%1%2'\n%3\n").arg(kMarker, name, body);
    };
    const auto sha = [](const QString &path) {
        return QStringLiteral("[ -f %1 ] && sha256sum %1 | cut -d' ' -f1").arg(shellQuote(path));
    };
    section(QStringLiteral("binary"), sha(layout.binary));
    section(QStringLiteral("helper"), sha(helper));
    section(QStringLiteral("config"), QStringLiteral("[ -f %1 ] && echo yes").arg(shellQuote(config)));
    section(QStringLiteral("config-text"), QStringLiteral("[ -f %1 ] && { cat %1; echo; }").arg(shellQuote(config)));
    section(QStringLiteral("domains"),
        QStringLiteral("[ -d %1 ] && ls -1 %1").arg(shellQuote(layout.configDir + QStringLiteral("/domains"))));
    // The certificate the config names; tls/cert.pem when it names none.
    section(QStringLiteral("certificate"),
        QStringLiteral("c=$(sed -n '/^\\[tls\\]/,/^\\[/s/^[[:space:]]*certificate[[:space:]]*=[[:space:]]*//p' %1 "
                       "2>/dev/null | head -n1); c=${c:-tls/cert.pem}; case $c in /*) ;; *) c=%2/$c;; esac; "
                       "[ -s \"$c\" ] && echo yes")
            .arg(shellQuote(config), shellQuote(layout.configDir)));
    section(QStringLiteral("git"), QStringLiteral("command -v git >/dev/null && command -v ssh-keygen >/dev/null && echo yes"));
    if (layout.isUser()) {
        section(QStringLiteral("running"),
            QStringLiteral("p=$(cat %1 2>/dev/null) && [ -n \"$p\" ] && kill -0 \"$p\" 2>/dev/null && echo yes")
                .arg(shellQuote(layout.supervisorPidFile())));
    } else {
        section(QStringLiteral("service-user"), QStringLiteral("id -u postwr >/dev/null 2>&1 && echo yes"));
        section(QStringLiteral("running"), QStringLiteral("systemctl is-active --quiet postwrd 2>/dev/null && echo yes"));
        section(QStringLiteral("enabled"), QStringLiteral("systemctl is-enabled --quiet postwrd 2>/dev/null && echo yes"));
        section(QStringLiteral("conflicts"),
            QStringLiteral("for s in postfix exim4 sendmail opensmtpd chasquid; do "
                           "systemctl is-active --quiet \"$s\" 2>/dev/null && echo \"$s\"; done"));
    }
    section(QStringLiteral("end"), QStringLiteral("true"));
    return script;
}

wizard::Result<InstalledState> parseState(const QString &output)
{
    QMap<QString, QStringList> sections;
    QString current;
    bool ended = false;
    for (const QString &line : output.split(QLatin1Char('\n'))) {
        if (line.startsWith(kMarker)) {
            current = line.mid(kMarker.size()).trimmed();
            sections[current];
            ended = current == QLatin1String("end");
            continue;
        }
        if (!current.isEmpty())
            sections[current] << line;
    }
    if (!ended)
        return wizard::Failure { InstallFiles::tr("The server's answer about the installation was cut short.") };
    const auto yes = [&](const QString &name) {
        return sections.value(name).join(QString()).trimmed() == QLatin1String("yes");
    };
    const auto word = [&](const QString &name) { return sections.value(name).join(QString()).trimmed(); };
    const auto words = [&](const QString &name) {
        QStringList list;
        for (const QString &line : sections.value(name)) {
            if (!line.trimmed().isEmpty())
                list << line.trimmed();
        }
        return list;
    };

    InstalledState state;
    state.binarySha256 = word(QStringLiteral("binary"));
    state.helperSha256 = word(QStringLiteral("helper"));
    state.configExists = yes(QStringLiteral("config"));
    if (state.configExists) {
        QStringList text = sections.value(QStringLiteral("config-text"));
        if (!text.isEmpty() && text.last().isEmpty())
            text.removeLast(); // the line end before the next marker
        state.config = text.join(QLatin1Char('\n'));
        if (!state.config.isEmpty())
            state.config += QLatin1Char('\n');
    }
    state.domains = words(QStringLiteral("domains"));
    state.certificateExists = yes(QStringLiteral("certificate"));
    state.serviceUser = yes(QStringLiteral("service-user"));
    state.running = yes(QStringLiteral("running"));
    state.enabled = yes(QStringLiteral("enabled"));
    state.conflictingMtas = words(QStringLiteral("conflicts"));
    state.git = yes(QStringLiteral("git"));
    return state;
}

QString sha256Hex(const QByteArray &data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

} // namespace postwr::steps
