#pragma once
// A TCP port free on 127.0.0.1 now, for a server a test starts (0 when none
// can be had). Another process may take it before the test's server binds:
// the servers' own start-up checks catch that.

#include <QHostAddress>
#include <QTcpServer>

inline quint16 freeLoopbackPort()
{
    QTcpServer server;
    return server.listen(QHostAddress::LocalHost, 0) ? server.serverPort() : 0;
}
