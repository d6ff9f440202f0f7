#include "remote/key_file.h"

#include "remote/secret_bytes.h"

#include <QCoreApplication>
#include <QFile>
#include <libssh/libssh.h>

namespace postwr::remote {

namespace {

// Whether the key needs a passphrase, read from the file itself so that a
// missing passphrase, a wrong one and a file that is no key at all get
// different advice (libssh fails the same way for all three).
bool isEncrypted(const QByteArray &file)
{
    if (file.contains("Proc-Type: 4,ENCRYPTED")
        || file.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----"))
        return true;
    // OpenSSH's own format (PROTOCOL.key): "openssh-key-v1\0", then the
    // cipher name as an SSH string; "none" when there is no passphrase.
    const QByteArray begin = "-----BEGIN OPENSSH PRIVATE KEY-----";
    const qsizetype start = file.indexOf(begin);
    const qsizetype end = file.indexOf("-----END OPENSSH PRIVATE KEY-----");
    if (start < 0 || end < start)
        return false;
    const QByteArray body
        = file.mid(start + begin.size(), end - start - begin.size()).simplified().replace(' ', "");
    const QByteArray blob = QByteArray::fromBase64(body);
    const QByteArray magic("openssh-key-v1\0", 15);
    if (!blob.startsWith(magic) || blob.size() < magic.size() + 4)
        return false;
    const auto byteAt
        = [&blob](qsizetype i) { return static_cast<quint32>(static_cast<quint8>(blob.at(i))); };
    const qsizetype at = magic.size();
    const quint32 length
        = byteAt(at) << 24 | byteAt(at + 1) << 16 | byteAt(at + 2) << 8 | byteAt(at + 3);
    return blob.mid(at + 4, static_cast<qsizetype>(length)) != "none";
}

} // namespace

void KeyDeleter::operator()(ssh_key_struct *key) const
{
    ssh_key_free(key);
}

wizard::Result<PrivateKey> loadPrivateKey(const QString &path, const QString &passphrase)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return wizard::Failure { QCoreApplication::translate(
            "postwr::remote", "Cannot read the key file %1: %2.")
                                     .arg(path, file.errorString()) };
    const bool encrypted = isEncrypted(file.read(1 << 20));
    if (encrypted && passphrase.isEmpty())
        return wizard::Failure { QCoreApplication::translate(
            "postwr::remote", "The key file %1 is protected by a passphrase. Enter the passphrase.")
                                     .arg(path) };

    const SecretBytes secret(passphrase);
    ssh_key key = nullptr;
    const int rc = ssh_pki_import_privkey_file(QFile::encodeName(path).constData(),
        encrypted ? secret.data() : nullptr, nullptr, nullptr, &key);
    if (rc == SSH_OK)
        return PrivateKey(key);
    if (encrypted)
        return wizard::Failure { QCoreApplication::translate(
            "postwr::remote", "Wrong passphrase for the key file %1.")
                                     .arg(path) };
    return wizard::Failure { QCoreApplication::translate("postwr::remote",
        "%1 is not a private key Postwr can use. Choose the private "
        "key file (such as id_ed25519), not the .pub file.")
                                 .arg(path) };
}

} // namespace postwr::remote
