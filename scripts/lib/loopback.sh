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

