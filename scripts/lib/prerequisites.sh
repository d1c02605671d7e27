# shellcheck shell=bash
# Checks for what the project cannot install by itself. Each check fails with
# what to install rather than skipping anything.

require_moto() {
  command -v python3 >/dev/null ||
    die "python3 is required for the local AWS emulator. Install Python 3, then: pip install 'moto[server]'"
  python3 -c 'import moto.server' 2>/dev/null ||
    die "moto's server is required for the local AWS emulator: pip install 'moto[server]' (moto 5.1 or later)"
}

chromium_path() {
  local candidate
  for candidate in "${CHROMIUM_PATH:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
    if [ -n "$candidate" ] && [ -x "$candidate" ]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

require_chromium() {
  CHROMIUM_PATH="$(chromium_path)" ||
    die "Chromium is required for the browser tests: apt-get install chromium (Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium or Chrome binary"
  export CHROMIUM_PATH
}
