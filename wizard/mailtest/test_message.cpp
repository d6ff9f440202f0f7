#include "mailtest/test_message.h"

#include <QLocale>
#include <QRandomGenerator>
#include <QStringList>

#include <algorithm>
#include <cstdlib>

namespace postwr::mailtest {

namespace {

// RFC 2047 encoded-word when the text is not plain ASCII (the translated
// subject), in chunks that keep each encoded word within 75 characters.
QByteArray headerText(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    const bool ascii = std::all_of(utf8.begin(), utf8.end(), [](char c) { return c >= 0x20 && c < 0x7f; });
    if (ascii)
        return utf8;
    QByteArrayList words;
    QString chunk;
    for (const QChar c : text) {
        if ((chunk + c).toUtf8().size() > 45 && !c.isLowSurrogate()) {
            words << "=?UTF-8?B?" + chunk.toUtf8().toBase64() + "?=";
            chunk.clear();
        }
        chunk += c;
    }
    if (!chunk.isEmpty())
        words << "=?UTF-8?B?" + chunk.toUtf8().toBase64() + "?=";
    return words.join("\r\n ");
}

} // namespace

QString newTestId()
{
    static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    QString id;
    for (int i = 0; i < 16; ++i)
        id += QLatin1Char(alphabet[QRandomGenerator::system()->bounded(36)]);
    return id;
}

QByteArray composeTestMessage(const QString &from, const QString &to, const QString &id, const QDateTime &now)
{
    const QString domain = from.section(QLatin1Char('@'), 1);
    const QString subject = TestMessage::tr("Postwr test message %1").arg(id);
    const QStringList body {
        TestMessage::tr("Hello,"),
        QString(),
        TestMessage::tr("this message was sent by Postwr through your own mail server, as %1, to check that it "
                        "delivers signed mail.")
            .arg(from),
        QString(),
        TestMessage::tr("If you read it in your inbox, sending works. In Gmail, open the message menu and choose "
                        "\"Show original\": SPF, DKIM and DMARC should all say PASS."),
        QString(),
        TestMessage::tr("Test id: %1").arg(id),
    };
    QByteArray message;
    message += "From: " + from.toUtf8() + "\r\n";
    message += "To: " + to.toUtf8() + "\r\n";
    message += "Subject: " + headerText(subject) + "\r\n";
    const int offset = now.offsetFromUtc() / 60; // RFC 5322 §3.3: a numeric zone, "+0100"
    const QString zone = QString::asprintf("%c%02d%02d", offset < 0 ? '-' : '+', std::abs(offset) / 60, std::abs(offset) % 60);
    message += "Date: " + QLocale::c().toString(now, QStringLiteral("ddd, dd MMM yyyy hh:mm:ss ")).toUtf8() + zone.toUtf8()
        + "\r\n";
    message += "Message-ID: <postwr-test-" + id.toUtf8() + "@" + domain.toUtf8() + ">\r\n";
    message += "X-Postwr-Test: " + id.toUtf8() + "\r\n";
    message += "MIME-Version: 1.0\r\n";
    message += "Content-Type: text/plain; charset=utf-8\r\n";
    message += "Content-Transfer-Encoding: 8bit\r\n\r\n";
    for (const QString &line : body)
        message += line.toUtf8() + "\r\n";
    return message;
}

} // namespace postwr::mailtest
