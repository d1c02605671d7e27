#!/usr/bin/env bash
# Runs the developer portal on a seeded local AWS estate: installs what is
# missing, starts moto's server on a free loopback port, seeds the AWS
# Platform Guide's reference organization, starts backend and frontend, and
# prints the URL. Ctrl-C stops everything, the emulator included.
#
#   scripts/start-portal.sh            # development servers (watch mode)
#   scripts/start-portal.sh --built    # the frontend built once, served by the backend
#   LOCAL_AWS_PORT=5000 scripts/start-portal.sh
#   LOCAL_AWS_SEED=generated LOCAL_AWS_ESTATE_SEED=3 scripts/start-portal.sh
#                                       # an estate named unlike the guide
#
# --built is what the browser tests run against: a production bundle loads in
# a third of the time of the development server's, and nothing recompiles.
source "$(dirname "${BASH_SOURCE[0]}")/lib/toolchain.sh"
source "$REPO_ROOT/scripts/lib/prerequisites.sh"
source "$REPO_ROOT/scripts/lib/processes.sh"

built=false
case "${1:-}" in
  --built) built=true ;;
  "") ;;
  *) die "unknown option $1 (the only one is --built)" ;;
esac

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

seed="${LOCAL_AWS_SEED:-reference}"
estate_seed=()
[ "$seed" = generated ] && estate_seed=(--estate-seed "${LOCAL_AWS_ESTATE_SEED:-1}")
echo "==> Starting the local AWS estate (moto) and seeding the $seed organization"
setsid node packages/local-aws/src/cli.ts serve \
  --port "${LOCAL_AWS_PORT:-0}" --seed "$seed" "${estate_seed[@]}" --env-out "$env_file" &
aws_pid=$!
wait_for_file "$env_file" 120 "$aws_pid"
set -a
# shellcheck disable=SC1090
source "$env_file"
set +a
echo "==> Local AWS at $AWS_ENDPOINT_URL"

if $built; then
  echo "==> Building the frontend"
  yarn workspace app build >/dev/null
  echo "==> Starting the backend, which serves the built frontend"
  # The app-backend plugin serves packages/app/dist at the backend's address.
  portal_url="http://localhost:7007"
  APP_CONFIG_app_baseUrl="$portal_url" setsid yarn workspace backend start &
else
  echo "==> Starting the backend and the frontend"
  portal_url="http://localhost:3000"
  BROWSER=none setsid yarn start &
fi
portal_pid=$!
wait_for_http "http://localhost:7007/api/aws-platform/health" 300 "$portal_pid"
wait_for_http "$portal_url" 300 "$portal_pid"
echo
echo "Portal ready at $portal_url (sign in as guest; the AWS accounts are under 'AWS Platform')"
echo

wait "$portal_pid"
