#!/bin/sh
# Runs a test as on a desktop with a keyring: its own D-Bus session bus and
# an unlocked GNOME Keyring (the Secret Service QtKeychain talks to), in a
# throwaway home so that nothing lands in the real user's keyrings.
set -eu
for tool in dbus-run-session:dbus-daemon gnome-keyring-daemon:gnome-keyring; do
  command -v "${tool%%:*}" >/dev/null || { echo "${tool%%:*} not found: apt-get install ${tool#*:}" >&2; exit 1; }
done
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_RUNTIME_DIR="$home/run"
mkdir -p "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
dbus-run-session -- sh -c 'printf "%s" postwr-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"' sh "$@"
