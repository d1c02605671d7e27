#!/usr/bin/env bash
# Runs every test of the repository: the type check, the unit tests, the
# emulator-backed integration tests (each starts its own moto on a free
# loopback port) and the browser tests against the portal on the seeded local
# estate, in Debian's Chromium. Installs what is missing first.
source "$(dirname "${BASH_SOURCE[0]}")/lib/toolchain.sh"
source "$REPO_ROOT/scripts/lib/prerequisites.sh"
source "$REPO_ROOT/scripts/lib/processes.sh"

# better-sqlite3's addon compiles beside the checks below (toolchain.sh).
DEFER_SQLITE_BUILD=1 ensure_toolchain
require_moto
require_chromium
require_postgres
require_redis
cd "$REPO_ROOT"
mkdir -p "$TOOLS_DIR"
# Node's compile cache for every process below: the type check, lint, Jest
# and the backends the replica, browser and adoption tests start load
# largely the same modules, compiled once.
export NODE_COMPILE_CACHE="$TOOLS_DIR/node-compile-cache"

# Each stage says when it starts, so a slow CI run shows where its time went.
stage() { echo "==> $1 (at ${SECONDS}s)"; }

stage "Type check, API reports, lint and formatting"
# tsc runs on one core for most of its 45 s: lint and prettier take the
# other, and better-sqlite3's compile (a fresh clone's) fills the gaps.
sqlite_log="$TOOLS_DIR/better-sqlite3-build.log"
build_sqlite_addon > "$sqlite_log" 2>&1 &
sqlite_pid=$!
yarn tsc > "$TOOLS_DIR/tsc.log" 2>&1 &
tsc_pid=$!
yarn backstage-cli repo lint
yarn prettier --check .
if ! wait "$tsc_pid"; then
  cat "$TOOLS_DIR/tsc.log" >&2
  die "the type check failed"
fi
yarn test:api-reports
if ! wait "$sqlite_pid"; then
  cat "$sqlite_log" >&2
  die "better-sqlite3's addon did not build"
fi

# Background work stopped when this script exits, whichever way.
background=()
stop_background() { for pid in "${background[@]}"; do stop_group "$pid"; done; }
trap stop_background EXIT

stage "Adoption test, beside the unit tests: the README's install steps in a fresh app outside the repository"
# It runs in the background from here (the type check it needs is done):
# most of its four minutes wait on the registry, the install's link step
# and the app's backend, which the unit tests' CPU work fills. Its log is
# printed when it is waited for, after the browser tests.
# The legacy frontend is type-checked there; rendering it too (another
# build, a backend restart and a browser check, about 45 s) is left to
# `ADOPTION_LEGACY_RENDER=1 scripts/adoption-test.sh`.
adoption_log="$TOOLS_DIR/adoption.log"
ADOPTION_REPO_TSC_DONE=1 ADOPTION_LEGACY_RENDER="${ADOPTION_LEGACY_RENDER:-0}" \
  setsid "$REPO_ROOT/scripts/adoption-test.sh" > "$adoption_log" 2>&1 &
adoption_pid=$!
background+=("$adoption_pid")

stage "Unit and emulator-backed tests"
# The database-backed tests run on SQLite and on this PostgreSQL too
# (TestDatabases reads BACKSTAGE_TEST_DATABASE_POSTGRES<major>_CONNECTION_STRING).
pg_env="$TOOLS_DIR/jest-postgres.env"
rm -f "$pg_env"
setsid "$REPO_ROOT/scripts/lib/postgres.sh" serve --env-out "$pg_env" --parent $$ \
  > "$TOOLS_DIR/jest-postgres.log" 2>&1 &
pg_pid=$!
background+=("$pg_pid")
wait_for_file "$pg_env" 60 "$pg_pid"
# shellcheck disable=SC1090
source "$pg_env"
export "BACKSTAGE_TEST_DATABASE_POSTGRES${POSTGRES_MAJOR}_CONNECTION_STRING=postgresql://$POSTGRES_USER:$POSTGRES_PASSWORD@$POSTGRES_HOST:$POSTGRES_PORT/postgres"
jest_report="$TOOLS_DIR/jest-report.json"
# Three workers on two cores: the emulator-backed tests spend much of their
# time waiting (on moto, on schedules, on retry back-off), which a third
# worker fills; Jest's default (cores - 1) left a fifth of the CPU idle.
CI=true yarn backstage-cli repo test --maxWorkers=3 --json --outputFile="$jest_report"
stop_group "$pg_pid"

stage "Browser tests against the portal on the seeded local estate"
# The portal's SQLite persists between starts; the browser tests start anew.
# They run against the built frontend the backend serves (start-portal.sh
# --built): its pages load in a third of the development server's time.
rm -rf "$TOOLS_DIR/portal-db"
start_built_portal "$TOOLS_DIR/portal.log"
# start_built_portal's trap stops the portal; the background work too.
background+=("$portal_pid")
trap stop_background EXIT
e2e_report="$TOOLS_DIR/e2e-report.json"
PLAYWRIGHT_URL="$portal_url" PLAYWRIGHT_JSON_OUTPUT_NAME="$e2e_report" \
  yarn playwright test --reporter=list,json
stop_group "$portal_pid"

stage "Adoption test's result"
adoption_ok=true
wait "$adoption_pid" || adoption_ok=false
cat "$adoption_log"
$adoption_ok || die "the adoption test failed (its log is above)"
trap - EXIT

node "$REPO_ROOT/scripts/lib/summarize-tests.mjs" "$jest_report" "$e2e_report"
stage "Done"
