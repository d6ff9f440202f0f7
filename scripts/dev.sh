#!/usr/bin/env bash
# The set-up commands of the README:
#   scripts/dev.sh run [OPTIONS]   build postwr and run it: the wizard's window, or without a
#                                  display the whole setup against a local sandbox (--sandbox)
#   scripts/dev.sh sandbox         build postwrd and run it alone on loopback in ./build/sandbox
#   scripts/dev.sh test            build everything and run every test (ctest)
# Each installs the Debian packages it needs first (as root, or through sudo).
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
build=${POSTWR_BUILD_DIR:-$here/build}

build_packages=(cmake ninja-build g++ pkg-config file qt6-base-dev libssl-dev libasio-dev libc-ares-dev libssh-dev qt6-tools-dev qt6-l10n-tools qtkeychain-qt6-dev libarchive-dev)
# What `postwr --sandbox` runs on this machine (sshd, ssh-keygen, dnsmasq), and a font for the Chinese UI.
sandbox_packages=(openssh-server openssh-client dnsmasq-base fonts-wqy-microhei)
test_packages=(swaks libnet-ssleay-perl openssl python3 python3-aiosmtpd python3-dkim python3-dnspython python3-spf python3-authres nsd opendkim-tools dnsmasq-base procps util-linux binutils openssh-server openssh-client sudo systemd dbus-daemon gnome-keyring fonts-wqy-microhei pebble certbot python3-certbot-dns-cloudflare curl cron git testssl.sh fail2ban)

install_packages() {
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  echo "Installing: ${missing[*]}"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

configure_and_build() {
  cmake -S "$here" -B "$build" -G Ninja -DPOSTWR_WERROR=ON "$@"
  cmake --build "$build"
}

sandbox() {
  install_packages "${build_packages[@]}" openssl
  configure_and_build -DPOSTWR_BUILD_TESTS=OFF
  local dir=$build/sandbox postwrd=$build/service/cli/postwrd
  mkdir -p "$dir/tls"
  if [ ! -f "$dir/postwrd.conf" ]; then
    cat > "$dir/postwrd.conf" <<CONF
# A sandbox postwrd on loopback; see README.md for every key.
hostname = mail.sandbox.test
spool = spool
maildir = mail
[listen]
smtp = 127.0.0.1:2525
submission = 127.0.0.1:2587
submissions = 127.0.0.1:2465
CONF
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 365 \
      -subj /CN=mail.sandbox.test -keyout "$dir/tls/key.pem" -out "$dir/tls/cert.pem" 2>/dev/null
    password=$("$postwrd" --config "$dir" user add me@sandbox.test --generate 2>/dev/null)
    echo "Account me@sandbox.test, password: $password (shown once; set another with"
    echo "  $postwrd --config $dir user add me@sandbox.test)"
  fi
  cat <<HELP
postwrd runs in $dir: SMTP 127.0.0.1:2525, submission 127.0.0.1:2587, submissions 127.0.0.1:2465.
Try:  swaks --server 127.0.0.1:2587 --tls --auth-user me@sandbox.test --from me@sandbox.test --to me@sandbox.test
Mail lands in $dir/mail/sandbox.test/me/new. Ctrl-C stops it.
HELP
  exec "$postwrd" --config "$dir" run
}

run_app() {
  install_packages "${build_packages[@]}" "${sandbox_packages[@]}"
  configure_and_build -DPOSTWR_BUILD_TESTS=OFF
  exec "$build/app/postwr" "$@"
}

run_tests() {
  install_packages "${build_packages[@]}" "${test_packages[@]}"
  configure_and_build
  ctest --test-dir "$build" --output-on-failure --timeout 600 -j2
}

case "${1:-}" in
  run) shift; run_app "$@" ;;
  sandbox) sandbox ;;
  test) run_tests ;;
  *) echo "usage: $0 run [postwr options]|sandbox|test" >&2; exit 2 ;;
esac
