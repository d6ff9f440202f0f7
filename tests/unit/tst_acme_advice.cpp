// certbot's failures, as the user reads them: each usual cause named with
// what to do, from the output certbot really prints for it.

#include "steps/acme_advice.h"

#include <QTest>

using postwr::steps::AcmeAdvice;

class AcmeAdviceTest : public QObject {
    Q_OBJECT

private slots:
    void explains_data()
    {
        QTest::addColumn<QString>("output");
        QTest::addColumn<QString>("advice"); // a part of the explanation
        QTest::newRow("rate limit") << "An unexpected error occurred:\nError creating new order :: too many certificates "
                                       "(5) already issued for this exact set of domains in the last 168 hours"
                                    << "rate limit was reached for mail.example.org";
        QTest::newRow("rate limit, problem type") << "urn:ietf:params:acme:error:rateLimited" << "rate limit";
        QTest::newRow("name not in DNS") << "Certbot failed to authenticate some domains (authenticator: standalone).\n"
                                            "  Domain: mail.example.org\n  Type:   dns\n  Detail: DNS problem: NXDOMAIN looking "
                                            "up A for mail.example.org - check that a DNS record exists for this domain"
                                         << "could not find mail.example.org in DNS yet";
        QTest::newRow("port 80 blocked") << "  Type:   connection\n  Detail: 203.0.113.5: Fetching "
                                            "http://mail.example.org/.well-known/acme-challenge/x: Timeout during connect "
                                            "(likely firewall problem)"
                                         << "could not reach mail.example.org on port 80";
        QTest::newRow("port 80 taken") << "Could not bind TCP port 80 because it is already in use by another process on "
                                          "this system (such as a web server)."
                                       << "Port 80 on the server is taken";
        QTest::newRow("another machine answered") << "  Type:   unauthorized\n  Detail: 198.51.100.7: Invalid response from "
                                                     "http://mail.example.org/.well-known/acme-challenge/x: 404"
                                                  << "points somewhere else";
        QTest::newRow("CA not trusted") << "requests.exceptions.SSLError: HTTPSConnectionPool(host='127.0.0.1'): "
                                           "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed"
                                        << "its certificate was not trusted";
        QTest::newRow("no way out") << "Max retries exceeded with url: /directory (Caused by NewConnectionError: Failed to "
                                       "establish a new connection: [Errno 101] Network is unreachable)"
                                    << "needs outbound HTTPS";
        QTest::newRow("anything else: certbot's last detail") << "Some challenges have failed.\n  Detail: the moon is wrong\nAsk for help"
                                                              << "certbot could not get the certificate: the moon is wrong";
    }

    void explains()
    {
        QFETCH(QString, output);
        QFETCH(QString, advice);
        const QString text = AcmeAdvice::explain(output, QStringLiteral("mail.example.org"), 80);
        QVERIFY2(text.contains(advice), qPrintable(text));
    }
};

QTEST_GUILESS_MAIN(AcmeAdviceTest)
#include "tst_acme_advice.moc"
