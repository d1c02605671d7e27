#!/usr/bin/env bash
# A throwaway PostgreSQL server for the portal's production shape and its
# tests: a new cluster in a temporary folder, a generated password, listening
# on 127.0.0.1 only, removed when it stops. Run as root, the server runs as
# Debian's `postgres` user (PostgreSQL refuses to run as root).
#
# Sourced: start_postgres sets POSTGRES_HOST, POSTGRES_PORT, POSTGRES_USER and
# POSTGRES_PASSWORD; stop_postgres stops the server and deletes the cluster.
# Run:
#   scripts/lib/postgres.sh serve [--port N] [--env-out FILE] [--parent PID] [--max-seconds N]
# starts one, writes those variables to FILE as KEY=value lines, and stops on
# SIGTERM or Ctrl-C, when process PID exits, or after N seconds.

POSTGRES_LIB_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=loopback.sh
source "$POSTGRES_LIB_DIR/loopback.sh"

# The newest installed PostgreSQL's programs (Debian keeps them out of PATH),
# or PG_BINDIR.
postgres_bindir() {
  if [ -n "${PG_BINDIR:-}" ]; then
    echo "$PG_BINDIR"
    return 0
  fi
  local dir
  dir="$(find /usr/lib/postgresql -maxdepth 3 -path '*/bin/initdb' 2>/dev/null |
    sort -V | tail -1)"
  if [ -n "$dir" ]; then
    dirname "$dir"
    return 0
  fi
  dir="$(command -v initdb || true)"
  [ -n "$dir" ] || return 1
  dirname "$dir"
}

# Runs a command as the user that owns the cluster.
as_postgres_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u "${POSTGRES_OS_USER:-postgres}" -- "$@"
  else
    "$@"
  fi
}

# Starts the server on $1 (a free port when empty or 0).
start_postgres() {
  local port="${1:-0}" bindir
  bindir="$(postgres_bindir)" || {
    echo "error: PostgreSQL is not installed: apt-get install postgresql" >&2
    return 1
  }
  [ "$port" = 0 ] && port="$(free_port)"
  PG_DIR="$(mktemp -d "${TMPDIR:-/tmp}/aws-platform-postgres.XXXXXX")"
  POSTGRES_HOST=127.0.0.1
  POSTGRES_PORT="$port"
  POSTGRES_USER=backstage
  POSTGRES_PASSWORD="$(random_secret)"
  export POSTGRES_HOST POSTGRES_PORT POSTGRES_USER POSTGRES_PASSWORD
  (umask 077 && printf '%s\n' "$POSTGRES_PASSWORD" >"$PG_DIR/password")
  [ "$(id -u)" = 0 ] && chown -R "${POSTGRES_OS_USER:-postgres}" "$PG_DIR"
  as_postgres_owner "$bindir/initdb" -D "$PG_DIR/data" -U "$POSTGRES_USER" \
    --pwfile="$PG_DIR/password" --auth=scram-sha-256 -E UTF8 --no-locale \
    --no-instructions >"$PG_DIR/initdb.log" 2>&1 || {
    cat "$PG_DIR/initdb.log" >&2
    return 1
  }
  rm -f "$PG_DIR/password"
  # fsync off: a throwaway cluster does not need to survive a power cut.
  as_postgres_owner "$bindir/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_DIR -c fsync=off -c max_connections=200" \
    start >/dev/null || {
    cat "$PG_DIR/server.log" >&2
    return 1
  }
}

stop_postgres() {
  [ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR" ] || return 0
  local bindir
  bindir="$(postgres_bindir)"
  as_postgres_owner "$bindir/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
  PG_DIR=""
}

postgres_env() {
  printf 'POSTGRES_HOST=%s\nPOSTGRES_PORT=%s\nPOSTGRES_USER=%s\nPOSTGRES_PASSWORD=%s\nPOSTGRES_MAJOR=%s\n' \
    "$POSTGRES_HOST" "$POSTGRES_PORT" "$POSTGRES_USER" "$POSTGRES_PASSWORD" \
    "$(postgres_major)"
}

# The server's major version, e.g. 15 (`postgres (PostgreSQL) 15.10`).
postgres_major() {
  "$(postgres_bindir)/postgres" --version | sed -E 's/.* ([0-9]+)(\.[0-9]+)*.*/\1/'
}

postgres_main() {
  serve_main postgres start_postgres_service stop_postgres postgres_env "$@"
}

start_postgres_service() {
  start_postgres "$1"
  LOOPBACK_SERVICE_PORT="$POSTGRES_PORT"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  postgres_main "$@"
fi
