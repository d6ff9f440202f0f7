#!/usr/bin/python3
"""A receiving SMTP server for postwrd's delivery tests, built on aiosmtpd.

It stands for every remote MX in a test: it listens on loopback, offers
STARTTLS with a self-signed certificate, and records what postwrd sends.

Usage:
  smtp_receiver.py --port PORT --dir DIR --cert CERT --key KEY
                   [--host 127.0.0.1 --host ::1] [--hostname mx.remote.test]

Prints "READY PORT" on stdout once every address listens; exits on SIGTERM.
A port that cannot be bound makes it exit with status 3.

What it records, in DIR:
  messages/N.eml    the message bytes exactly as received (after DATA's
                    dot-unstuffing; CRLF line ends kept)
  messages/N.json   {"mail_from" ("" for the null sender), "rcpt_tos", "mail_options", "tls",
                    "tls_version", "peer", "helo", "eml"}; written after
                    the .eml, so its presence means the message is complete
  events.jsonl      one line per event: {"event": "connect", "peer",
                    "starttls_offered"}, {"event": "starttls"},
                    {"event": "rcpt", "rcpt", "attempt", "reply", "tls"}

What it does, from DIR/control.json (read for every connection and RCPT, so
a test can change it while the server runs; missing means the defaults):
  {"starttls": true,                     offer STARTTLS (default true)
   "tempfail": {"ADDR": N},              451 for the first N RCPTs of ADDR
   "permfail": ["ADDR"]}                 550 for every RCPT of ADDR
Addresses are compared case-insensitively.
"""
import argparse
import asyncio
import json
import os
import signal
import ssl
import sys

from aiosmtpd.smtp import SMTP


def load_control(directory):
    try:
        with open(os.path.join(directory, "control.json"), encoding="utf-8") as f:
            control = json.load(f)
    except FileNotFoundError:
        control = {}
    return {
        "starttls": control.get("starttls", True),
        "tempfail": {k.lower(): int(v) for k, v in control.get("tempfail", {}).items()},
        "permfail": {a.lower() for a in control.get("permfail", [])},
    }


def write_atomically(path, data):
    temporary = path + ".tmp"
    with open(temporary, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.rename(temporary, path)


class Recorder:
    def __init__(self, directory):
        self.directory = directory
        self.messages = os.path.join(directory, "messages")
        os.makedirs(self.messages, exist_ok=True)
        self.attempts = {}
        self.count = 0

    def event(self, **fields):
        with open(os.path.join(self.directory, "events.jsonl"), "a", encoding="utf-8") as f:
            f.write(json.dumps(fields) + "\n")

    @staticmethod
    def tls_version(session):
        info = session.ssl or {}
        ssl_object = info.get("ssl_object") if isinstance(info, dict) else None
        return ssl_object.version() if ssl_object is not None else None

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        control = load_control(self.directory)
        key = address.lower()
        attempt = self.attempts.get(key, 0) + 1
        self.attempts[key] = attempt
        if key in control["permfail"]:
            reply = "550 5.1.1 <%s>: no such user here" % address
        elif attempt <= control["tempfail"].get(key, 0):
            reply = "451 4.3.0 <%s>: try again later (attempt %d)" % (address, attempt)
        else:
            envelope.rcpt_tos.append(address)
            envelope.rcpt_options.extend(rcpt_options)
            reply = "250 2.1.5 OK"
        self.event(event="rcpt", rcpt=address, attempt=attempt, reply=reply, tls=session.ssl is not None)
        return reply

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        name = "%04d" % self.count
        eml = os.path.join(self.messages, name + ".eml")
        write_atomically(eml, envelope.original_content)
        record = {
            # aiosmtpd keeps the null sender as "<>"; "" is what it means.
            "mail_from": "" if envelope.mail_from == "<>" else envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "mail_options": envelope.mail_options,
            "tls": session.ssl is not None,
            "tls_version": self.tls_version(session),
            "peer": session.peer[0] if session.peer else None,
            "helo": session.host_name,
            "eml": name + ".eml",
        }
        write_atomically(os.path.join(self.messages, name + ".json"), json.dumps(record).encode())
        return "250 2.0.0 Ok: queued as %s" % name


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--host", action="append")
    parser.add_argument("--dir", required=True)
    parser.add_argument("--cert", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--hostname", default="mx.remote.test")
    args = parser.parse_args()
    hosts = args.host or ["127.0.0.1"]

    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(args.cert, args.key)
    recorder = Recorder(args.dir)

    def factory():
        # Read per connection: a test may stop offering STARTTLS mid-test.
        offer = load_control(args.dir)["starttls"]
        return SMTP(recorder, hostname=args.hostname, tls_context=context if offer else None,
                    decode_data=False, enable_SMTPUTF8=True)

    async def serve():
        loop = asyncio.get_running_loop()
        servers = []

        def connection():
            smtp = factory()
            original = smtp.connection_made

            def made(transport):
                if smtp.transport is None:  # not the STARTTLS re-entry
                    peer = transport.get_extra_info("peername")
                    recorder.event(event="connect", peer=peer[0] if peer else None,
                                   starttls_offered=smtp.tls_context is not None)
                else:
                    recorder.event(event="starttls")
                original(transport)

            smtp.connection_made = made
            return smtp

        for host in hosts:
            try:
                servers.append(await loop.create_server(connection, host, args.port, reuse_address=True))
            except OSError as error:
                print("cannot listen on [%s]:%d: %s" % (host, args.port, error), file=sys.stderr, flush=True)
                sys.exit(3)
        stop = asyncio.Event()
        loop.add_signal_handler(signal.SIGTERM, stop.set)
        loop.add_signal_handler(signal.SIGINT, stop.set)
        print("READY %d" % args.port, flush=True)
        await stop.wait()
        for server in servers:
            server.close()

    asyncio.run(serve())


if __name__ == "__main__":
    main()
