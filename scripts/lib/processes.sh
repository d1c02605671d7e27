# shellcheck shell=bash
# Helpers to run background services for the length of a script.

# Waits until an HTTP URL answers (any status below 500), at most $2 seconds.
wait_for_http() {
  local url="$1" seconds="$2" pid="${3:-}"
  local deadline=$((SECONDS + seconds))
  until curl -s -o /dev/null --max-time 2 "$url"; do
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then
      die "the process that should serve $url exited"
    fi
    [ "$SECONDS" -lt "$deadline" ] || die "$url did not answer within ${seconds}s"
    sleep 1
  done
}

# Waits until a file exists, at most $2 seconds, while process $3 lives.
wait_for_file() {
  local file="$1" seconds="$2" pid="$3"
  local deadline=$((SECONDS + seconds))
  until [ -s "$file" ]; do
    kill -0 "$pid" 2>/dev/null || die "the process that should write $file exited"
    [ "$SECONDS" -lt "$deadline" ] || die "$file was not written within ${seconds}s"
    sleep 0.5
  done
}

# Stops a process group started with setsid: TERM, then KILL after 10 s.
stop_group() {
  local pid="$1"
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 20); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.5
  done
  kill -KILL -- "-$pid" 2>/dev/null || true
}
