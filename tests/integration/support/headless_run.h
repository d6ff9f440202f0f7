#pragma once
// `postwr --headless` as a user runs it: the plan written to DIR/plan.json,
// the app's data (its own known_hosts) under DIR/data, secrets in the
// environment. And the "server" part of a plan for a test's sshd and user.

#include "support/process_runner.h"
#include "support/sshd_instance.h"

#include <QJsonObject>
#include <QMap>
#include <QString>

ProcessResult runHeadlessPlan(const QString &directory, const QJsonObject &plan,
    const QMap<QString, QString> &environment = {}, int timeoutMs = 240000);

// Key login as `user`, the host key pinned, known_hosts in `directory`.
QJsonObject serverPlan(const SshdInstance &sshd, const TestUser &user, const KeyLogin &login, const QString &directory);

// A bare git repository in `user`'s home that the test's sshd serves as
// that user, as GitHub serves a private repository: its ssh:// address,
// or empty with *error saying what failed.
QString makeBareRemote(const SshdInstance &sshd, const TestUser &user, QString *directory, QString *error);
