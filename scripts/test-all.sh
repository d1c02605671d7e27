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
# Node's compile cache for every process below: the type check, lint, Jest
# and the backends the replica, browser and adoption tests start load
# largely the same modules, compiled once.
export NODE_COMPILE_CACHE="$TOOLS_DIR/node-compile-cache"

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
# The database-backed tests run on SQLite and on this PostgreSQL too
# (TestDatabases reads BACKSTAGE_TEST_DATABASE_POSTGRES<major>_CONNECTION_STRING).
pg_env="$TOOLS_DIR/jest-postgres.env"
rm -f "$pg_env"
setsid "$REPO_ROOT/scripts/lib/postgres.sh" serve --env-out "$pg_env" --parent $$ \
  > "$TOOLS_DIR/jest-postgres.log" 2>&1 &
pg_pid=$!
trap 'stop_group "$pg_pid"' EXIT
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
trap - EXIT

stage "Browser tests against the portal on the seeded local estate"
# The portal's SQLite persists between starts; the browser tests start anew.
# They run against the built frontend the backend serves (start-portal.sh
# --built): its pages load in a third of the development server's time.
rm -rf "$TOOLS_DIR/portal-db"
start_built_portal "$TOOLS_DIR/portal.log"
e2e_report="$TOOLS_DIR/e2e-report.json"
PLAYWRIGHT_URL="$portal_url" PLAYWRIGHT_JSON_OUTPUT_NAME="$e2e_report" \
  yarn playwright test --reporter=list,json
stop_group "$portal_pid"
trap - EXIT

stage "Adoption test: the README's install steps in a fresh app outside the repository"
# The legacy frontend is type-checked here; rendering it too (another build,
# a backend restart and a browser check, about 45 s) is left to
# `ADOPTION_LEGACY_RENDER=1 scripts/adoption-test.sh`, to keep CI within 20 min.
ADOPTION_REPO_TSC_DONE=1 ADOPTION_LEGACY_RENDER="${ADOPTION_LEGACY_RENDER:-0}" \
  "$REPO_ROOT/scripts/adoption-test.sh"

node "$REPO_ROOT/scripts/lib/summarize-tests.mjs" "$jest_report" "$e2e_report"
stage "Done"
