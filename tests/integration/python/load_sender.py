#!/usr/bin/python3
"""Send numbered messages to an SMTP server from several threads at once.

Usage: load_sender.py HOST PORT THREADS SECONDS MAIL_FROM RCPT

Each thread sends message after message on one connection while it lasts,
and on a new one after any failure. Every transaction gets a number of its
own (Message-ID <load.THREAD.NUMBER@client.example.test>) that is never sent
again: a message whose reply was lost in a crash may then be delivered once,
but never twice for a good reason.

Prints one line per transaction as soon as it ends, "THREAD.NUMBER RESULT",
where RESULT is the code of the reply to the end of DATA, or "none" when the
connection broke before that reply came. Stops when stdin is closed, or
after SECONDS in any case.
"""
import smtplib
import sys
import threading
import time

stop = threading.Event()
output = threading.Lock()


def report(line):
    with output:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()


def message(mail_from, rcpt, tag):
    return ("From: <%s>\r\nTo: <%s>\r\nSubject: load %s\r\nMessage-ID: <load.%s@client.example.test>\r\n\r\n"
            "Message %s, sent while postwrd is being killed.\r\n" % (mail_from, rcpt, tag, tag, tag)).encode()


def sender(thread, host, port, mail_from, rcpt):
    number = 0
    smtp = None
    while not stop.is_set():
        if smtp is None:
            try:
                smtp = smtplib.SMTP(host, port, local_hostname="client.example.test", timeout=10)
                smtp.ehlo()
            except (OSError, smtplib.SMTPException):
                smtp = None
                # postwrd is down between a kill and its restart.
                stop.wait(0.02)
                continue
        number += 1
        tag = "%d.%d" % (thread, number)
        result = "none"
        try:
            code, _ = smtp.mail(mail_from)
            if code == 250:
                code, _ = smtp.rcpt(rcpt)
            if code == 250:
                code, _ = smtp.data(message(mail_from, rcpt, tag))
            result = str(code)
        except (OSError, smtplib.SMTPException):
            # A refused DATA is an SMTPDataError carrying the code.
            error = sys.exc_info()[1]
            if isinstance(error, smtplib.SMTPResponseException):
                result = str(error.smtp_code)
            try:
                smtp.close()
            except OSError:
                pass
            smtp = None
        report("%s %s" % (tag, result))
        if result != "250" and smtp is not None:
            try:
                smtp.rset()
            except (OSError, smtplib.SMTPException):
                smtp.close()
                smtp = None


def main():
    host, port, threads, seconds, mail_from, rcpt = sys.argv[1:7]
    workers = [threading.Thread(target=sender, args=(n, host, int(port), mail_from, rcpt), daemon=True)
               for n in range(1, int(threads) + 1)]
    for worker in workers:
        worker.start()
    watcher = threading.Thread(target=lambda: (sys.stdin.read(), stop.set()), daemon=True)
    watcher.start()
    stop.wait(float(seconds))
    stop.set()
    for worker in workers:
        worker.join(15)
    report("done")


if __name__ == "__main__":
    main()
