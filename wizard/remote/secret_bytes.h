#pragma once

#include <QByteArray>
#include <QString>
#include <string.h>

namespace postwr::remote {

// A secret as UTF-8 for a C API, wiped from memory when it goes.
class SecretBytes {
public:
    explicit SecretBytes(const QString &text)
        : m_bytes(text.toUtf8())
    {
    }
    ~SecretBytes() { ::explicit_bzero(m_bytes.data(), static_cast<size_t>(m_bytes.size())); }
    SecretBytes(const SecretBytes &) = delete;
    SecretBytes &operator=(const SecretBytes &) = delete;

    const char *data() const { return m_bytes.constData(); }
    qsizetype size() const { return m_bytes.size(); }
    bool isEmpty() const { return m_bytes.isEmpty(); }

private:
    QByteArray m_bytes;
};

} // namespace postwr::remote
