#!/bin/sh
# Install the Debian packages certalign needs, if any are missing.
#
#   tools/system-deps.sh run    what the window needs (Qt's libraries, the xcb plugin, fonts)
#   tools/system-deps.sh test   the above, plus what the tests use (Xvfb, poppler, CUPS + PDF
#                               queue, desktop-file and AppStream validators, binutils for
#                               PyInstaller; for tests/a11y: openbox, xdotool, a session D-Bus,
#                               the AT-SPI bus and Debian's pyatspi, which /usr/bin/python3 runs,
#                               and GTK 3, whose dark Adwaita theme the theme test runs under;
#                               osslsigncode for the Windows signature check's test; libical's
#                               GObject introspection, which /usr/bin/python3 runs to check the .ics)
#   tools/system-deps.sh windows-build   `run`, plus NSIS, osslsigncode and binutils (make
#                               windows-installer)
#   tools/system-deps.sh windows-test    that, plus Wine, MinGW-w64 and Xvfb (make test-windows)
#
# Runs apt-get when root; otherwise prints the exact command to run. Names with a "|"
# are alternatives (Debian 13 renamed some libraries with a t64 suffix).
set -eu

RUN="libegl1 libgl1 libfontconfig1 libfreetype6 libglib2.0-0t64|libglib2.0-0 \
libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0 libx11-xcb1 libxcb-cursor0 libxcb-icccm4 \
libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 \
libxcb-sync1 libxcb-xfixes0 libwayland-client0 libcups2t64|libcups2 fonts-dejavu-core"
TEST="xvfb xauth poppler-utils cups printer-driver-cups-pdf desktop-file-utils appstream binutils \
openbox xdotool dbus-daemon dbus-x11 at-spi2-core python3-gi python3-pyatspi osslsigncode \
libgtk-3-0t64|libgtk-3-0 gir1.2-ical-3.0"
WINDOWS_BUILD="nsis osslsigncode binutils"
WINDOWS_TEST="wine wine64 gcc-mingw-w64-x86-64-win32 xvfb xauth"

case "${1:-run}" in
  run) wanted=$RUN ;;
  test) wanted="$RUN $TEST" ;;
  windows-build) wanted="$RUN $WINDOWS_BUILD" ;;
  windows-test) wanted="$RUN $WINDOWS_BUILD $WINDOWS_TEST" ;;
  *) echo "usage: $0 run|test|windows-build|windows-test" >&2; exit 2 ;;
esac

installed() {
  [ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" = "installed" ]
}

missing_entries=""
for entry in $wanted; do
  found=""
  for name in $(echo "$entry" | tr '|' ' '); do
    if installed "$name"; then found=$name; break; fi
  done
  [ -n "$found" ] || missing_entries="$missing_entries $entry"
done

[ -z "$missing_entries" ] && exit 0

if ! command -v apt-get >/dev/null 2>&1 || [ "$(id -u)" != "0" ]; then
  echo "certalign needs these Debian packages (a|b: either one). Run, then try again:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y$(echo "$missing_entries" | sed 's/|[^ ]*//g')" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
missing=""
for entry in $missing_entries; do
  # Pick the alternative this release of Debian actually has.
  pick=""
  for name in $(echo "$entry" | tr '|' ' '); do
    if [ -z "$pick" ] && apt-cache show "$name" >/dev/null 2>&1; then pick=$name; fi
  done
  missing="$missing ${pick:-${entry%%|*}}"
done
echo "Installing Debian packages:$missing"
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing
