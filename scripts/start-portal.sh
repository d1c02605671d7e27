#!/usr/bin/env bash
# Runs the developer portal on a seeded local AWS estate: installs what is
# missing, starts moto's server on a free loopback port, seeds the AWS
# Platform Guide's reference organization, starts backend and frontend, and
# prints the URL. Ctrl-C stops everything, the emulator included.
#
#   scripts/start-portal.sh            # development servers (watch mode)
#   LOCAL_AWS_PORT=5000 scripts/start-portal.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/toolchain.sh"
source "$REPO_ROOT/scripts/lib/prerequisites.sh"
source "$REPO_ROOT/scripts/lib/processes.sh"

ensure_toolchain
require_moto
cd "$REPO_ROOT"

env_file="$TOOLS_DIR/local-aws.env"
rm -f "$env_file"
aws_pid=""
portal_pid=""
cleanup() {
  trap - EXIT INT TERM
  [ -n "$portal_pid" ] && stop_group "$portal_pid"
  [ -n "$aws_pid" ] && stop_group "$aws_pid"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "==> Starting the local AWS estate (moto) and seeding the reference organization"
setsid node packages/local-aws/src/cli.ts serve \
  --port "${LOCAL_AWS_PORT:-0}" --seed reference --env-out "$env_file" &
aws_pid=$!
wait_for_file "$env_file" 120 "$aws_pid"
set -a
# shellcheck disable=SC1090
source "$env_file"
set +a
echo "==> Local AWS at $AWS_ENDPOINT_URL"

echo "==> Starting the backend and the frontend"
BROWSER=none setsid yarn start &
portal_pid=$!
wait_for_http "http://localhost:7007/api/aws-platform/health" 300 "$portal_pid"
wait_for_http "http://localhost:3000" 300 "$portal_pid"
echo
echo "Portal ready at http://localhost:3000 (sign in as guest; the AWS accounts are under 'AWS Platform')"
echo

wait "$portal_pid"
