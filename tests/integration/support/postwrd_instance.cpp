#include "support/postwrd_instance.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QTcpServer>
#include <QTest>
#include <QtDebug>

#include <csignal>
#include <sys/types.h>

QString roleName(Role role) {
  switch (role) {
    case Role::Smtp: return QStringLiteral("smtp");
    case Role::Submission: return QStringLiteral("submission");
    case Role::Submissions: return QStringLiteral("submissions");
  }
  return {};
}

PostwrdInstance::PostwrdInstance() {
  limits_.insert(QStringLiteral("max_message_size"), QStringLiteral("1M"));
  limits_.insert(QStringLiteral("max_recipients"), QStringLiteral("100"));
}

PostwrdInstance::~PostwrdInstance() {
  if (process_ && process_->state() != QProcess::NotRunning) {
    process_->terminate();
    if (!process_->waitForFinished(5000)) {
      process_->kill();
      process_->waitForFinished(5000);
    }
    log_ += process_->readAll();
  }
  if (QTest::currentTestFailed() && !log_.isEmpty())
    qInfo().noquote() << "----- postwrd log -----\n" + log() + "----- end of postwrd log -----";
}

void PostwrdInstance::addDomain(const QString &domain) {
  if (!domains_.contains(domain)) domains_ << domain;
}

void PostwrdInstance::addUser(const QString &address, const QString &password) {
  addDomain(address.section(QLatin1Char('@'), -1));
  users_.append({address, password});
}

void PostwrdInstance::setAliases(const QString &domain, const QString &aliasesText) {
  addDomain(domain);
  aliases_.insert(domain, aliasesText);
}

void PostwrdInstance::setLimit(const QString &key, const QString &value) { limits_.insert(key, value); }

bool PostwrdInstance::fail(const QString &message) {
  error_ = message;  // the destructor prints the log when the test fails
  return false;
}

QString PostwrdInstance::postwrdPath(QString *error) {
  const QString path = qEnvironmentVariable("POSTWRD");
  if (path.isEmpty()) {
    if (error) *error = QStringLiteral("POSTWRD is not set: run this test through ctest");
    return {};
  }
  if (!QFileInfo(path).isExecutable()) {
    if (error) *error = QStringLiteral("POSTWRD=%1 is not an executable: build the postwrd target").arg(path);
    return {};
  }
  return path;
}

QString PostwrdInstance::configDir() const { return dir_.path() + QStringLiteral("/postwr"); }

quint16 PostwrdInstance::port(Role role) const { return ports_.value(role, 0); }

bool PostwrdInstance::pickPorts() {
  // Bind every port at once so they differ, then release them for postwrd.
  QList<std::shared_ptr<QTcpServer>> holders;
  auto pick = [&holders](const QHostAddress &address) -> quint16 {
    auto server = std::make_shared<QTcpServer>();
    if (!server->listen(address, 0)) return 0;
    holders << server;
    return server->serverPort();
  };
  for (Role role : {Role::Smtp, Role::Submission, Role::Submissions}) {
    const quint16 p = pick(QHostAddress(QHostAddress::LocalHost));
    if (p == 0) return fail(QStringLiteral("could not bind a port on 127.0.0.1"));
    ports_.insert(role, p);
  }
  if (ipv6Smtp_) {
    ipv6SmtpPort_ = pick(QHostAddress(QHostAddress::LocalHostIPv6));
    if (ipv6SmtpPort_ == 0) return fail(QStringLiteral("could not bind a port on ::1"));
  }
  for (const auto &server : holders) server->close();
  return true;
}

QString PostwrdInstance::defaultConfigText() const {
  QString smtp = QStringLiteral("127.0.0.1:%1").arg(port(Role::Smtp));
  if (ipv6Smtp_) smtp += QStringLiteral(", [::1]:%1").arg(ipv6SmtpPort_);
  QString text = QStringLiteral(
                     "# Written by the integration test fixture.\n"
                     "hostname = mail.example.test\n"
                     "spool = spool\n"
                     "maildir = mail\n"
                     "\n[listen]\n"
                     "smtp = %1\n"
                     "submission = 127.0.0.1:%2\n"
                     "submissions = 127.0.0.1:%3\n"
                     "\n[tls]\n"
                     "certificate = tls/cert.pem\n"
                     "key = tls/key.pem\n"
                     "\n[limits]\n")
                     .arg(smtp)
                     .arg(port(Role::Submission))
                     .arg(port(Role::Submissions));
  for (auto it = limits_.cbegin(); it != limits_.cend(); ++it)
    text += it.key() + QStringLiteral(" = ") + it.value() + QLatin1Char('\n');
  text += QStringLiteral(
      "\n[addresses]\n"
      "suffix_separators = +\n"
      "drop_characters = .\n");
  if (!extraConfig_.isEmpty()) text += QLatin1Char('\n') + extraConfig_;
  // Tests stay on loopback: without a DNS server of the test's own, postwrd
  // asks a closed loopback port and every remote domain is a temporary failure.
  if (!extraConfig_.contains(QStringLiteral("[dns]")))
    text += QStringLiteral("\n[dns]\nservers = 127.0.0.1:1\n");
  return text;
}

bool PostwrdInstance::writeConfigFile(const QString &relativePath, const QByteArray &content) {
  const QString path = configDir() + QLatin1Char('/') + relativePath;
  if (!QDir().mkpath(QFileInfo(path).absolutePath()))
    return fail(QStringLiteral("cannot create the directory of %1").arg(path));
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() || !file.commit())
    return fail(QStringLiteral("cannot write %1").arg(path));
  return true;
}

bool PostwrdInstance::makeCertificate() {
  QString error;
  const QString openssl = findTool(QStringLiteral("openssl"), QStringLiteral("apt-get install openssl"), &error);
  if (openssl.isEmpty()) return fail(error);
  if (!QDir().mkpath(configDir() + QStringLiteral("/tls")))
    return fail(QStringLiteral("cannot create the tls directory"));
  ProcessRequest request;
  request.program = openssl;
  request.arguments = {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                       QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                       QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=mail.example.test"),
                       QStringLiteral("-keyout"), configDir() + QStringLiteral("/tls/key.pem"),
                       QStringLiteral("-out"), configDir() + QStringLiteral("/tls/cert.pem")};
  const ProcessResult result = runProcess(request);
  if (!result.succeeded())
    return fail(QStringLiteral("openssl req failed (%1): %2").arg(result.status(), QString::fromUtf8(result.standardError)));
  return true;
}

bool PostwrdInstance::writeDomains() {
  for (const QString &domain : std::as_const(domains_)) {
    if (!QDir().mkpath(configDir() + QStringLiteral("/domains/") + domain))
      return fail(QStringLiteral("cannot create the directory of domain %1").arg(domain));
  }
  for (auto it = aliases_.cbegin(); it != aliases_.cend(); ++it) {
    if (!writeConfigFile(QStringLiteral("domains/%1/aliases").arg(it.key()), it.value().toUtf8())) return false;
  }
  for (const auto &[address, password] : std::as_const(users_)) {
    if (!cliAddUser(address, password)) return false;
  }
  return true;
}

bool PostwrdInstance::writeOwnConfig() {
  ownConfig_ = defaultConfigText().toUtf8();
  return writeConfigFile(QStringLiteral("postwrd.conf"), ownConfig_);
}

bool PostwrdInstance::prepare() {
  if (prepared_) return true;
  if (!dir_.isValid()) return fail(QStringLiteral("cannot create a temporary directory"));
  QString error;
  if (postwrdPath(&error).isEmpty()) return fail(error);
  if (!QDir().mkpath(configDir())) return fail(QStringLiteral("cannot create %1").arg(configDir()));
  if (!pickPorts() || !makeCertificate()) return false;
  if (!writeOwnConfig()) return false;
  if (!writeDomains()) return false;
  prepared_ = true;
  return true;
}

ProcessResult PostwrdInstance::cli(const QStringList &words, const QByteArray &standardInput, int timeoutMs) const {
  ProcessRequest request;
  request.program = postwrdPath();
  request.arguments = words + QStringList{QStringLiteral("--config"), configDir()};
  request.standardInput = standardInput;
  request.timeoutMs = timeoutMs;
  request.workingDirectory = dir_.path();
  return runProcess(request);
}

bool PostwrdInstance::cliAddUser(const QString &address, const QString &password) {
  const ProcessResult result = cli({QStringLiteral("user"), QStringLiteral("add"), address}, password.toUtf8() + '\n');
  if (!result.succeeded())
    return fail(QStringLiteral("`postwrd user add %1` failed (%2): %3")
                    .arg(address, result.status(), QString::fromUtf8(result.standardError)));
  return true;
}

QRegularExpression PostwrdInstance::eventPattern(const QString &event, const QString &rest) {
  // key=value lines: the event's name is a whole token; `rest` is a regular
  // expression that must follow somewhere later on the same line.
  QString pattern = QStringLiteral("(?:^|\\s)event=") + QRegularExpression::escape(event) + QStringLiteral("(?=\\s|$)");
  if (!rest.isEmpty()) pattern += QStringLiteral("[^\\n]*?") + rest;
  return QRegularExpression(pattern, QRegularExpression::MultilineOption);
}

QRegularExpression PostwrdInstance::queuedPattern(const QString &id) {
  return eventPattern(QStringLiteral("queued"),
                      QStringLiteral("\\sid=(%1)(?:\\s|$)").arg(id.isEmpty() ? QStringLiteral("\\S+") : QRegularExpression::escape(id)));
}

QRegularExpression PostwrdInstance::deliveredPattern(const QString &id, const QString &rcpt) {
  const QString idPattern = id.isEmpty() ? QStringLiteral("\\S+") : QRegularExpression::escape(id);
  const QString rcptPattern = rcpt.isEmpty() ? QStringLiteral("\\S+") : QRegularExpression::escape(rcpt);
  // Both keys on the line, in either order.
  return eventPattern(QStringLiteral("delivered"),
                      QStringLiteral("(?=[^\\n]*\\sid=(%1)(?:\\s|$))[^\\n]*\\srcpt=<?(%2)>?(?:\\s|$)").arg(idPattern, rcptPattern));
}

QString PostwrdInstance::completeLog(qsizetype from) const {
  // Only whole lines: a line still being written must not half-match.
  const qsizetype end = log_.lastIndexOf('\n');
  if (end < from) return {};
  return QString::fromUtf8(log_.mid(from, end + 1 - from));
}

QRegularExpressionMatch PostwrdInstance::waitForLog(const QRegularExpression &pattern, int timeoutMs, qsizetype from) {
  QRegularExpressionMatch match;
  const bool settled = QTest::qWaitFor(
      [&] {
        match = pattern.match(completeLog(from));
        return match.hasMatch() || !isRunning();
      },
      timeoutMs);
  // Not found, or postwrd exited: the last lines may have come with the exit.
  if (!settled || !match.hasMatch()) match = pattern.match(completeLog(from));
  return match;
}

QList<QRegularExpressionMatch> PostwrdInstance::logMatches(const QRegularExpression &pattern, qsizetype from) const {
  QList<QRegularExpressionMatch> matches;
  auto it = pattern.globalMatch(completeLog(from));
  while (it.hasNext()) matches << it.next();
  return matches;
}

bool PostwrdInstance::isRunning() const { return process_ && process_->state() != QProcess::NotRunning; }

qint64 PostwrdInstance::processId() const { return isRunning() ? process_->processId() : 0; }

bool PostwrdInstance::start(int timeoutMs) {
  if (!prepare()) return false;
  if (isRunning()) return fail(QStringLiteral("postwrd is already running"));
  // The ports were free when picked, but another test running in parallel
  // may take one before postwrd binds it: on a first start with the
  // fixture's own config, pick new ports and try again (bounded).
  const bool firstStart = !process_;
  // Config appended after prepare() (DeliverySetup's, after a test ran
  // `postwrd dkim keygen`) reaches the file, unless the test wrote its own.
  if (firstStart && readFile(configDir() + QStringLiteral("/postwrd.conf")) == ownConfig_ && !writeOwnConfig())
    return false;
  for (int attempt = 1;; ++attempt) {
    const qsizetype mark = logMark();
    if (launch(timeoutMs)) return true;
    const bool clash = log_.mid(mark).contains("Address already in use");
    const QString configPath = configDir() + QStringLiteral("/postwrd.conf");
    const bool ownConfig = readFile(configPath) == defaultConfigText().toUtf8();
    if (!firstStart || !clash || !ownConfig || attempt == 3) return false;
    log_ += "# fixture: a port was taken meanwhile; picking new ones\n";
    process_.reset();
    if (!pickPorts() || !writeOwnConfig()) return false;
  }
}

bool PostwrdInstance::launch(int timeoutMs) {
  if (process_) log_ += "# fixture: starting postwrd again\n";
  process_ = std::make_unique<QProcess>();
  process_->setProcessChannelMode(QProcess::MergedChannels);
  process_->setWorkingDirectory(dir_.path());  // not DIR: relative paths must be relative to DIR
  QObject::connect(process_.get(), &QProcess::readyReadStandardOutput, process_.get(),
                   [this] { log_ += process_->readAllStandardOutput(); });
  const qsizetype mark = logMark();
  const QStringList arguments = {QStringLiteral("run"), QStringLiteral("--config"), configDir()};
  if (launcher_.isEmpty())
    process_->start(postwrdPath(), arguments);
  else
    process_->start(launcher_.first(), launcher_.mid(1) + QStringList{postwrdPath()} + arguments);
  if (!process_->waitForStarted(10000))
    return fail(QStringLiteral("cannot start postwrd: %1").arg(process_->errorString()));

  const auto ready = waitForLog(eventPattern(QStringLiteral("ready")), timeoutMs, mark);
  if (!ready.hasMatch()) {
    const QString why = isRunning() ? QStringLiteral("no event=ready within %1 ms").arg(timeoutMs)
                                    : QStringLiteral("postwrd exited (%1) before event=ready").arg(process_->exitCode());
    return fail(why);
  }
  QList<QPair<Role, QString>> listeners = {
      {Role::Smtp, QStringLiteral("127.0.0.1:%1").arg(port(Role::Smtp))},
      {Role::Submission, QStringLiteral("127.0.0.1:%1").arg(port(Role::Submission))},
      {Role::Submissions, QStringLiteral("127.0.0.1:%1").arg(port(Role::Submissions))}};
  if (ipv6Smtp_) listeners.append({Role::Smtp, QStringLiteral("[::1]:%1").arg(ipv6SmtpPort_)});
  for (const auto &[role, address] : std::as_const(listeners)) {
    const auto line = eventPattern(QStringLiteral("listening"),
                                   QStringLiteral("(?=[^\\n]*\\srole=%1(?:\\s|$))[^\\n]*\\saddress=%2(?:\\s|$)")
                                       .arg(roleName(role), QRegularExpression::escape(address)));
    if (logMatches(line, mark).isEmpty())
      return fail(QStringLiteral("no `event=listening role=%1 address=%2` line before event=ready").arg(roleName(role), address));
  }
  return true;
}

bool PostwrdInstance::stop(int timeoutMs) {
  if (!isRunning()) return fail(QStringLiteral("stop(): postwrd is not running"));
  const qsizetype mark = logMark();
  process_->terminate();  // SIGTERM
  if (!QTest::qWaitFor([this] { return !isRunning(); }, timeoutMs)) {
    process_->kill();
    process_->waitForFinished(5000);
    return fail(QStringLiteral("postwrd did not exit within %1 ms of SIGTERM").arg(timeoutMs));
  }
  log_ += process_->readAll();
  if (!log_.endsWith('\n') && !log_.isEmpty()) log_ += '\n';
  if (process_->exitStatus() != QProcess::NormalExit || process_->exitCode() != 0)
    return fail(QStringLiteral("postwrd exited with %1 after SIGTERM, expected 0")
                    .arg(process_->exitStatus() == QProcess::CrashExit ? QStringLiteral("a crash")
                                                                       : QString::number(process_->exitCode())));
  if (logMatches(eventPattern(QStringLiteral("stopped")), mark).isEmpty())
    return fail(QStringLiteral("postwrd exited after SIGTERM without logging event=stopped"));
  return true;
}

void PostwrdInstance::kill9() {
  if (!isRunning()) return;
  process_->kill();  // SIGKILL
  process_->waitForFinished(5000);
  log_ += process_->readAll();
  log_ += "\n# fixture: postwrd killed with SIGKILL\n";
}

bool PostwrdInstance::reload(int timeoutMs) {
  if (!isRunning()) return fail(QStringLiteral("reload(): postwrd is not running"));
  const qsizetype mark = logMark();
  if (::kill(static_cast<pid_t>(process_->processId()), SIGHUP) != 0)
    return fail(QStringLiteral("cannot send SIGHUP to postwrd"));
  if (!waitForLog(eventPattern(QStringLiteral("reloaded")), timeoutMs, mark).hasMatch())
    return fail(QStringLiteral("no event=reloaded within %1 ms of SIGHUP%2")
                    .arg(timeoutMs)
                    .arg(isRunning() ? QString() : QStringLiteral(" (postwrd exited)")));
  return true;
}

QStringList PostwrdInstance::maildirFiles(const QString &address) const {
  const QString local = address.section(QLatin1Char('@'), 0, -2);
  const QString domain = address.section(QLatin1Char('@'), -1);
  QStringList files;
  for (const char *sub : {"new", "cur"}) {
    QDir dir(QStringLiteral("%1/%2/%3/%4").arg(maildirRoot(), domain, local, QLatin1String(sub)));
    for (const QString &name : dir.entryList(QDir::Files, QDir::Name)) files << dir.filePath(name);
  }
  return files;
}

QStringList PostwrdInstance::allFiles(const QString &root) {
  QStringList files;
  QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
  while (it.hasNext()) files << it.next();
  files.sort();
  return files;
}

QByteArray PostwrdInstance::readFile(const QString &path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) return {};
  return file.readAll();
}

QStringList PostwrdInstance::filesContaining(const QString &root, const QByteArray &needle) {
  QStringList hits;
  for (const QString &path : allFiles(root))
    if (readFile(path).contains(needle)) hits << path;
  return hits;
}
