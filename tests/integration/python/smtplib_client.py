#!/usr/bin/python3
"""Talk SMTP to postwrd with Python's smtplib, the way a real client does.

Reads a JSON plan on stdin, carries it out, and prints a JSON report on
stdout. The password comes from the environment (POSTWR_IT_PASSWORD) and is
never printed. Plan keys:

  host, port            where postwrd listens
  implicit_tls          SMTP_SSL (submissions) instead of SMTP
  starttls              STARTTLS after the first EHLO, then EHLO again
  login                 user name for SMTP.login() (AUTH PLAIN or LOGIN)
  mail_from, rcpts      the envelope
  message_file          the message (CRLF line ends), sent with SMTP.data()
  sendmail              true: use SMTP.sendmail() for the whole transaction;
                        false: MAIL and RCPT as written, byte for byte, with
                        SMTP.docmd() (smtplib would rewrite odd addresses)

Report keys: steps (name -> {code, text}), rcpts (list of {code, text}),
features (EHLO keywords, last EHLO), refused (sendmail), error (exception).
The certificate is self-signed: it is not verified.
"""
import json
import os
import smtplib
import ssl
import sys


def reply(pair):
    code, text = pair
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return {"code": code, "text": str(text)}


def main():
    plan = json.load(sys.stdin)
    report = {"steps": {}, "rcpts": [], "features": [], "refused": {}}
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    timeout = plan.get("timeout", 20)
    source = (plan["source"], 0) if plan.get("source") else None
    message = b""
    if plan.get("message_file"):
        with open(plan["message_file"], "rb") as f:
            message = f.read()
    try:
        if plan.get("implicit_tls"):
            smtp = smtplib.SMTP_SSL(plan["host"], plan["port"], local_hostname="client.example.test",
                                    timeout=timeout, context=context, source_address=source)
        else:
            smtp = smtplib.SMTP(plan["host"], plan["port"], local_hostname="client.example.test", timeout=timeout,
                                source_address=source)
        report["steps"]["ehlo"] = reply(smtp.ehlo())
        report["features"] = sorted(smtp.esmtp_features.keys())
        if plan.get("starttls"):
            report["steps"]["starttls"] = reply(smtp.starttls(context=context))
            report["steps"]["ehlo_tls"] = reply(smtp.ehlo())
            report["features"] = sorted(smtp.esmtp_features.keys())
        if plan.get("login"):
            try:
                if plan.get("mechanism"):
                    # One attempt with this mechanism; login() would try the next one after a failure.
                    smtp.user, smtp.password = plan["login"], os.environ["POSTWR_IT_PASSWORD"]
                    mechanism = plan["mechanism"].upper()
                    report["steps"]["login"] = reply(smtp.auth(mechanism, getattr(smtp, "auth_" + mechanism.lower())))
                else:
                    report["steps"]["login"] = reply(smtp.login(plan["login"], os.environ["POSTWR_IT_PASSWORD"]))
            except smtplib.SMTPAuthenticationError as e:
                report["steps"]["login"] = reply((e.smtp_code, e.smtp_error))
                raise
        if plan.get("sendmail"):
            try:
                refused = smtp.sendmail(plan["mail_from"], plan["rcpts"], message)
                report["steps"]["sendmail"] = {"code": 250, "text": "accepted"}
                report["refused"] = {k: reply(v) for k, v in refused.items()}
            except smtplib.SMTPRecipientsRefused as e:
                report["refused"] = {k: reply(v) for k, v in e.recipients.items()}
                raise
            except smtplib.SMTPSenderRefused as e:
                report["steps"]["mail"] = reply((e.smtp_code, e.smtp_error))
                raise
            except smtplib.SMTPDataError as e:
                report["steps"]["data"] = reply((e.smtp_code, e.smtp_error))
                raise
        elif "mail_from" in plan:
            report["steps"]["mail"] = reply(smtp.docmd("MAIL", "FROM:<%s>" % plan["mail_from"]))
            for rcpt in plan.get("rcpts", []):
                report["rcpts"].append(reply(smtp.docmd("RCPT", "TO:<%s>" % rcpt)))
            if message and any(200 <= r["code"] < 300 for r in report["rcpts"]):
                try:
                    report["steps"]["data"] = reply(smtp.data(message))
                except smtplib.SMTPDataError as e:
                    report["steps"]["data"] = reply((e.smtp_code, e.smtp_error))
        report["steps"]["quit"] = reply(smtp.quit())
    except Exception as e:  # reported, not raised: the test decides what it means
        report["error"] = "%s: %s" % (type(e).__name__, e)
    json.dump(report, sys.stdout)


if __name__ == "__main__":
    main()
