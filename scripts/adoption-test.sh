#!/usr/bin/env bash
# The out-of-tree adoption test: packs the suite's published packages,
# creates a fresh Backstage 1.55 app outside the repository with
# @backstage/create-app, applies exactly the steps of the README's "Install
# in your Backstage app" section (read from the README), then type-checks the
# app, starts its backend against the local AWS estate (moto on loopback,
# seeded with the reference organization), waits for the catalog to hold the
# nine accounts, and checks in Chromium that the AWS Platform page, the
# account map and an account card render. The legacy-frontend part of the
# section is applied to a second frontend package of the same app, made from
# create-app's --legacy template: the type check covers it, and the same
# browser check runs against it with the backend serving its bundle.
#
#   scripts/adoption-test.sh
#   ADOPTION_KEEP=1 scripts/adoption-test.sh   # keep the app folder afterwards
#   ADOPTION_REPO_TSC_DONE=1 ...               # the caller ran `yarn tsc` already
#   ADOPTION_LEGACY_RENDER=0 ...               # legacy frontend: type check only
#
# Everything runs on 127.0.0.1 and stops itself; every wait is bounded.
source "$(dirname "${BASH_SOURCE[0]}")/lib/toolchain.sh"
source "$REPO_ROOT/scripts/lib/prerequisites.sh"
source "$REPO_ROOT/scripts/lib/processes.sh"
source "$REPO_ROOT/scripts/lib/adoption-app.sh"

ensure_toolchain
require_moto
require_chromium

work="$(mktemp -d "${TMPDIR:-/tmp}/aws-platform-adoption.XXXXXX")"
app="$work/app"
aws_pid=""
backend_pid=""
cleanup() {
  trap - EXIT INT TERM
  [ -n "$backend_pid" ] && stop_group "$backend_pid"
  [ -n "$aws_pid" ] && stop_group "$aws_pid"
  if [ "${ADOPTION_KEEP:-}" = 1 ]; then
    echo "The app is kept in $app"
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

timings=()
step() {
  local label="$1" started=$SECONDS
  shift
  echo "==> $label"
  "$@"
  timings+=("$(printf '%4ds  %s' $((SECONDS - started)) "$label")")
}

repo_type_check() {
  [ "${ADOPTION_REPO_TSC_DONE:-}" = 1 ] || (cd "$REPO_ROOT" && yarn tsc)
}

apply_readme() {
  local readme="$REPO_ROOT/README.md" helper="$REPO_ROOT/scripts/lib/adoption-readme.mjs"
  node "$helper" "$readme" "$app" "$work/tarballs.txt" adoption
  # The legacy frontend: the same `yarn add` for its package, then the
  # legacy part's edits to its files.
  node "$helper" "$readme" "$app" "$work/tarballs.txt" adoption packages/app=packages/app-legacy
  node "$helper" "$readme" "$app" "$work/tarballs.txt" adoption-legacy packages/app=packages/app-legacy
}

start_local_aws() {
  setsid node "$REPO_ROOT/packages/local-aws/src/cli.ts" serve --port 0 \
    --seed reference --env-out "$work/local-aws.env" >"$work/local-aws.log" 2>&1 &
  aws_pid=$!
}

# Starts the app's backend; $1 is an extra config file (the legacy round's).
start_backend() {
  local extra=()
  [ -n "${1:-}" ] && extra=(--config "$1")
  wait_for_file "$work/local-aws.env" 180 "$aws_pid"
  set -a
  # shellcheck disable=SC1091
  source "$work/local-aws.env"
  set +a
  (cd "$app/packages/backend" && setsid yarn start \
    --config ../../app-config.yaml --config ../../app-config.local.yaml \
    --config ../../app-config.adoption.yaml "${extra[@]}") >"$work/backend.log" 2>&1 &
  backend_pid=$!
  # Ready means every plugin started (the readiness check answers 200); the
  # CLI's watcher outlives a backend whose start failed, so the log is read
  # for that too.
  local deadline=$((SECONDS + 300))
  until curl -sf -o /dev/null --max-time 2 "$app_url/.backstage/health/v1/readiness"; do
    if grep -q "Backend startup failed" "$work/backend.log" ||
      ! kill -0 "$backend_pid" 2>/dev/null || [ "$SECONDS" -ge "$deadline" ]; then
      grep -v rootHttpRouter "$work/backend.log" | tail -40 >&2
      die "the app's backend did not start"
    fi
    sleep 1
  done
}

wait_for_accounts() {
  node "$REPO_ROOT/scripts/lib/adoption-catalog.mjs" "$app_url" 9 240 || {
    tail -40 "$work/backend.log" >&2
    die "the app's catalog did not show the nine accounts"
  }
}

# $1: which frontend the backend serves, new or legacy.
browser_check() {
  (cd "$REPO_ROOT/scripts/lib" && ADOPTION_APP_URL="$app_url" ADOPTION_FRONTEND="$1" \
    ADOPTION_RESULTS_DIR="$work/playwright-$1" \
    yarn playwright test --config adoption.playwright.config.mjs --reporter=list)
}

# The legacy frontend's round: the backend restarted to serve
# packages/app-legacy's bundle (app-backend's app.packageName).
serve_legacy_frontend() {
  stop_group "$backend_pid"
  backend_pid=""
  printf 'app:\n  packageName: app-legacy\n' >"$app/app-config.legacy.yaml"
  start_backend ../../app-config.legacy.yaml
}

port="$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')"
app_url="http://127.0.0.1:$port"

step "Type check of the repository (declarations for the packages)" repo_type_check
step "Build and pack the published packages (pack-packages.sh)" adoption_pack "$work/tarballs" "$work/tarballs.txt"
step "Create the app with $ADOPTION_CREATE_APP in $app" adoption_create_app "$app"
adoption_prepare_app "$app" "$work/tarballs.txt"
adoption_test_config "$app/app-config.adoption.yaml" "$port"
cd "$app"
step "Apply the README's install steps" apply_readme
step "better-sqlite3 for the app" adoption_sqlite_addon "$app"
step "Type check of the app" yarn tsc
start_local_aws
step "Build the app's frontend" yarn --cwd packages/app build
step "Start the app's backend on the local AWS estate" start_backend
step "Wait for the nine accounts in the catalog" wait_for_accounts
step "Browser check in Chromium" browser_check new
if [ "${ADOPTION_LEGACY_RENDER:-1}" = 1 ]; then
  step "Build the legacy frontend" yarn --cwd packages/app-legacy build
  step "Restart the backend serving the legacy frontend" serve_legacy_frontend
  step "Wait for the nine accounts in the catalog (legacy round)" wait_for_accounts
  step "Browser check of the legacy frontend" browser_check legacy
fi
adoption_save_lockfile "$app"

echo
echo "Adoption test passed. Time per step:"
printf '%s\n' "${timings[@]}"
echo "$(printf '%4ds' "$SECONDS")  in all"
