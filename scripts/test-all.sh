#!/usr/bin/env bash
# Runs every test of the repository: the type check, the unit tests, the
# emulator-backed integration tests (each starts its own moto on a free
# loopback port) and the browser tests against the portal on the seeded local
# estate, in Debian's Chromium. Installs what is missing first.
source "$(dirname "${BASH_SOURCE[0]}")/lib/toolchain.sh"
source "$REPO_ROOT/scripts/lib/prerequisites.sh"
source "$REPO_ROOT/scripts/lib/processes.sh"

ensure_toolchain
require_moto
require_chromium
require_postgres
require_redis
cd "$REPO_ROOT"
mkdir -p "$TOOLS_DIR"

# Each stage says when it starts, so a slow CI run shows where its time went.
stage() { echo "==> $1 (at ${SECONDS}s)"; }

stage "Type check, API reports, lint and formatting"
# tsc runs on one core for most of its 45 s: lint and prettier take the other.
yarn tsc > "$TOOLS_DIR/tsc.log" 2>&1 &
tsc_pid=$!
yarn backstage-cli repo lint
yarn prettier --check .
if ! wait "$tsc_pid"; then
  cat "$TOOLS_DIR/tsc.log" >&2
  die "the type check failed"
fi
yarn test:api-reports

stage "Unit and emulator-backed tests"
jest_report="$TOOLS_DIR/jest-report.json"
# Three workers on two cores: the emulator-backed tests spend much of their
# time waiting (on moto, on schedules, on retry back-off), which a third
# worker fills; Jest's default (cores - 1) left a fifth of the CPU idle.
CI=true yarn backstage-cli repo test --maxWorkers=3 --json --outputFile="$jest_report"

stage "Browser tests against the portal on the seeded local estate"
# The portal's SQLite persists between starts; the browser tests start anew.
# They run against the built frontend the backend serves (start-portal.sh
# --built): its pages load in a third of the development server's time.
rm -rf "$TOOLS_DIR/portal-db"
portal_log="$TOOLS_DIR/portal.log"
portal_url="http://localhost:7007"
setsid "$REPO_ROOT/scripts/start-portal.sh" --built > "$portal_log" 2>&1 &
portal_pid=$!
trap 'stop_group "$portal_pid"' EXIT
if ! (wait_for_http "$portal_url/api/aws-platform/health" 400 "$portal_pid" &&
  wait_for_http "$portal_url" 300 "$portal_pid"); then
  tail -50 "$portal_log" >&2
  die "the portal did not start; its log is in $portal_log"
fi
e2e_report="$TOOLS_DIR/e2e-report.json"
PLAYWRIGHT_URL="$portal_url" PLAYWRIGHT_JSON_OUTPUT_NAME="$e2e_report" \
  yarn playwright test --reporter=list,json
stop_group "$portal_pid"
trap - EXIT

stage "Adoption test: the README's install steps in a fresh app outside the repository"
ADOPTION_REPO_TSC_DONE=1 "$REPO_ROOT/scripts/adoption-test.sh"

node "$REPO_ROOT/scripts/lib/summarize-tests.mjs" "$jest_report" "$e2e_report"
stage "Done"
