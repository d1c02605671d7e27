#!/usr/bin/env bash
# A throwaway Redis server, the portal's shared cache in the production
# shape and its tests: 127.0.0.1 only, a generated password, nothing saved to
# disk. Run as root, the server runs as Debian's `redis` user.
#
# Sourced: start_redis sets REDIS_URL (redis://default:<password>@127.0.0.1:<port>);
# stop_redis stops it. Run:
#   scripts/lib/redis.sh serve [--port N] [--env-out FILE] [--parent PID] [--max-seconds N]
# starts one, writes REDIS_URL to FILE, and stops on SIGTERM or Ctrl-C, when
# process PID exits, or after N seconds.

REDIS_LIB_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=loopback.sh
source "$REDIS_LIB_DIR/loopback.sh"

# Starts the server on $1 (a free port when empty or 0).
start_redis() {
  local port="${1:-0}"
  command -v redis-server >/dev/null || {
    echo "error: Redis is not installed: apt-get install redis-server" >&2
    return 1
  }
  [ "$port" = 0 ] && port="$(free_port)"
  REDIS_DIR="$(mktemp -d "${TMPDIR:-/tmp}/aws-platform-redis.XXXXXX")"
  local password
  password="$(random_secret)"
  # The password goes in a config file, not on the command line (ps shows that).
  (umask 077 && cat >"$REDIS_DIR/redis.conf" <<CONF
bind 127.0.0.1
port $port
protected-mode yes
requirepass $password
save ""
appendonly no
dir $REDIS_DIR
daemonize no
CONF
  )
  local run=()
  if [ "$(id -u)" = 0 ]; then
    chown -R "${REDIS_OS_USER:-redis}" "$REDIS_DIR"
    run=(runuser -u "${REDIS_OS_USER:-redis}" --)
  fi
  "${run[@]}" redis-server "$REDIS_DIR/redis.conf" >"$REDIS_DIR/server.log" 2>&1 &
  REDIS_PID=$!
  wait_for_port "$port" 30 "$REDIS_PID" || {
    cat "$REDIS_DIR/server.log" >&2
    return 1
  }
  REDIS_URL="redis://default:$password@127.0.0.1:$port"
  export REDIS_URL
}

stop_redis() {
  if [ -n "${REDIS_PID:-}" ]; then
    kill -TERM "$REDIS_PID" 2>/dev/null || true
    for _ in $(seq 1 20); do
      kill -0 "$REDIS_PID" 2>/dev/null || break
      sleep 0.25
    done
    kill -KILL "$REDIS_PID" 2>/dev/null || true
    REDIS_PID=""
  fi
  [ -n "${REDIS_DIR:-}" ] && rm -rf "$REDIS_DIR"
  REDIS_DIR=""
}

redis_main() {
  serve_main redis start_redis_service stop_redis redis_env "$@"
}

start_redis_service() {
  start_redis "$1"
  LOOPBACK_SERVICE_PORT="${REDIS_URL##*:}"
}

redis_env() {
  printf 'REDIS_URL=%s\n' "$REDIS_URL"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  redis_main "$@"
fi
