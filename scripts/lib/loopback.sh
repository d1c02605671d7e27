# shellcheck shell=bash
# Helpers for the services the scripts start on loopback (PostgreSQL, Redis):
# a free port, waiting for it, a generated secret, and a bounded wait.

free_port() {
  python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()'
}

# Waits until something accepts TCP connections on 127.0.0.1:$1, at most $2
# seconds, while process $3 lives.
wait_for_port() {
  local port="$1" seconds="$2" pid="$3"
  local deadline=$((SECONDS + seconds))
  until (: <"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || return 1
    [ "$SECONDS" -lt "$deadline" ] || return 1
    sleep 0.2
  done
}

# A random hexadecimal secret of 32 characters.
random_secret() {
  od -An -N16 -tx1 /dev/urandom | tr -d ' \n'
}

# Waits while process $1 (if any) lives, at most $2 seconds (if any).
serve_until() {
  local parent="$1" max_seconds="$2"
  local deadline=$((SECONDS + ${max_seconds:-0}))
  while :; do
    if [ -n "$parent" ] && ! kill -0 "$parent" 2>/dev/null; then return 0; fi
    if [ -n "$max_seconds" ] && [ "$SECONDS" -ge "$deadline" ]; then return 0; fi
    sleep 1 &
    wait $! || true
  done
}

# The `serve` command of a loopback service script, for tests and scripts:
# `serve [--port N] [--env-out FILE] [--parent PID] [--max-seconds N]`.
# START gets the port (0: a free one) and must set the service's port in
# LOOPBACK_SERVICE_PORT; STOP runs on exit; ENV prints the connection settings,
# written to FILE (mode 600) once the service is ready. Prints
# "<name> ready at 127.0.0.1:<port>", then serves until the parent exits or
# the time is up (serve_until).
serve_main() {
  local name="$1" start="$2" stop="$3" env="$4"
  shift 4
  set -euo pipefail
  [ "${1:-}" = serve ] || {
    echo "usage: $0 serve [--port N] [--env-out FILE] [--parent PID] [--max-seconds N]" >&2
    exit 2
  }
  shift
  local port=0 env_out="" parent="" max_seconds=""
  while [ $# -gt 0 ]; do
    case "$1" in
      --port) port="$2" ;;
      --env-out) env_out="$2" ;;
      --parent) parent="$2" ;;
      --max-seconds) max_seconds="$2" ;;
      *) echo "unknown flag: $1" >&2 && exit 2 ;;
    esac
    shift 2
  done
  trap "$stop" EXIT
  trap 'exit 0' TERM INT HUP
  "$start" "$port"
  if [ -n "$env_out" ]; then
    (umask 077 && "$env" >"$env_out.tmp") && mv "$env_out.tmp" "$env_out"
  fi
  echo "$name ready at 127.0.0.1:$LOOPBACK_SERVICE_PORT"
  serve_until "$parent" "$max_seconds"
}
