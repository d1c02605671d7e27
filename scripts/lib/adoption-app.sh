# shellcheck shell=bash
# Helpers of scripts/adoption-test.sh: pack the suite, create the app
# outside the repository, prepare it for the tarballs, and give it the
# better-sqlite3 addon. Sourced after toolchain.sh, which sets REPO_ROOT,
# TOOLS_DIR and die.

# The create-app release of Backstage 1.55.0 (backstage.json): 0.9.2's
# templates pin @backstage/cli 0.36.6, backend-defaults 0.18.0,
# frontend-defaults 0.5.6 and catalog-backend 4.0.0, the versions in this
# repository's yarn.lock, and its own version table says release 1.55.0.
ADOPTION_CREATE_APP="@backstage/create-app@0.9.2"

# Packs the published packages into $1 with scripts/lib/pack-packages.sh
# (build, then `yarn pack`); writes the list `<name> <tarball>` to $2. The
# caller has run the repository's type check, which writes the declarations
# the builds bundle.
adoption_pack() {
  local out="$1" list="$2" tarball
  PACK_SKIP_TSC=1 "$REPO_ROOT/scripts/lib/pack-packages.sh" "$out" >"$out.paths" ||
    die "packing the published packages failed"
  : >"$list"
  while read -r tarball; do
    echo "$(tar xzOf "$tarball" package/package.json | node -p 'JSON.parse(require("fs").readFileSync(0)).name') $tarball" >>"$list"
  done <"$out.paths"
  [ -s "$list" ] || die "pack-packages.sh packed nothing"
  cat "$list"
}

# Creates the app at $1 with create-app (new frontend system), and a legacy
# frontend next to it, packages/app-legacy, from create-app's --legacy
# template, so that one install serves both.
adoption_create_app() {
  local app="$1" legacy_template="$1-legacy-template"
  BACKSTAGE_APP_NAME=adoption-app npx --yes "$ADOPTION_CREATE_APP" \
    --path "$app" --skip-install >"$app.create.log" 2>&1 ||
    { tail -30 "$app.create.log" >&2; die "create-app failed"; }
  BACKSTAGE_APP_NAME=adoption-app npx --yes "$ADOPTION_CREATE_APP" --legacy \
    --path "$legacy_template" --skip-install >>"$app.create.log" 2>&1 ||
    { tail -30 "$app.create.log" >&2; die "create-app --legacy failed"; }
  cp -r "$legacy_template/packages/app" "$app/packages/app-legacy"
  node -e '
    const fs = require("fs");
    const file = process.argv[1];
    const pkg = JSON.parse(fs.readFileSync(file, "utf8"));
    pkg.name = "app-legacy";
    fs.writeFileSync(file, JSON.stringify(pkg, null, 2) + "\n");
  ' "$app/packages/app-legacy/package.json"
  rm -rf "$legacy_template"
}

# What the app needs beyond the README's steps, none of it a step a user
# takes: the suite's packages resolve to the tarballs (they are not on the
# registry under test; the README's `yarn add` lines name them, and
# resolutions catch the packages they depend on), and native addons nothing
# here runs are not compiled (keytar needs libsecret's headers to build and
# is optional to @backstage/cli; tree-sitter belongs to the API docs' Swagger
# UI, which uses its WebAssembly build in the browser; cpu-features and
# ssh2's crypto binding are optional to ssh2, which falls back to
# JavaScript; @scarf/scarf only reports installs; core-js and protobufjs
# only print messages; esbuild and @swc/core only check the platform binary
# their optional dependencies already install). better-sqlite3 is provided
# by adoption_sqlite_addon.
adoption_prepare_app() {
  local app="$1" list="$2"
  node -e '
    const fs = require("fs");
    const [file, list] = process.argv.slice(1);
    const pkg = JSON.parse(fs.readFileSync(file, "utf8"));
    pkg.resolutions = pkg.resolutions ?? {};
    for (const line of fs.readFileSync(list, "utf8").trim().split("\n")) {
      const [name, tarball] = line.split(" ");
      pkg.resolutions[name] = `file:${tarball}`;
    }
    pkg.dependenciesMeta = pkg.dependenciesMeta ?? {};
    for (const name of ["keytar", "tree-sitter", "tree-sitter-json",
      "@tree-sitter-grammars/tree-sitter-yaml", "cpu-features", "ssh2",
      "@scarf/scarf", "core-js", "core-js-pure", "protobufjs", "esbuild",
      "@swc/core", "better-sqlite3"]) {
      pkg.dependenciesMeta[name] = { built: false };
    }
    fs.writeFileSync(file, JSON.stringify(pkg, null, 2) + "\n");
  ' "$app/package.json" "$list"
  adoption_pin_release "$app"
  adoption_seed_lockfile "$app"
}

# create-app seeds a new app's yarn.lock from a file it downloads from
# GitHub, which holds the app at versions that work together; without it
# (no GitHub here) the caret ranges of its templates take the newest
# versions on the registry, past the release: @backstage/plugin-signals-backend
# 0.3.21 calls httpRouter.addWebSocketHandler, which backend-defaults 0.18.0
# (Backstage 1.55.0) does not have, and the backend fails to start. So the
# app holds every @backstage package of create-app's own version table, the
# release 1.55.0, at its exact version, through resolutions.
adoption_pin_release() {
  local app="$1" unpacked="$1-create-app"
  mkdir -p "$unpacked"
  (cd "$unpacked" && npm pack --silent "$ADOPTION_CREATE_APP" >/dev/null &&
    tar xzf ./*.tgz) || die "could not fetch $ADOPTION_CREATE_APP"
  node -e '
    const fs = require("fs");
    const [file, table] = process.argv.slice(1);
    const { packageVersions } = require(table);
    const pkg = JSON.parse(fs.readFileSync(file, "utf8"));
    for (const [name, version] of Object.entries(packageVersions)) {
      if (name.startsWith("@backstage/")) pkg.resolutions[name] = version;
    }
    fs.writeFileSync(file, JSON.stringify(pkg, null, 2) + "\n");
    console.log(`Backstage ${packageVersions.root}: ${Object.keys(packageVersions).length - 1} @backstage packages pinned`);
  ' "$app/package.json" "$unpacked/package/dist/lib/versions.cjs.js"
  rm -rf "$unpacked"
}

# The app's lockfile of the last passing run, by create-app release: with it
# the install resolves only what changed instead of the whole tree (create-app
# itself seeds yarn.lock the same way, from a file it downloads). The suite's
# entries are left out, so they always come from this run's tarballs.
ADOPTION_LOCKFILE_CACHE="$TOOLS_DIR/adoption-cache/yarn.lock-${ADOPTION_CREATE_APP##*@}"

adoption_seed_lockfile() {
  local app="$1"
  [ -f "$ADOPTION_LOCKFILE_CACHE" ] || return 0
  node -e '
    const fs = require("fs");
    const [from, to] = process.argv.slice(1);
    const entries = fs.readFileSync(from, "utf8").split(/\n(?=\S)/);
    const kept = entries.filter(e => !e.includes("@aws-platform-suite/"));
    fs.writeFileSync(to, kept.join("\n"));
  ' "$ADOPTION_LOCKFILE_CACHE" "$app/yarn.lock"
  echo "==> Seeded the app's yarn.lock from the last passing run"
}

adoption_save_lockfile() {
  mkdir -p "$(dirname "$ADOPTION_LOCKFILE_CACHE")"
  cp "$1/yarn.lock" "$ADOPTION_LOCKFILE_CACHE"
}

# Gives the app's better-sqlite3 its compiled addon. The addon depends only
# on better-sqlite3's version and Node's ABI, so it is cached under
# .tools/adoption-cache by both; the repository's own build is reused when
# the versions match, else the package's own install command compiles it.
adoption_sqlite_addon() {
  local app="$1" dir="$1/node_modules/better-sqlite3"
  local version abi cached target
  version="$(node -p "require('$dir/package.json').version")"
  abi="$(node -p 'process.versions.modules')"
  cached="$TOOLS_DIR/adoption-cache/better-sqlite3-$version-abi$abi.node"
  target="$dir/build/Release/better_sqlite3.node"
  if [ ! -f "$cached" ]; then
    local repo_dir="$REPO_ROOT/node_modules/better-sqlite3"
    mkdir -p "$(dirname "$cached")"
    if [ "$(node -p "require('$repo_dir/package.json').version")" = "$version" ] &&
      [ -f "$repo_dir/build/Release/better_sqlite3.node" ]; then
      cp "$repo_dir/build/Release/better_sqlite3.node" "$cached"
    else
      echo "==> Compiling better-sqlite3 $version for Node ABI $abi (cached afterwards)"
      (cd "$dir" && PATH="$app/node_modules/.bin:$PATH" node-gyp rebuild --release) ||
        die "better-sqlite3 did not build; check that python3, make and g++ are installed"
      cp "$target" "$cached"
    fi
  fi
  mkdir -p "$(dirname "$target")"
  cp "$cached" "$target"
  (cd "$app/packages/backend" && node -e "new (require('better-sqlite3'))(':memory:').close()") ||
    die "the app's better-sqlite3 does not load"
}

# The test's own config, loaded after the app's: loopback only, on a free
# port, and the backend serving the built frontend at its own address.
adoption_test_config() {
  local file="$1" port="$2"
  cat >"$file" <<EOF
app:
  baseUrl: http://127.0.0.1:$port
backend:
  baseUrl: http://127.0.0.1:$port
  listen:
    host: 127.0.0.1
    port: $port
  cors:
    origin: http://127.0.0.1:$port
EOF
}
