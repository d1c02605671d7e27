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

# Starts the built portal (start-portal.sh --built, with the caller's
# environment) in its own process group, logging to $1; sets portal_pid and
# portal_url and stops it on exit. Dies with the log's tail if it does not
# come up.
start_built_portal() {
  local log="$1"
  portal_url="http://localhost:7007"
  setsid "$REPO_ROOT/scripts/start-portal.sh" --built > "$log" 2>&1 &
  portal_pid=$!
  # shellcheck disable=SC2064
  trap "stop_group $portal_pid" EXIT
  if ! (wait_for_http "$portal_url/api/aws-platform/health" 400 "$portal_pid" &&
    wait_for_http "$portal_url" 300 "$portal_pid"); then
    tail -50 "$log" >&2
    die "the portal did not start; its log is in $log"
  fi
}
