#!/usr/bin/python3
"""postwrd against chasquid, Postfix and OpenSMTPD on this machine.

Each server is configured the same way: on loopback, the local domain
bench.test with the user user@bench.test; a message is accepted only once it
is on disk (each server's own queue), then delivered into a Maildir with an
fsync. tests/bench/smtp_load (a C++ client, one thread per session, no
pipelining) sends the messages and times each transaction; this script
samples the server's processes for CPU time and memory. The servers take
turns for every cell of the matrix. Then the submission profile, for the
servers that sign as configured here (postwrd, chasquid): STARTTLS, AUTH,
DKIM signing, relay to Postfix's smtp-sink as the MX of sink.test. Nothing
here is a test: it prints figures, and ratios against postwrd.

Run through tests/bench/run.sh, which installs the peers and builds what is
needed; see README.md, "Performance".
"""

import argparse
import grp
import json
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
PASSWORD = "bench-password-1"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port, seconds=20):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
                if s.recv(4).startswith(b"220"):
                    return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing answers on 127.0.0.1:{port}")


def run(*command, **kwargs):
    return subprocess.run(command, check=True, capture_output=True, text=True, **kwargs)


def process_tree(root):
    """The pids of `root` and all its descendants."""
    children = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry))
        except OSError:
            continue
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo.extend(children.get(pid, []))
    return tree


def cpu_seconds(root):
    """CPU of the tree, with what its exited children used (reaped into c*time)."""
    total = 0
    for pid in process_tree(root):
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += sum(int(x) for x in fields[11:15])  # utime stime cutime cstime
        except OSError:
            continue
    return total / CLOCK_TICKS


def rss_bytes(root):
    """The tree's memory as PSS: a page shared by N processes counts 1/N in
    each, so Postfix's many processes are not charged the same library N times."""
    total = 0
    for pid in process_tree(root):
        try:
            with open(f"/proc/{pid}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1]) * 1024
                        break
        except OSError:
            continue
    return total


class Sampler(threading.Thread):
    """The tree's largest total RSS while it runs."""

    def __init__(self, root):
        super().__init__(daemon=True)
        self.root, self.peak, self.stopping = root, 0, threading.Event()

    def run(self):
        while not self.stopping.is_set():
            self.peak = max(self.peak, rss_bytes(self.root))
            self.stopping.wait(0.05)

    def stop(self):
        self.stopping.set()
        self.join()
        return self.peak


def maildir(path, owner=None):
    for sub in ("tmp", "new", "cur"):
        os.makedirs(os.path.join(path, sub), exist_ok=True)
        if owner:
            shutil.chown(os.path.join(path, sub), owner, owner)
    return path


DNS_ADDRESS = "127.0.0.53"


class Dns:
    """The DNS every server asks: dnsmasq on 127.0.0.53:53, authoritative for
    every name (nothing leaves the machine, nothing waits for a timeout), with
    SPF and DMARC records for the load client's domain (SPF lets it send from
    loopback) and, as real zones have, a TTL of 5 minutes. The peers read
    /etc/resolv.conf: they run in a mount namespace where it names this
    server (isolated())."""

    def __init__(self, work):
        self.resolv = os.path.join(work, "resolv.conf")
        with open(self.resolv, "w") as f:
            f.write(f"nameserver {DNS_ADDRESS}\n")
        self.process = subprocess.Popen(["dnsmasq", "--keep-in-foreground", "--no-resolv", "--no-hosts", "--local=/#/",
                                         f"--listen-address={DNS_ADDRESS}", "--port=53", "--bind-interfaces",
                                         "--txt-record=bench.example,v=spf1 ip4:127.0.0.1 -all",
                                         "--txt-record=_dmarc.bench.example,v=DMARC1; p=none", "--local-ttl=300",
                                         "--mx-host=sink.test,mx.sink.test,10", "--host-record=mx.sink.test,127.0.0.1",
                                         "--pid-file="],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(0.5)
        if self.process.poll() is not None:
            raise RuntimeError("dnsmasq could not listen on 127.0.0.53:53 (apt-get install dnsmasq-base)")

    def isolated(self, command):
        return ["unshare", "--mount", "sh", "-c", 'mount --bind "$0" /etc/resolv.conf && exec "$@"', self.resolv] + command

    def stop(self):
        self.process.terminate()
        self.process.wait()


class Sink:
    """Postfix's smtp-sink: where submitted mail is relayed to (MX of sink.test)."""

    def __init__(self):
        self.port = free_port()
        self.process = subprocess.Popen(["smtp-sink", "-u", "nobody", f"127.0.0.1:{self.port}", "1024"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for_port(self.port)

    def stop(self):
        self.process.terminate()
        self.process.wait()


def self_signed(directory, name):
    os.makedirs(directory, exist_ok=True)
    run("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
        "-days", "30", "-subj", f"/CN={name}", "-keyout", f"{directory}/privkey.pem",
        "-out", f"{directory}/fullchain.pem")


class Server:
    name = "?"

    def __init__(self, work, tools, dns):
        self.dir = os.path.join(work, self.name)
        self.tools = tools
        self.dns = dns
        shutil.rmtree(self.dir, ignore_errors=True)
        os.makedirs(self.dir)
        self.port = free_port()
        self.submission_port = None  # set by the servers that take part in the submission profile
        self.process = None

    def delivered(self):
        total = 0
        for root, _, files in os.walk(self.maildir):
            if os.path.basename(root) == "new":
                total += len(files)
        return total

    def root_pid(self):
        return self.process.pid

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def version(self):
        return ""


class Postwrd(Server):
    name = "postwrd"

    def start(self):
        postwrd = self.tools["postwrd"]
        self.maildir = os.path.join(self.dir, "mail")
        self.submission_port = free_port()
        with open(os.path.join(self.dir, "postwrd.conf"), "w") as f:
            f.write(f"hostname = mail.bench.test\nspool = {self.dir}/spool\nmaildir = {self.maildir}\n"
                    f"[listen]\nsmtp = 127.0.0.1:{self.port}\nsubmission = 127.0.0.1:{self.submission_port}\n"
                    f"submissions = 127.0.0.1:{free_port()}\n[dns]\nservers = {DNS_ADDRESS}:53\n"
                    f"[delivery]\nremote_port = {self.tools['sink_port']}\nallow_loopback = yes\n"
                    # Every session of the load comes from 127.0.0.1; the
                    # peers have no such limits (Postfix exempts its
                    # mynetworks, which include loopback).
                    f"[limits]\nconnections = 5000\nconnections_per_client = 5000\n")
        os.makedirs(os.path.join(self.dir, "domains", "bench.test"))
        run(postwrd, "--config", self.dir, "dkim", "keygen", "bench.test")
        run(postwrd, "--config", self.dir, "user", "add", "user@bench.test", input=PASSWORD + "\n")
        run(postwrd, "--config", self.dir, "tls", "self-signed")
        self.log = open(os.path.join(self.dir, "log"), "w")
        self.process = subprocess.Popen([postwrd, "--config", self.dir, "run"], stdout=self.log, stderr=self.log)
        wait_for_port(self.port)

    def version(self):
        return run(self.tools["postwrd"], "version").stdout.strip()


class Chasquid(Server):
    name = "chasquid"

    def start(self):
        root = self.tools["chasquid_root"]
        self.maildir = maildir(os.path.join(self.dir, "mail"))
        config = os.path.join(self.dir, "config")
        os.makedirs(os.path.join(config, "domains", "bench.test"))
        self_signed(os.path.join(config, "certs", "mail.bench.test"), "mail.bench.test")
        self.config = config
        with open(os.path.join(config, "domains", "bench.test", "dkim_selector"), "w") as f:
            f.write("bench\n")
        os.makedirs(os.path.join(config, "certs", "bench.test"))
        run("openssl", "genrsa", "-out", os.path.join(config, "certs", "bench.test", "dkim_privkey.pem"), "2048")
        self.submission_port = free_port()
        with open(os.path.join(config, "chasquid.conf"), "w") as f:
            f.write(f'hostname: "mail.bench.test"\nsmtp_address: "127.0.0.1:{self.port}"\n'
                    f'submission_address: "127.0.0.1:{self.submission_port}"\n'
                    f'submission_over_tls_address: "127.0.0.1:{free_port()}"\n'
                    f'mail_delivery_agent_bin: "{self.tools["mda"]}"\nmail_delivery_agent_args: "{self.maildir}"\n'
                    f'data_dir: "{self.dir}/data"\nmail_log_path: "{self.dir}/mail.log"\n')
        run(f"{root}/usr/bin/chasquid-util", f"--configdir={config}", "user-add", "user@bench.test",
            f"--password={PASSWORD}")
        self.log = open(os.path.join(self.dir, "log"), "w")
        self.process = subprocess.Popen(self.dns.isolated([f"{root}/usr/bin/chasquid", f"-config_dir={config}", "-logfile",
                                                           os.path.join(self.dir, "chasquid.log"),
                                                           f"-testing__outgoing_smtp_port={self.tools['sink_port']}"]),
                                        stdout=self.log, stderr=self.log)
        wait_for_port(self.port)

    def version(self):
        return run(f"{self.tools['chasquid_root']}/usr/bin/chasquid", "-version").stdout.split("\n")[0].strip()

    def sign_submissions(self):
        """DKIM as chasquid does it: the package's post-data hook, which runs
        dkimpy's dkimsign for authenticated mail (and, from now on, a shell
        for every message: so only before the submission profile)."""
        os.makedirs(os.path.join(self.config, "hooks"), exist_ok=True)
        shutil.copy(f"{self.tools['chasquid_root']}/etc/chasquid/hooks/post-data",
                    os.path.join(self.config, "hooks", "post-data"))


class Postfix(Server):
    name = "postfix"
    services = [
        # service type private unpriv chroot wakeup maxproc command
        "cleanup unix n - n - 0 cleanup", "qmgr unix n - n 300 1 qmgr", "rewrite unix - - n - - trivial-rewrite",
        "bounce unix - - n - 0 bounce", "defer unix - - n - 0 bounce", "trace unix - - n - 0 bounce",
        "verify unix - - n - 1 verify", "flush unix n - n 1000? 0 flush", "proxymap unix - - n - - proxymap",
        "smtp unix - - n - - smtp", "relay unix - - n - - smtp", "showq unix n - n - - showq",
        "error unix - - n - - error", "retry unix - - n - - error", "discard unix - - n - - discard",
        "local unix - n n - - local", "virtual unix - n n - - virtual", "anvil unix - - n - 1 anvil",
        "scache unix - - n - 1 scache", "postlog unix-dgram n - n - 1 postlogd",
    ]

    def start(self):
        self.maildir = os.path.join(self.dir, "mail")
        os.makedirs(self.maildir)
        shutil.chown(self.maildir, "nobody", "nogroup")
        self.config = os.path.join(self.dir, "conf")
        os.makedirs(self.config)
        with open(os.path.join(self.config, "main.cf"), "w") as f:
            f.write(f"""compatibility_level = 3.6
queue_directory = {self.dir}/queue
data_directory = {self.dir}/data
mail_owner = postfix
setgid_group = postdrop
myhostname = mail.bench.test
mydomain = bench.test
mydestination =
inet_interfaces = loopback-only
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination
virtual_mailbox_domains = bench.test
virtual_mailbox_base = {self.maildir}
virtual_mailbox_maps = static:user/
virtual_uid_maps = static:{pwd.getpwnam("nobody").pw_uid}
virtual_gid_maps = static:{grp.getgrnam("nogroup").gr_gid}
virtual_minimum_uid = 1
default_process_limit = 1200
smtpd_client_connection_count_limit = 0
smtpd_client_connection_rate_limit = 0
maillog_file = {self.dir}/maillog
maillog_file_prefixes = {self.dir}
""")
        with open(os.path.join(self.config, "master.cf"), "w") as f:
            f.write(f"127.0.0.1:{self.port} inet n - n - - smtpd\n" + "\n".join(self.services) + "\n")
        os.makedirs(f"{self.dir}/queue")
        os.makedirs(f"{self.dir}/data")
        shutil.chown(f"{self.dir}/data", "postfix")
        run("postfix", "-c", self.config, "check")
        run(*self.dns.isolated(["postfix", "-c", self.config, "start"]))
        wait_for_port(self.port)

    def root_pid(self):
        with open(f"{self.dir}/queue/pid/master.pid") as f:
            return int(f.read().strip())

    def stop(self):
        subprocess.run(["postfix", "-c", self.config, "stop"], capture_output=True)
        time.sleep(1)

    def version(self):
        return "Postfix " + run("postconf", "-d", "-h", "mail_version").stdout.strip()


class OpenSmtpd(Server):
    name = "opensmtpd"

    def start(self):
        root = self.tools["opensmtpd_root"]
        self.maildir = maildir(os.path.join(self.dir, "mail"), "postwrbench")
        config = os.path.join(self.dir, "smtpd.conf")
        with open(config, "w") as f:
            f.write(f'table vusers {{ "user@bench.test" = "postwrbench" }}\n'
                    f'smtp limit max-mails 1000000\n'
                    f'listen on 127.0.0.1 port {self.port}\n'
                    f'action "local" mda "{self.tools["mda"]} {self.maildir}" virtual <vusers>\n'
                    f'match from any for domain "bench.test" action "local"\n')
        os.chmod(config, 0o644)
        self.log = open(os.path.join(self.dir, "log"), "w")
        self.process = subprocess.Popen(self.dns.isolated([f"{root}/usr/sbin/smtpd", "-d", "-f", config]),
                                        stdout=self.log, stderr=self.log)
        wait_for_port(self.port)

    def version(self):
        return "OpenSMTPD " + self.tools["opensmtpd_version"]


SERVERS = {"postwrd": Postwrd, "chasquid": Chasquid, "postfix": Postfix, "opensmtpd": OpenSmtpd}


def load(tools, port, sessions, messages, size, submission=False):
    command = [tools["smtp_load"], "--port", str(port), "--sessions", str(sessions), "--messages", str(messages),
               "--size", str(size)]
    if submission:
        command += ["--starttls", "yes", "--auth", "user@bench.test", "--from", "user@bench.test", "--to",
                    "someone@sink.test"]
    else:
        command += ["--to", "user@bench.test"]
    out = subprocess.run(command, capture_output=True, text=True, timeout=1800,
                         env=dict(os.environ, SMTP_LOAD_PASSWORD=PASSWORD))
    return json.loads(out.stdout.strip().splitlines()[-1])


def submit(server, tools, sessions, messages):
    """The submission profile: STARTTLS, AUTH, DKIM signing, relay to the sink."""
    root = server.root_pid()
    before_cpu = cpu_seconds(root)
    result = load(tools, server.submission_port, sessions, messages, 1024, submission=True)
    result["cpu_per_1000"] = (cpu_seconds(root) - before_cpu) * 1000 / max(result["sent"], 1)
    return result


def wait_delivered(server, expected, seconds=300):
    deadline = time.time() + seconds
    while time.time() < deadline and server.delivered() < expected:
        time.sleep(0.2)
    return server.delivered()


def measure(server, tools, sessions, messages, size):
    root = server.root_pid()
    before_cpu = cpu_seconds(root)
    before = server.delivered()
    sampler = Sampler(root)
    sampler.start()
    result = load(tools, server.port, sessions, messages, size)
    delivered = wait_delivered(server, before + result["sent"]) - before
    result["peak_rss"] = sampler.stop()
    result["cpu_per_1000"] = (cpu_seconds(root) - before_cpu) * 1000 / max(result["sent"], 1)
    result["delivered"] = delivered
    return result


def idle_rss(server, tools, connections):
    holder = subprocess.Popen([tools["smtp_load"], "--port", str(server.port), "--idle", str(connections), "--hold", "30"],
                              stdout=subprocess.PIPE, text=True)
    line = holder.stdout.readline().strip()
    time.sleep(1)
    rss = rss_bytes(server.root_pid()) if line == "ready" else None
    holder.kill()
    holder.wait()
    time.sleep(1)
    return rss


def disk_ceiling(directory, writers, seconds=3.0):
    """fsync'd creates of 2 KiB files per second, with `writers` threads."""
    os.makedirs(directory, exist_ok=True)
    data = b"x" * 2048
    counts = [0] * writers
    stop = time.time() + seconds

    def write(index):
        n = 0
        while time.time() < stop:
            path = os.path.join(directory, f"{index}-{n}")
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            os.write(fd, data)
            os.fsync(fd)
            os.close(fd)
            n += 1
        counts[index] = n

    threads = [threading.Thread(target=write, args=(i,)) for i in range(writers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    shutil.rmtree(directory, ignore_errors=True)
    return sum(counts) / seconds


def errors(result):
    """Sessions that ended early, and the reply that ended the first."""
    if not result["errors"]:
        return ""
    return f" ({result['errors']} sessions failed: {result.get('first_error', '')})"


def mib(value):
    return "-" if value is None else f"{value / 1048576:.1f}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--work", required=True)
    parser.add_argument("--tools", required=True, help="JSON: paths of postwrd, smtp_load, the peers' roots")
    parser.add_argument("--servers", default="postwrd,chasquid,postfix,opensmtpd")
    parser.add_argument("--messages", type=int, default=2000)
    parser.add_argument("--sizes", default="1024,102400")
    parser.add_argument("--sessions", default="1,10,50,200")
    parser.add_argument("--idle", type=int, default=1000)
    options = parser.parse_args()
    tools = json.loads(options.tools)
    names = options.servers.split(",")

    os.makedirs(options.work, exist_ok=True)
    print(f"# {time.strftime('%Y-%m-%d %H:%M %Z')} on {os.uname().nodename}: {os.cpu_count()} cores", flush=True)
    print(f"disk ceiling (fsync'd 2 KiB creates/s): 1 writer {disk_ceiling(options.work + '/disk', 1):.0f}, "
          f"10 writers {disk_ceiling(options.work + '/disk', 10):.0f}, 50 writers {disk_ceiling(options.work + '/disk', 50):.0f}",
          flush=True)

    dns = Dns(options.work)
    sink = Sink()
    tools["sink_port"] = sink.port
    servers = {}
    for name in names:
        server = SERVERS[name](options.work, tools, dns)
        try:
            server.start()
            servers[name] = server
            print(f"{name}: {server.version()} on 127.0.0.1:{server.port}", flush=True)
        except Exception as error:  # a peer that cannot run here is reported, not fatal
            print(f"{name}: could not start: {error}", flush=True)
            server.stop()

    rows = []
    try:
        for size in [int(s) for s in options.sizes.split(",")]:
            for sessions in [int(s) for s in options.sessions.split(",")]:
                messages = options.messages if size <= 4096 else max(200, options.messages // 4)
                for name, server in servers.items():  # taking turns, cell by cell
                    result = measure(server, tools, sessions, messages, size)
                    rows.append((size, sessions, name, result))
                    print(json.dumps({"size": size, "sessions": sessions, "server": name, **result}), flush=True)
        submitted = []
        for server in servers.values():
            if hasattr(server, "sign_submissions"):
                server.sign_submissions()
        for sessions in (10, 50):
            for name, server in servers.items():
                if server.submission_port:
                    result = submit(server, tools, sessions, max(100, options.messages // 10))
                    submitted.append((sessions, name, result))
                    print(json.dumps({"profile": "submission", "sessions": sessions, "server": name, **result}), flush=True)
        for server in servers.values():
            server.stop()
        # Last, each on a fresh server, one at a time: a loaded one still
        # holds the heap the load grew, and a server's idle connections
        # (Postfix's processes) must not weigh on another's figures.
        idle = {}
        for name in servers:
            fresh = SERVERS[name](os.path.join(options.work, "idle"), tools, dns)
            try:
                fresh.start()
                idle[name] = idle_rss(fresh, tools, options.idle)
            finally:
                fresh.stop()
    finally:
        for server in servers.values():
            server.stop()
        dns.stop()
        sink.stop()

    print()
    print("| size | sessions | server | msg/s | vs postwrd | p50 ms | p99 ms | CPU s/1000 | peak RSS MiB | delivered |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    rates = {(size, sessions, name): result["rate"] for size, sessions, name, result in rows}
    for size, sessions, name, result in rows:
        mine = rates.get((size, sessions, "postwrd"))
        ratio = f"{mine / result['rate']:.2f}x" if mine and name != "postwrd" and result["rate"] else ""
        print(f"| {size // 1024} KiB | {sessions} | {name} | {result['rate']:.0f} | {ratio} | {result['p50_ms']:.1f} | "
              f"{result['p99_ms']:.1f} | {result['cpu_per_1000']:.2f} | {mib(result['peak_rss'])} | "
              f"{result['delivered']}/{result['sent']}{errors(result)} |")
    print()
    print("Submission: STARTTLS, AUTH PLAIN, DKIM signing (RSA-2048), relay to smtp-sink, 1 KiB")
    print()
    print("| sessions | server | msg/s | vs postwrd | p50 ms | p99 ms | CPU s/1000 |")
    print("|---|---|---|---|---|---|---|")
    submitted_rates = {(sessions, name): result["rate"] for sessions, name, result in submitted}
    for sessions, name, result in submitted:
        mine = submitted_rates.get((sessions, "postwrd"))
        ratio = f"{mine / result['rate']:.2f}x" if mine and name != "postwrd" and result["rate"] else ""
        print(f"| {sessions} | {name} | {result['rate']:.0f} | {ratio} | {result['p50_ms']:.1f} | {result['p99_ms']:.1f} | "
              f"{result['cpu_per_1000']:.2f}{errors(result)} |")
    print()
    print(f"| server | memory (PSS) with {options.idle} idle connections, freshly started, MiB | postwrd's share |")
    print("|---|---|---|")
    for name, rss in idle.items():
        share = f"{idle['postwrd'] / rss:.2f}" if rss and idle.get("postwrd") and name != "postwrd" else ""
        print(f"| {name} | {mib(rss)} | {share} |")


if __name__ == "__main__":
    sys.exit(main())
