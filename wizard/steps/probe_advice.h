// What a probe report means for the user: each finding good, a warning or a
// problem, with advice they can act on ("your provider blocks outbound port
// 25: ask them to open it").
#pragma once

#include "steps/plan_file.h"
#include "steps/server_probe.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace postwr::steps {

struct Finding {
    enum class Level { Good, Warning, Problem };
    Level level = Level::Good;
    QString topic; // stable, for tests and icons: "os", "arch", "port25", "outbound25", "rdns", …
    QString text; // translated: what was found, and what to do about it
};

struct AdviceContext {
    InstallMode mode = InstallMode::System;
    Ports ports;
    QString hostname; // the mail host name the reverse DNS should give
};

QList<Finding> adviceFor(const ProbeReport &report, const AdviceContext &context);

class ProbeAdvice {
    Q_DECLARE_TR_FUNCTIONS(postwr::steps::ProbeAdvice)
};

} // namespace postwr::steps
