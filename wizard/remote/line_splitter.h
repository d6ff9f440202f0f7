// Cuts a byte stream into lines as it arrives. A line is decoded from UTF-8
// only once it is complete, so a character split across two reads stays whole.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringList>
#include <optional>

namespace postwr::remote {

class LineSplitter {
public:
    // The lines completed by `bytes`, without "\n" or a "\r" before it.
    QStringList feed(QByteArrayView bytes);
    // What is left after the last "\n", once the stream has ended.
    std::optional<QString> finish();

private:
    QByteArray m_pending;
};

} // namespace postwr::remote
