# shellcheck shell=bash
# Sourced by the project's scripts: puts a supported Node (22 or 24) and the
# repository's own Yarn release on PATH, and installs dependencies when the
# lockfile or a manifest changed since the last install.
#
# Node 20 is end of life and Backstage 1.55 wants 22 or 24. Where the machine's
# Node is older, Node 22 comes from the npm registry's `node` package into the
# ignored folder .tools/, and native addons are compiled against that same
# Node's headers (they ship inside the package).

set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TOOLS_DIR="$REPO_ROOT/.tools"
NODE_PIN="22.23.3"

die() {
  echo "error: $*" >&2
  exit 1
}

node_major() {
  "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0
}

ensure_node() {
  local system_node major
  system_node="$(command -v node || true)"
  if [ -n "$system_node" ]; then
    major="$(node_major "$system_node")"
    if [ "$major" = 22 ] || [ "$major" = 24 ]; then
      return 0
    fi
  fi
  command -v npm >/dev/null || die "Node.js 22 or 24 is required (and npm to fetch it). Install Node 22 from https://nodejs.org or your package manager."
  local platform_dir="$TOOLS_DIR/node/node_modules/node/node_modules/node-$(uname -s | tr 'A-Z' 'a-z')-$(uname -m | sed 's/x86_64/x64/;s/aarch64/arm64/')"
  if [ ! -x "$platform_dir/bin/node" ] || [ "$("$platform_dir/bin/node" --version)" != "v$NODE_PIN" ]; then
    echo "==> Node ${system_node:+$("$system_node" --version) }is not 22 or 24; fetching Node $NODE_PIN from the npm registry into .tools/"
    mkdir -p "$TOOLS_DIR/node"
    (cd "$TOOLS_DIR/node" && echo '{"private":true}' > package.json &&
      npm install --no-save --no-audit --no-fund --loglevel=error "node@$NODE_PIN" >/dev/null) ||
      die "could not fetch Node $NODE_PIN with npm"
  fi
  export PATH="$platform_dir/bin:$PATH"
  # node-gyp builds addons (better-sqlite3) against these headers, matching the Node that runs them.
  export npm_config_nodedir="$platform_dir"
}

ensure_yarn_env() {
  # Yarn reads its registry from here; use whatever registry npm is configured with.
  if [ -z "${YARN_NPM_REGISTRY_SERVER:-}" ]; then
    local registry
    registry="$(npm config get registry 2>/dev/null || true)"
    [ -n "$registry" ] && export YARN_NPM_REGISTRY_SERVER="${registry%/}"
  fi
  # Some backstage-cli commands call `yarn`; make it the repository's own release.
  mkdir -p "$TOOLS_DIR/bin"
  printf '#!/bin/sh\nexec node "%s/.yarn/releases/yarn-4.13.0.cjs" "$@"\n' "$REPO_ROOT" > "$TOOLS_DIR/bin/yarn"
  chmod +x "$TOOLS_DIR/bin/yarn"
  export PATH="$TOOLS_DIR/bin:$PATH"
}

yarn_cmd() {
  node "$REPO_ROOT/.yarn/releases/yarn-4.13.0.cjs" "$@"
}

install_stamp() {
  cat "$REPO_ROOT/yarn.lock" "$REPO_ROOT"/package.json "$REPO_ROOT"/packages/*/package.json \
    "$REPO_ROOT"/plugins/*/package.json 2>/dev/null | sha256sum | cut -d' ' -f1
  node --version
}

SQLITE_ADDON="$REPO_ROOT/node_modules/better-sqlite3/build/Release/better_sqlite3.node"

# better-sqlite3 is the one dependency compiled here (its prebuilt addons
# come from GitHub, out of reach): over a minute of one core. package.json's
# dependenciesMeta keeps yarn from building it, so that test-all.sh can
# compile it beside the type check (DEFER_SQLITE_BUILD=1); every other script
# has ensure_toolchain compile it at once.
build_sqlite_addon() {
  [ -f "$SQLITE_ADDON" ] && return 0
  echo "==> Compiling better-sqlite3's addon"
  local dir="$REPO_ROOT/node_modules/better-sqlite3"
  (cd "$dir" && PATH="$dir/node_modules/.bin:$REPO_ROOT/node_modules/.bin:$PATH" \
    node-gyp rebuild --release) ||
    die "better-sqlite3 did not build; check that python3, make and g++ are installed"
}

ensure_dependencies() {
  local stamp_file="$REPO_ROOT/node_modules/.install-stamp"
  local want
  want="$(install_stamp)"
  if [ ! -f "$stamp_file" ] || [ "$(cat "$stamp_file")" != "$want" ]; then
    echo "==> Installing dependencies (yarn install)"
    local flags=()
    [ "${CI:-}" = "true" ] && flags+=(--immutable)
    (cd "$REPO_ROOT" && yarn_cmd install "${flags[@]}")
    install_stamp > "$stamp_file"
  fi
  [ "${DEFER_SQLITE_BUILD:-0}" = 1 ] || build_sqlite_addon
}

ensure_toolchain() {
  ensure_node
  ensure_yarn_env
  ensure_dependencies
}
