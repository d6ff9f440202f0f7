#include "daemon/child_process.h"

#include <fcntl.h>
#include <poll.h>
#include <grp.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

extern char **environ;

namespace postwr::daemon {

namespace {

constexpr std::size_t maxCollected = 16u << 20;

struct Pipe {
    int fds[2] = {-1, -1};
    ~Pipe() { closeBoth(); }
    void closeBoth()
    {
        for (int &fd : fds)
            if (fd >= 0) {
                ::close(fd);
                fd = -1;
            }
    }
    void closeEnd(int which)
    {
        if (fds[which] >= 0)
            ::close(fds[which]);
        fds[which] = -1;
    }
};

std::string errnoText()
{
    return std::strerror(errno);
}

} // namespace

mail::Result<ChildResult> runChild(const std::vector<std::string> &argv, const ChildOptions &options)
{
    if (argv.empty())
        return mail::Error{"no program to run"};
    Pipe in, out, err, exec;
    if (::pipe2(in.fds, O_CLOEXEC) != 0 || ::pipe2(out.fds, O_CLOEXEC) != 0 || ::pipe2(err.fds, O_CLOEXEC) != 0 ||
        ::pipe2(exec.fds, O_CLOEXEC) != 0)
        return mail::Error{"cannot run " + argv.front() + ": " + errnoText()};

    std::vector<std::string> environment;
    for (char **entry = environ; *entry; ++entry)
        environment.emplace_back(*entry);
    for (const std::string &added : options.environment) {
        const std::string name = added.substr(0, added.find('=') + 1);
        std::erase_if(environment, [&](const std::string &entry) { return entry.starts_with(name); });
        environment.push_back(added);
    }
    std::vector<char *> args, env;
    for (const std::string &arg : argv)
        args.push_back(const_cast<char *>(arg.c_str()));
    args.push_back(nullptr);
    for (const std::string &entry : environment)
        env.push_back(const_cast<char *>(entry.c_str()));
    env.push_back(nullptr);

    const pid_t pid = ::fork();
    if (pid < 0)
        return mail::Error{"cannot run " + argv.front() + ": " + errnoText()};
    if (pid == 0) {
        ::setpgid(0, 0);
        if (options.group != static_cast<gid_t>(-1) &&
            (::setgroups(0, nullptr) != 0 || ::setgid(options.group) != 0 || ::setuid(options.user) != 0)) {
            const int error = errno;
            (void)!::write(exec.fds[1], &error, sizeof error);
            ::_exit(127);
        }
        ::dup2(in.fds[0], 0);
        ::dup2(out.fds[1], 1);
        ::dup2(err.fds[1], 2);
        if (!options.directory.empty() && ::chdir(options.directory.c_str()) != 0) {
            const int error = errno;
            (void)!::write(exec.fds[1], &error, sizeof error);
            ::_exit(127);
        }
        ::signal(SIGPIPE, SIG_DFL);
        ::execvpe(args[0], args.data(), env.data());
        const int error = errno;
        (void)!::write(exec.fds[1], &error, sizeof error);
        ::_exit(127);
    }
    in.closeEnd(0);
    out.closeEnd(1);
    err.closeEnd(1);
    exec.closeEnd(1);
    int execError = 0;
    const bool execFailed = ::read(exec.fds[0], &execError, sizeof execError) == static_cast<ssize_t>(sizeof execError);

    ChildResult result;
    std::size_t written = 0;
    if (options.input.empty())
        in.closeEnd(1);
    else
        ::fcntl(in.fds[1], F_SETFL, O_NONBLOCK);
    const auto deadline = std::chrono::steady_clock::now() + options.timeout;
    while (out.fds[0] >= 0 || err.fds[0] >= 0) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            result.timedOut = true;
            ::kill(-pid, SIGKILL);
            break;
        }
        pollfd fds[3] = {{out.fds[0], POLLIN, 0}, {err.fds[0], POLLIN, 0}, {in.fds[1], POLLOUT, 0}};
        if (::poll(fds, 3, static_cast<int>(std::min<long long>(left.count(), 1000))) < 0 && errno != EINTR)
            break;
        if (fds[2].revents & (POLLOUT | POLLERR | POLLHUP)) {
            const ssize_t n = ::write(in.fds[1], options.input.data() + written, options.input.size() - written);
            if (n > 0)
                written += static_cast<std::size_t>(n);
            if (n < 0 || written == options.input.size())
                in.closeEnd(1);
        }
        for (int i = 0; i < 2; ++i) {
            if (!(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            char buffer[8192];
            const ssize_t n = ::read(fds[i].fd, buffer, sizeof buffer);
            std::string &target = i == 0 ? result.output : result.errors;
            if (n > 0 && target.size() < maxCollected)
                target.append(buffer, static_cast<std::size_t>(n));
            else if (n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN))
                (i == 0 ? out : err).closeEnd(0);
        }
    }
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (execFailed)
        return mail::Error{"cannot run " + argv.front() + ": " + std::strerror(execError)};
    result.exitCode = !result.timedOut && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

} // namespace postwr::daemon
