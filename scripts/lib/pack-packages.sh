#!/usr/bin/env bash
# Builds the suite's published packages (every plugins/* package that is not
# private) and packs each into a tarball as the registry would receive it:
# `yarn pack` runs the package's prepack (backstage-cli rewrites the entry
# points to dist/ from publishConfig and the build output, compiles config.d.ts
# to config.schema.json) and postpack (restores package.json), and replaces
# `workspace:^` ranges with the packages' versions.
#
# Usage: scripts/lib/pack-packages.sh <output folder>
# Prints the absolute path of each tarball, one a line, on stdout; progress
# goes to stderr. Fails if a build or pack fails, or if a pack leaves the
# package's package.json changed or its generated files behind.
# PACK_SKIP_TSC=1 skips the type check when the caller has just run `yarn tsc`.
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"

[ $# -eq 1 ] || die "usage: $0 <output folder>"
mkdir -p "$1"
out_dir="$(cd "$1" && pwd)"

ensure_toolchain >&2
cd "$REPO_ROOT"

# name<TAB>folder of each published package, in the workspace's order
published_packages() {
  node -e '
    const fs = require("node:fs");
    for (const dir of fs.readdirSync("plugins").sort()) {
      const file = `plugins/${dir}/package.json`;
      if (!fs.existsSync(file)) continue;
      const pkg = JSON.parse(fs.readFileSync(file, "utf8"));
      if (!pkg.private) console.log(`${pkg.name}\tplugins/${dir}`);
    }'
}

# the file name npm gives a package's tarball: @scope/name 1.2.3 -> scope-name-1.2.3.tgz
tarball_name() {
  node -p 'const p = require(process.argv[1]); `${p.name.replace(/^@/, "").replace("/", "-")}-${p.version}.tgz`' \
    "$REPO_ROOT/$1/package.json"
}

if [ "${PACK_SKIP_TSC:-}" != 1 ]; then
  echo "==> Type declarations (yarn tsc), which the package builds bundle" >&2
  yarn tsc >&2
fi

# Build and pack one package; its output is kept and shown whole if it fails.
build_and_pack() {
  local name="$1" dir="$2" tarball="$3" log before
  log="$(mktemp)"
  before="$(sha256sum "$dir/package.json")"
  if ! (cd "$dir" && yarn backstage-cli package build && yarn pack --out "$tarball") >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    die "building or packing $name failed"
  fi
  rm -f "$log"
  [ "$(sha256sum "$dir/package.json")" = "$before" ] || die "packing $name changed $dir/package.json"
  for leftover in package.json-prepack config.schema.json; do
    [ ! -e "$dir/$leftover" ] || die "packing $name left $dir/$leftover behind"
  done
  echo "==> $name: built and packed" >&2
}
export -f build_and_pack die

# Each package's build bundles its own dist-types and its pack rewrites only
# its own package.json, so two packages are done at once: on a 2-core
# machine all six took 76 s one at a time and 46 s two at a time.
while IFS=$'\t' read -r name dir; do
  printf '%s\0%s\0%s\0' "$name" "$dir" "$out_dir/$(tarball_name "$dir")"
done < <(published_packages) |
  xargs -0 -n 3 -P 2 bash -c 'build_and_pack "$@"' _

while IFS=$'\t' read -r _ dir; do
  echo "$out_dir/$(tarball_name "$dir")"
done < <(published_packages)
