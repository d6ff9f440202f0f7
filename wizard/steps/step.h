// A setup step: plan() says what it would change on the server, run() makes
// those changes. Both are idempotent: run() on a server where plan() finds
// nothing to do changes nothing. They block (an SshSession is blocking), so
// the wizard calls them on the session's thread and the headless mode on
// its only one.
//
// A step reports as it goes: log() lines the user can read (never a
// secret), and the output of the commands it runs, line by line.
#pragma once

#include "remote/ssh_session.h"
#include "result.h"
#include "steps/plan_file.h"
#include "steps/remote_layout.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <atomic>
#include <functional>

namespace postwr::steps {

// Unqualified in definitions: lupdate reads `wizard::Status f()` as a
// member of `wizard` and would file the strings of f under a wrong context.
using Status = wizard::Status;

// How a checked thing stands: a page shows it as an icon, the headless
// mode as a tag.
enum class Mark { Good, Warning, Problem };

// "[good]", "[warning]", "[problem]", translated.
QString markTag(Mark mark);

struct StepContext {
    remote::SshSession &ssh;
    const Plan &plan;
    RemoteLayout layout;
    // A line for the user: what the step is doing, or found.
    std::function<void(const QString &)> log;
    // A line of a checklist: what was found, and how it stands.
    std::function<void(Mark, const QString &)> check;
    // A line of a remote command's output.
    remote::LineHandler output;
    // A secret the user must see once (a generated password): shown, never logged.
    std::function<void(const QString &label, const QString &secret)> reveal;
    // The secret a plan names ("password_env": "NAME"); a null QString when
    // there is none. The headless mode reads the environment.
    std::function<QString(const QString &name)> secret;
    const std::atomic_bool *cancel = nullptr;
};

class Step {
public:
    virtual ~Step() = default;
    // The plan file's name of the step: "install".
    virtual QString name() const = 0;
    // Translated, for progress lines and page titles: "Install postwrd".
    virtual QString title() const = 0;
    // The changes run() would make, one translated line each; empty when
    // the server is already as the plan wants it.
    virtual wizard::Result<QStringList> plan(StepContext &context) = 0;
    virtual wizard::Status run(StepContext &context) = 0;
};

// Runs a command (through sudo when `asRoot` and the login user is not
// root), streaming its output to the context. A failure's message says what
// failed: `what` (translated), the exit status and the command's last
// error line.
wizard::Result<remote::CommandResult> runCommand(StepContext &context, const QString &what,
    const QString &command, bool asRoot = false, const QByteArray &input = {},
    std::chrono::milliseconds timeout = std::chrono::minutes(2));

// The same, for commands whose output is data for the step, not for the
// user: nothing is streamed.
wizard::Result<remote::CommandResult> query(StepContext &context, const QString &what,
    const QString &command, bool asRoot = false, const QByteArray &input = {});

// Where postwrd lives for `plan`: the system layout, or in user mode the
// plan's prefix under the login user's home (asked of the server).
wizard::Result<RemoteLayout> layoutFor(remote::SshSession &ssh, const Plan &plan, const std::atomic_bool *cancel = nullptr);

class Steps {
    Q_DECLARE_TR_FUNCTIONS(postwr::steps::Steps)
};

} // namespace postwr::steps
