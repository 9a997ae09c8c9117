#!/bin/sh
# Runs a command inside a private D-Bus session with a real, unlocked gnome-keyring, so keychain
# tests talk to the Secret Service exactly as the app does on a Linux desktop, and never touch
# the developer's own keyring. Used by test/helpers/with-keyring.mjs under dbus-run-session.
set -e
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$(mktemp -d)}"
export HOME_KEYRING_DIR="$(mktemp -d)"
# gnome-keyring keeps its keyrings under XDG_DATA_HOME: a throwaway one per run.
export XDG_DATA_HOME="$HOME_KEYRING_DIR"
# --unlock reads the new login keyring's password from stdin and creates it unlocked.
printf 'box-companion-test' | gnome-keyring-daemon --unlock --components=secrets --daemonize >/dev/null
exec "$@"
