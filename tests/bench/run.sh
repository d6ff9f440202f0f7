#!/usr/bin/env bash
# The benchmark, from one command (as root, on a machine you can spare):
#
#   tests/bench/run.sh [bench.py options, e.g. --servers postwrd,chasquid --messages 1000]
#
# Installs what it needs from Debian: Postfix (its smtp-source/smtp-sink
# tools, and Postfix itself as a peer, with debconf's "No configuration" so
# the system's own instance stays off; the benchmark runs a private instance
# with `postfix -c`), and chasquid and OpenSMTPD unpacked with `dpkg -x`
# into the work directory (they conflict with Postfix as packages).
# OpenSMTPD has compiled-in paths: its helpers are copied to
# /usr/libexec/opensmtpd, its users opensmtpd/opensmtpq and the user
# postwrbench (its virtual mailbox owner) are created, and it queues in
# /var/spool/smtpd. Builds postwrd (Release, static) and the load client,
# then runs tests/bench/bench.py, which prints the figures and a table.
# Everything listens on 127.0.0.1 only, on ports picked at run time.
set -euo pipefail

here=$(cd "$(dirname "$0")/../.." && pwd)
work=${POSTWR_BENCH_DIR:-/tmp/postwr-bench}
build=${POSTWR_BENCH_BUILD:-$here/build-bench}
[ "$(id -u)" -eq 0 ] || { echo "run.sh: run as root (it installs packages and starts servers)" >&2; exit 2; }

missing=()
for package in postfix dnsmasq-base util-linux openssl python3 g++ libssl-dev cmake ninja-build pkg-config libasio-dev libc-ares-dev; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

mkdir -p "$work/debs"
for package in chasquid opensmtpd; do
  if [ ! -d "$work/root-$package" ]; then
    (cd "$work/debs" && apt-get download -qq "$package" 2>/dev/null)
    mkdir -p "$work/root-$package"
    dpkg -x "$work/debs/${package}"_*.deb "$work/root-$package"
  fi
done
opensmtpd_version=$(basename "$work/debs"/opensmtpd_*.deb | cut -d_ -f2)
for user in opensmtpd opensmtpq postwrbench; do
  id -u "$user" >/dev/null 2>&1 || useradd --system --user-group --home-dir /var/lib/opensmtpd/empty --no-create-home \
    --shell /usr/sbin/nologin "$user"
done
mkdir -p /var/lib/opensmtpd/empty /usr/libexec/opensmtpd
cp -n "$work/root-opensmtpd/usr/libexec/opensmtpd/"* /usr/libexec/opensmtpd/

cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DPOSTWR_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" --target postwrd
g++ -O2 -std=c++20 -pthread -o "$work/smtp_load" "$here/tests/bench/smtp_load.cpp" -lssl -lcrypto
gcc -O2 -o "$work/maildir_mda" "$here/tests/bench/maildir_mda.c"

tools=$(printf '{"postwrd":"%s","smtp_load":"%s","mda":"%s","chasquid_root":"%s","opensmtpd_root":"%s","opensmtpd_version":"%s"}' \
  "$build/service/cli/postwrd" "$work/smtp_load" "$work/maildir_mda" "$work/root-chasquid" "$work/root-opensmtpd" "$opensmtpd_version")
exec /usr/bin/python3 "$here/tests/bench/bench.py" --work "$work/run" --tools "$tools" "$@"
