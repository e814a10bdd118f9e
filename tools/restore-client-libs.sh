#!/usr/bin/env bash
# Restores the client libraries declared in libman.json from the npm registry
# (the LibMan CLI is not available here; unpkg serves the same npm tarballs).
# The restored files are committed, so the build never needs this script or a CDN.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
node -e '
  const m = require(process.argv[1]);
  for (const l of m.libraries) for (const f of l.files) console.log(`${l.library}\t${l.destination}\t${f}`);
' "$root/libman.json" | while IFS=$'\t' read -r lib dest file; do
  dir="$work/${lib//[@\/]/_}"
  if [ ! -d "$dir" ]; then
    mkdir -p "$dir"
    (cd "$dir" && npm pack --silent "$lib" >/dev/null && tar xzf ./*.tgz)
  fi
  install -D -m 644 "$dir/package/$file" "$root/$dest$file"
  echo "restored $lib $file"
done
