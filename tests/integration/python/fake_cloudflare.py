#!/usr/bin/python3
"""Cloudflare's DNS API, the part certbot's dns-cloudflare plugin uses, for
the DNS-01 test: Cloudflare itself cannot be reached from here.

The records it is asked to add are served by pebble-challtestsrv (through
its management API), which is the DNS server pebble validates against, so
the challenge really goes through DNS.

Usage:
  fake_cloudflare.py --port PORT --cert CERT --key KEY --token TOKEN
                     --zone acme.test --challtestsrv http://127.0.0.1:PORT

Serves HTTPS on 127.0.0.1:PORT under /client/v4 (CLOUDFLARE_API_URL):
  GET    /zones?name=Z                  the zone when Z is --zone, else none
  POST   /zones/ID/dns_records          a TXT record: set in challtestsrv
  GET    /zones/ID/dns_records?...      the records added (for the cleanup)
  DELETE /zones/ID/dns_records/RID      cleared in challtestsrv
A request without "Authorization: Bearer TOKEN" gets Cloudflare's answer to a
bad token (403, error 9109). Prints "READY PORT" once listening; each
request is logged on stderr.
"""
import argparse
import json
import ssl
import sys
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ZONE_ID = "0123456789abcdef0123456789abcdef"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--cert", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--token", required=True)
    parser.add_argument("--zone", required=True)
    parser.add_argument("--challtestsrv", required=True)
    args = parser.parse_args()
    records = {}  # id -> {"name", "content"}

    def challtestsrv(path, body):
        request = urllib.request.Request(args.challtestsrv + path, data=json.dumps(body).encode(), method="POST")
        urllib.request.urlopen(request, timeout=5).read()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, fmt, *values):
            sys.stderr.write("fake-cloudflare: " + fmt % values + "\n")

        def answer(self, status, body):
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def ok(self, result):
            info = {"page": 1, "per_page": 20, "count": len(result) if isinstance(result, list) else 1,
                    "total_count": len(result) if isinstance(result, list) else 1}
            self.answer(200, {"success": True, "errors": [], "messages": [], "result": result, "result_info": info})

        def authorised(self):
            if self.headers.get("Authorization") == "Bearer " + args.token:
                return True
            self.answer(403, {"success": False, "messages": [], "result": None,
                              "errors": [{"code": 9109, "message": "Invalid access token"}]})
            return False

        def route(self):
            url = urllib.parse.urlsplit(self.path)
            parts = [p for p in url.path.split("/") if p][2:]  # after client/v4
            return parts, dict(urllib.parse.parse_qsl(url.query))

        def do_GET(self):
            if not self.authorised():
                return
            parts, query = self.route()
            if parts == ["zones"]:
                name = query.get("name", "")
                self.ok([{"id": ZONE_ID, "name": args.zone}] if name == args.zone else [])
            elif parts == ["zones", ZONE_ID, "dns_records"]:
                found = [dict(id=rid, type="TXT", **r) for rid, r in records.items()
                         if r["name"] == query.get("name", r["name"]) and r["content"] == query.get("content", r["content"])]
                self.ok(found)
            else:
                self.answer(404, {"success": False, "errors": [{"code": 7003, "message": "No route"}], "messages": [], "result": None})

        def do_POST(self):
            if not self.authorised():
                return
            parts, _ = self.route()
            length = int(self.headers.get("Content-Length", "0"))
            body = json.loads(self.rfile.read(length) or b"{}")
            if parts != ["zones", ZONE_ID, "dns_records"] or body.get("type") != "TXT":
                self.answer(400, {"success": False, "errors": [{"code": 1004, "message": "DNS Validation Error"}], "messages": [], "result": None})
                return
            rid = "rec%d" % (len(records) + 1)
            records[rid] = {"name": body["name"], "content": body["content"]}
            challtestsrv("/set-txt", {"host": body["name"].rstrip(".") + ".", "value": body["content"]})
            self.ok({"id": rid, "type": "TXT", "name": body["name"], "content": body["content"]})

        def do_DELETE(self):
            if not self.authorised():
                return
            parts, _ = self.route()
            if len(parts) == 4 and parts[:3] == ["zones", ZONE_ID, "dns_records"] and parts[3] in records:
                record = records.pop(parts[3])
                challtestsrv("/clear-txt", {"host": record["name"].rstrip(".") + "."})
                self.ok({"id": parts[3]})
            else:
                self.answer(404, {"success": False, "errors": [{"code": 81044, "message": "Record does not exist."}], "messages": [], "result": None})

    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(args.cert, args.key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    print("READY %d" % args.port, flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
