#!/usr/bin/env bash
# Screenshots of the portal on an estate generated from a seed (named after
# another company, nested OUs, no role tags, Identity Center): starts the
# built portal on it with a database of its own, runs the Playwright spec
# that checks the map and the access review and saves the README's
# screenshots (docs/images/*-generated.png), and stops everything.
#
#   scripts/screenshots-generated.sh       # seed 3: three levels of OUs
#   scripts/screenshots-generated.sh 1     # another seed
source "$(dirname "${BASH_SOURCE[0]}")/lib/toolchain.sh"
source "$REPO_ROOT/scripts/lib/processes.sh"

seed="${1:-3}"
[[ "$seed" =~ ^[0-9]+$ ]] || die "the seed must be a whole number, not '$seed'"
ensure_toolchain
cd "$REPO_ROOT"

# Its own catalog: the portal's refuses to move to another organization.
db="$TOOLS_DIR/portal-db-generated"
rm -rf "$db"
LOCAL_AWS_SEED=generated LOCAL_AWS_ESTATE_SEED="$seed" \
  APP_CONFIG_backend_database_connection_directory="$db" \
  start_built_portal "$TOOLS_DIR/screenshots-portal.log"
LOCAL_AWS_ESTATE_SEED="$seed" PLAYWRIGHT_URL="$portal_url" \
  yarn playwright test -c playwright.generated.config.ts --reporter=list
