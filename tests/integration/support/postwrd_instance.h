#pragma once
// One postwrd under test: a throwaway configuration directory (QTemporaryDir),
// loopback ports picked at run time, a fresh self-signed certificate, users
// added with the real `postwrd user add`, and `postwrd run` as a child
// process whose stderr log is collected.
//
// Methods that can fail return false and leave a reason in errorString(), so
// tests write QVERIFY2(postwrd.start(), qPrintable(postwrd.errorString())).
// When the test function fails, the destructor prints the daemon's log (it
// holds no secrets; passwords never reach it or the test output).

#include "support/process_runner.h"

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

enum class Role { Smtp, Submission, Submissions };
QString roleName(Role role);

class PostwrdInstance {
 public:
  PostwrdInstance();
  ~PostwrdInstance();
  PostwrdInstance(const PostwrdInstance &) = delete;
  PostwrdInstance &operator=(const PostwrdInstance &) = delete;

  // --- Set-up, before prepare() or start() ---------------------------------
  void addDomain(const QString &domain);
  void addUser(const QString &address, const QString &password);
  void setAliases(const QString &domain, const QString &aliasesText);
  void setLimit(const QString &key, const QString &value);  // [limits]
  // Also listen for the smtp role on [::1] (port: ipv6SmtpPort()).
  void setIpv6Smtp(bool enabled) { ipv6Smtp_ = enabled; }
  // Text appended to postwrd.conf after the default sections: whole sections
  // such as "[delivery]\nremote_port = 2525\n".
  void appendConfig(const QString &text) { extraConfig_ += text; }
  // A command that runs postwrd in a changed environment, such as a private
  // mount namespace: postwrd's path and arguments are appended to it, and it
  // must exec them so that the process is postwrd itself.
  void setLauncher(const QStringList &command) { launcher_ = command; }

  // Writes the configuration, certificate, domains, users and aliases.
  bool prepare();
  // prepare() when not done yet, then `postwrd run`; waits for event=ready
  // and one event=listening line per configured listener.
  bool start(int timeoutMs = 15000);
  // SIGTERM; expects exit 0 and event=stopped.
  bool stop(int timeoutMs = 15000);
  // SIGKILL: no chance to clean up.
  void kill9();
  // start() again on the same configuration, spool and Maildir.
  bool restart(int timeoutMs = 15000) { return start(timeoutMs); }
  // SIGHUP; waits for a new event=reloaded.
  bool reload(int timeoutMs = 10000);
  bool isRunning() const;
  qint64 processId() const;  // 0 when not running

  QString errorString() const { return error_; }

  // --- Places --------------------------------------------------------------
  static QString postwrdPath(QString *error = nullptr);
  QString configDir() const;
  QString configFile() const { return configDir() + QStringLiteral("/postwrd.conf"); }
  QString spoolDir() const { return configDir() + QStringLiteral("/spool"); }
  QString maildirRoot() const { return configDir() + QStringLiteral("/mail"); }
  QString defaultConfigText() const;  // what prepare() writes as postwrd.conf
  quint16 port(Role role) const;
  quint16 ipv6SmtpPort() const { return ipv6SmtpPort_; }
  static QHostAddress loopback() { return QHostAddress(QHostAddress::LocalHost); }

  // --- The CLI, against this configuration ---------------------------------
  // `postwrd WORDS... --config DIR`, stdin written then closed.
  ProcessResult cli(const QStringList &words, const QByteArray &standardInput = {},
                    int timeoutMs = 15000) const;
  // `postwrd user add ADDRESS`, the password on stdin. Usable while running.
  bool cliAddUser(const QString &address, const QString &password);

  // --- The log -------------------------------------------------------------
  QString log() const { return QString::fromUtf8(log_); }
  qsizetype logMark() const { return log_.size(); }  // pass as `from` below
  // The first match in complete log lines at or after `from`, waiting up to
  // timeoutMs for it; an invalid match when it never came.
  QRegularExpressionMatch waitForLog(const QRegularExpression &pattern, int timeoutMs = 10000,
                                     qsizetype from = 0);
  QList<QRegularExpressionMatch> logMatches(const QRegularExpression &pattern,
                                            qsizetype from = 0) const;
  static QRegularExpression eventPattern(const QString &event, const QString &rest = {});
  // `event=queued id=QID` and `event=delivered id=QID rcpt=ADDR` lines
  // (an empty id or address matches any).
  static QRegularExpression queuedPattern(const QString &id = {});
  static QRegularExpression deliveredPattern(const QString &id, const QString &rcpt);

  // --- Results on disk -----------------------------------------------------
  // Files in MAILDIR/<domain>/<localpart>/{new,cur}.
  QStringList maildirFiles(const QString &address) const;
  // Every regular file under `root` (recursively) whose content holds needle.
  static QStringList filesContaining(const QString &root, const QByteArray &needle);
  // Every regular file under `root`, recursively.
  static QStringList allFiles(const QString &root);
  static QByteArray readFile(const QString &path);

  // Where the fixture writes its own config files (relative to configDir()).
  bool writeConfigFile(const QString &relativePath, const QByteArray &content);

 private:
  bool pickPorts();
  bool launch(int timeoutMs);
  bool makeCertificate();
  bool writeDomains();
  bool writeOwnConfig();  // defaultConfigText(), remembered in ownConfig_
  bool fail(const QString &message);
  QString completeLog(qsizetype from) const;

  QTemporaryDir dir_;
  QStringList domains_;
  QList<QPair<QString, QString>> users_;
  QMap<QString, QString> aliases_;
  QMap<QString, QString> limits_;
  bool ipv6Smtp_ = false;
  QString extraConfig_;
  QStringList launcher_;
  QByteArray ownConfig_;
  QMap<Role, quint16> ports_;
  quint16 ipv6SmtpPort_ = 0;
  bool prepared_ = false;
  std::unique_ptr<QProcess> process_;
  QByteArray log_;
  QString error_;
};
