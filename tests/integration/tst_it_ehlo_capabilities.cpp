// What EHLO advertises on each port, as swaks sees it: the same ESMTP
// extensions everywhere; STARTTLS only before TLS; AUTH PLAIN LOGIN only
// under TLS and never on the smtp (MX) port.

#include "support/postwrd_instance.h"
#include "support/swaks.h"
#include "support/test_message.h"

#include <QSet>
#include <QTest>

namespace {
const QStringList kEveryWhere = {QStringLiteral("PIPELINING"), QStringLiteral("SIZE"), QStringLiteral("8BITMIME"),
                                 QStringLiteral("SMTPUTF8"), QStringLiteral("ENHANCEDSTATUSCODES")};

// EHLO reply lines after the greeting: keyword -> parameters.
QMap<QString, QStringList> keywords(const QStringList &reply) {
  QMap<QString, QStringList> result;
  for (qsizetype i = 1; i < reply.size(); ++i) {
    QStringList words = reply[i].split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.isEmpty()) continue;
    const QString keyword = words.takeFirst().toUpper();
    result.insert(keyword, words);
  }
  return result;
}

// Empty when the reply advertises exactly what it should.
QString checkEhlo(const QStringList &reply, bool startTls, bool auth) {
  if (reply.isEmpty()) return QStringLiteral("no EHLO reply");
  if (!reply.first().startsWith(QLatin1String("mail.example.test")))
    return QStringLiteral("EHLO greeting `%1` does not start with the configured hostname").arg(reply.first());
  const auto advertised = keywords(reply);
  for (const QString &keyword : kEveryWhere)
    if (!advertised.contains(keyword)) return QStringLiteral("%1 not advertised").arg(keyword);
  bool sizeOk = false;
  if (advertised.value(QStringLiteral("SIZE")).size() == 1) advertised.value(QStringLiteral("SIZE")).first().toLongLong(&sizeOk);
  if (!sizeOk) return QStringLiteral("SIZE must carry the limit in octets (RFC 1870)");
  if (advertised.contains(QStringLiteral("STARTTLS")) != startTls)
    return startTls ? QStringLiteral("STARTTLS not advertised") : QStringLiteral("STARTTLS advertised where it must not be");
  if (advertised.contains(QStringLiteral("AUTH")) != auth)
    return auth ? QStringLiteral("AUTH not advertised") : QStringLiteral("AUTH advertised where it must not be");
  if (auth) {
    QStringList mechanisms = advertised.value(QStringLiteral("AUTH"));
    for (QString &m : mechanisms) m = m.toUpper();
    if (QSet<QString>(mechanisms.begin(), mechanisms.end()) != QSet<QString>{QStringLiteral("PLAIN"), QStringLiteral("LOGIN")})
      return QStringLiteral("AUTH offers `%1`, expected PLAIN and LOGIN").arg(mechanisms.join(QLatin1Char(' ')));
  }
  return {};
}
}  // namespace

class EhloCapabilities : public QObject {
  Q_OBJECT

 private slots:
  void advertisedExtensions_data() {
    QTest::addColumn<int>("role");
    QTest::addColumn<bool>("implicitTls");
    QTest::addColumn<bool>("authAfterTls");
    QTest::newRow("the smtp port offers STARTTLS and never AUTH") << int(Role::Smtp) << false << false;
    QTest::newRow("the submission port offers STARTTLS, and AUTH PLAIN LOGIN only after it")
        << int(Role::Submission) << false << true;
    QTest::newRow("the submissions port offers AUTH PLAIN LOGIN and no STARTTLS") << int(Role::Submissions) << true << true;
  }
  void advertisedExtensions() {
    QFETCH(int, role);
    QFETCH(bool, implicitTls);
    QFETCH(bool, authAfterTls);
    PostwrdInstance postwrd;
    postwrd.addUser(QStringLiteral("alice@local.test"), newPassword());
    QVERIFY2(postwrd.start(), qPrintable(postwrd.errorString()));

    SwaksRequest request;
    request.port = postwrd.port(Role(role));
    request.tls = implicitTls ? SwaksRequest::Tls::Implicit : SwaksRequest::Tls::StartTls;
    request.from = QStringLiteral("alice@local.test");
    request.to = {QStringLiteral("alice@local.test")};
    request.quitAfter = QStringLiteral("HELO");  // the last EHLO: after STARTTLS when there is one
    const SwaksResult swaks = runSwaks(request);
    QVERIFY2(swaks.setupError.isEmpty(), qPrintable(swaks.setupError));
    QVERIFY2(swaks.exitCode() == 0, qPrintable(swaks.describe()));
    QVERIFY2(!swaks.serverLines.isEmpty() && swaks.serverLines.first().code == 220, qPrintable(swaks.describe()));

    if (implicitTls) {
      QCOMPARE(swaks.ehloReplies.size(), 1);
      const QString problem = checkEhlo(swaks.ehloReplies[0], false, true);
      QVERIFY2(problem.isEmpty(), qPrintable(problem + QLatin1Char('\n') + swaks.describe()));
    } else {
      QCOMPARE(swaks.ehloReplies.size(), 2);
      const QString before = checkEhlo(swaks.ehloReplies[0], true, false);
      QVERIFY2(before.isEmpty(), qPrintable(QStringLiteral("before STARTTLS: ") + before + QLatin1Char('\n') + swaks.describe()));
      // RFC 3207 §4.2: STARTTLS is not offered again once TLS is on.
      const QString after = checkEhlo(swaks.ehloReplies[1], false, authAfterTls);
      QVERIFY2(after.isEmpty(), qPrintable(QStringLiteral("after STARTTLS: ") + after + QLatin1Char('\n') + swaks.describe()));
    }
  }
};

QTEST_GUILESS_MAIN(EhloCapabilities)
#include "tst_it_ehlo_capabilities.moc"
