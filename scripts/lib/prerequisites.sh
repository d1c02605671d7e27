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

# PostgreSQL's server programs, for the production shape (scripts/lib/postgres.sh).
require_postgres() {
  # shellcheck source=postgres.sh
  source "$REPO_ROOT/scripts/lib/postgres.sh"
  postgres_bindir >/dev/null ||
    die "PostgreSQL is required for the production-shape tests and scripts/start-replicas.sh: apt-get install postgresql (Debian/Ubuntu), or set PG_BINDIR to the folder holding initdb and pg_ctl"
  if [ "$(id -u)" = 0 ]; then
    id "${POSTGRES_OS_USER:-postgres}" >/dev/null 2>&1 ||
      die "PostgreSQL will not run as root and there is no '${POSTGRES_OS_USER:-postgres}' user to run it as; install Debian's postgresql package, or set POSTGRES_OS_USER"
  fi
}

# Redis, the shared cache of the production shape (scripts/lib/redis.sh).
require_redis() {
  command -v redis-server >/dev/null ||
    die "Redis is required for the production-shape tests and scripts/start-replicas.sh: apt-get install redis-server (Debian/Ubuntu)"
  if [ "$(id -u)" = 0 ]; then
    id "${REDIS_OS_USER:-redis}" >/dev/null 2>&1 ||
      die "there is no '${REDIS_OS_USER:-redis}' user to run Redis as; install Debian's redis-server package, or set REDIS_OS_USER"
  fi
}
