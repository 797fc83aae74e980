#!/usr/bin/env bash
# Re-vendor the HTML view's JavaScript libraries from the npm registry at their pinned versions, checking
# each tarball against the integrity pinned here. The files land in graph/viz/vendor/ with their licences;
# ofsted-kg inlines them into every page, so a page needs no network. Needs npm (Debian's `npm`).
set -euo pipefail
cd "$(dirname "$0")/.."
dest=graph/viz/vendor
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# package version integrity file-in-tarball vendored-name
while read -r pkg version integrity file name; do
  got=$(cd "$work" && npm pack --json "$pkg@$version" 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["integrity"])')
  if [ "$got" != "$integrity" ]; then echo "$pkg@$version: integrity $got, expected $integrity" >&2; exit 1; fi
  mkdir -p "$work/$pkg" && tar -xzf "$work/$pkg-$version.tgz" -C "$work/$pkg"
  cp "$work/$pkg/package/$file" "$dest/$name"
  cp "$work/$pkg/package/LICENSE.txt" "$dest/$pkg-LICENSE.txt"
  echo "$pkg@$version -> $dest/$name"
done <<'PINS'
sigma 3.0.3 sha512-5H0zFlx6/NTQpqBg4Rm569ZOpnBOXMaS25UQThIWMU3XyzI5AhmorK/gnl87BvJBLhQd0tW4C0LIp3enWzMoNw== dist/sigma.min.js sigma-3.0.3.min.js
graphology 0.26.0 sha512-8SSImzgUUYC89Z042s+0r/vMibY7GX/Emz4LDO5e7jYXhuoWfHISPFJYjpRLUSJGq6UQ6xlenvX1p/hJdfXuXg== dist/graphology.umd.min.js graphology-0.26.0.umd.min.js
PINS
