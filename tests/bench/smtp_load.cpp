// The benchmark's SMTP client: N sessions on threads, each sending messages
// one transaction after the other (no pipelining) until M are sent in all,
// timing every transaction from MAIL FROM to the 250 after the data. With
// --starttls and --auth (the password in SMTP_LOAD_PASSWORD) it is a mail
// program submitting; with --idle it opens N connections, says EHLO on each,
// prints "ready" and holds them for --hold seconds. It prints one JSON line.
//
// Not part of the product or the tests: tests/bench/run.sh builds it with
// the system's compiler. It speaks only to the address it is given.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace {

struct Options {
    std::string host = "127.0.0.1";
    int port = 25;
    int sessions = 1;
    int messages = 100;
    int size = 1024;
    std::string from = "load@bench.example";
    std::string to = "user@bench.test";
    bool starttls = false;
    std::string authUser;
    int idle = 0;
    int hold = 10;
};

class Connection {
public:
    explicit Connection(const Options &options) : m_options(options) {}
    ~Connection()
    {
        if (m_ssl)
            SSL_free(m_ssl);
        if (m_fd >= 0)
            ::close(m_fd);
    }

    bool open()
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(static_cast<uint16_t>(m_options.port));
        if (m_fd < 0 || ::inet_pton(AF_INET, m_options.host.c_str(), &address.sin_addr) != 1 ||
            ::connect(m_fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0)
            return false;
        const int one = 1;
        ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        // A server that stops answering fails the session, not the run.
        const timeval limit{60, 0};
        ::setsockopt(m_fd, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
        ::setsockopt(m_fd, SOL_SOCKET, SO_SNDTIMEO, &limit, sizeof limit);
        return reply() / 100 == 2;
    }

    bool startTls(SSL_CTX *context)
    {
        if (command("STARTTLS\r\n") != 220)
            return false;
        m_ssl = SSL_new(context);
        SSL_set_fd(m_ssl, m_fd);
        return SSL_connect(m_ssl) == 1;
    }

    // The code of the reply, after all its lines; 0 when the connection broke.
    int reply()
    {
        for (;;) {
            const std::string line = readLine();
            m_lastReply = line.empty() ? "(connection closed or timed out)" : line;
            if (line.size() < 4)
                return 0;
            if (line[3] == ' ')
                return std::atoi(line.substr(0, 3).c_str());
        }
    }

    const std::string &lastReply() const { return m_lastReply; }

    int command(const std::string &text)
    {
        return send(text) ? reply() : 0;
    }

    bool send(const std::string &text)
    {
        std::size_t done = 0;
        while (done < text.size()) {
            const long n = m_ssl ? SSL_write(m_ssl, text.data() + done, static_cast<int>(text.size() - done))
                                 : ::write(m_fd, text.data() + done, text.size() - done);
            if (n <= 0)
                return false;
            done += static_cast<std::size_t>(n);
        }
        return true;
    }

private:
    std::string readLine()
    {
        for (;;) {
            const std::size_t end = m_buffer.find("\r\n");
            if (end != std::string::npos) {
                std::string line = m_buffer.substr(0, end);
                m_buffer.erase(0, end + 2);
                return line;
            }
            char chunk[4096];
            const long n = m_ssl ? SSL_read(m_ssl, chunk, sizeof chunk) : ::read(m_fd, chunk, sizeof chunk);
            if (n <= 0)
                return {};
            m_buffer.append(chunk, static_cast<std::size_t>(n));
        }
    }

    const Options &m_options;
    int m_fd = -1;
    SSL *m_ssl = nullptr;
    std::string m_buffer;
    std::string m_lastReply;
};

std::string messageBody(const Options &options, int number)
{
    std::string body = "From: <" + options.from + ">\r\nTo: <" + options.to + ">\r\nSubject: load " +
                       std::to_string(number) + "\r\nMessage-ID: <" + std::to_string(number) + "@bench.example>\r\n\r\n";
    const std::string line(76, 'x');
    while (body.size() + 78 < static_cast<std::size_t>(options.size))
        body += line + "\r\n";
    return body + ".\r\n";
}

std::string base64(const std::string &data)
{
    std::string out(4 * ((data.size() + 2) / 3) + 1, '\0');
    const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char *>(out.data()),
        reinterpret_cast<const unsigned char *>(data.data()), static_cast<int>(data.size()));
    out.resize(static_cast<std::size_t>(n));
    return out;
}

bool greet(Connection &connection, const Options &options, SSL_CTX *tls, const std::string &password)
{
    if (!connection.open() || connection.command("EHLO load.bench.example\r\n") != 250)
        return false;
    if (options.starttls && (!connection.startTls(tls) || connection.command("EHLO load.bench.example\r\n") != 250))
        return false;
    if (!options.authUser.empty() &&
        connection.command("AUTH PLAIN " + base64(std::string(1, '\0') + options.authUser + '\0' + password) + "\r\n") != 235)
        return false;
    return true;
}

int runIdle(const Options &options, SSL_CTX *tls)
{
    std::vector<std::unique_ptr<Connection>> held;
    for (int i = 0; i < options.idle; ++i) {
        auto connection = std::make_unique<Connection>(options);
        if (!connection->open() || connection->command("EHLO idle.bench.example\r\n") != 250) {
            std::printf("{\"idle\":%d,\"error\":\"connection %d failed\"}\n", options.idle, i);
            return 1;
        }
        held.push_back(std::move(connection));
    }
    (void)tls;
    std::printf("ready\n");
    std::fflush(stdout);
    std::this_thread::sleep_for(std::chrono::seconds(options.hold));
    std::printf("{\"idle\":%d}\n", options.idle);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    Options options;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string name = argv[i];
        const std::string value = argv[i + 1];
        if (name == "--host")
            options.host = value;
        else if (name == "--port")
            options.port = std::atoi(value.c_str());
        else if (name == "--sessions")
            options.sessions = std::atoi(value.c_str());
        else if (name == "--messages")
            options.messages = std::atoi(value.c_str());
        else if (name == "--size")
            options.size = std::atoi(value.c_str());
        else if (name == "--from")
            options.from = value;
        else if (name == "--to")
            options.to = value;
        else if (name == "--starttls")
            options.starttls = value == "yes";
        else if (name == "--auth")
            options.authUser = value;
        else if (name == "--idle")
            options.idle = std::atoi(value.c_str());
        else if (name == "--hold")
            options.hold = std::atoi(value.c_str());
        else {
            std::fprintf(stderr, "smtp_load: unknown option %s\n", name.c_str());
            return 2;
        }
    }
    rlimit files{};
    ::getrlimit(RLIMIT_NOFILE, &files);
    files.rlim_cur = files.rlim_max;
    ::setrlimit(RLIMIT_NOFILE, &files);

    SSL_CTX *tls = SSL_CTX_new(TLS_client_method());
    SSL_CTX_set_verify(tls, SSL_VERIFY_NONE, nullptr); // the servers' self-signed certificates
    if (options.idle > 0)
        return runIdle(options, tls);
    const char *secret = std::getenv("SMTP_LOAD_PASSWORD");
    const std::string password = secret ? secret : "";

    std::atomic<int> next{0};
    std::atomic<int> errors{0};
    std::string firstError; // the reply that ended the first failed session, for the report
    std::mutex firstErrorLock;
    const auto failed = [&](const Connection &connection) {
        ++errors;
        const std::lock_guard<std::mutex> guard(firstErrorLock);
        if (firstError.empty())
            firstError = connection.lastReply();
    };
    std::mutex latenciesLock;
    std::vector<double> latencies;
    latencies.reserve(static_cast<std::size_t>(options.messages));
    const auto start = std::chrono::steady_clock::now();
    std::vector<std::thread> threads;
    for (int s = 0; s < options.sessions; ++s) {
        threads.emplace_back([&] {
            Connection connection(options);
            if (!greet(connection, options, tls, password)) {
                failed(connection);
                return;
            }
            std::vector<double> mine;
            for (int number = next++; number < options.messages; number = next++) {
                const std::string body = messageBody(options, number);
                const auto begun = std::chrono::steady_clock::now();
                if (connection.command("MAIL FROM:<" + options.from + ">\r\n") != 250 ||
                    connection.command("RCPT TO:<" + options.to + ">\r\n") / 100 != 2 ||
                    connection.command("DATA\r\n") != 354 || connection.command(body) != 250) {
                    failed(connection);
                    return;
                }
                mine.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - begun).count());
            }
            connection.command("QUIT\r\n");
            const std::lock_guard<std::mutex> guard(latenciesLock);
            latencies.insert(latencies.end(), mine.begin(), mine.end());
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::sort(latencies.begin(), latencies.end());
    const auto percentile = [&](double p) {
        return latencies.empty() ? 0.0 : latencies[std::min(latencies.size() - 1, static_cast<std::size_t>(p * static_cast<double>(latencies.size())))];
    };
    std::string quoted;
    for (char c : firstError)
        if (c != '"' && c != '\\' && static_cast<unsigned char>(c) >= 0x20)
            quoted += c;
    std::printf("{\"sent\":%zu,\"seconds\":%.3f,\"rate\":%.1f,\"p50_ms\":%.2f,\"p99_ms\":%.2f,\"errors\":%d,"
                "\"first_error\":\"%s\"}\n",
        latencies.size(), seconds, static_cast<double>(latencies.size()) / seconds, percentile(0.50), percentile(0.99),
        errors.load(), quoted.c_str());
    SSL_CTX_free(tls);
    return errors.load() == 0 ? 0 : 1;
}
