#!/usr/bin/env bash
# Vendors the country boundaries that taawun-charts draws its world map from.
#
# Source: the npm package world-atlas (ISC licence), built by Mike Bostock from Natural Earth's
# public-domain Admin 0 country boundaries. The files are committed so that builds need no
# network; this script is how they were made and how to bump the version.
#
# Usage: scripts/vendor-world-atlas.sh        (from anywhere; needs npm, tar, sha256sum)
set -euo pipefail

PACKAGE=world-atlas
VERSION=2.0.2
FILES=(countries-110m.json countries-50m.json)

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dest="$root/crates/charts/assets"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent "$PACKAGE@$VERSION" >/dev/null)
tarball="$work/$PACKAGE-$VERSION.tgz"
tar -xzf "$tarball" -C "$work"

mkdir -p "$dest"
for f in "${FILES[@]}"; do
    cp "$work/package/$f" "$dest/$f"
done

licence_name="$(node -e 'console.log(require(process.argv[1]).license)' "$work/package/package.json")"
tarball_sha="$(sha256sum "$tarball" | cut -d' ' -f1)"

{
    echo "# Vendored: $PACKAGE $VERSION"
    echo
    echo "The world map of \`taawun-charts\` draws country boundaries from the npm package"
    echo "[\`$PACKAGE\`](https://www.npmjs.com/package/$PACKAGE), version $VERSION, licence $licence_name."
    echo
    echo "## Attribution"
    echo
    echo "Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com."
    echo "Natural Earth data is in the public domain. The TopoJSON conversion is the work of the"
    echo "$PACKAGE package, whose licence follows."
    echo
    echo "## Licence of $PACKAGE"
    echo
    echo '```text'
    cat "$work/package/LICENSE"
    echo '```'
    echo
    echo "## Files"
    echo
    echo "| file | bytes | sha256 |"
    echo "|---|---|---|"
    for f in "${FILES[@]}"; do
        echo "| \`$f\` | $(wc -c <"$dest/$f" | tr -d ' ') | \`$(sha256sum "$dest/$f" | cut -d' ' -f1)\` |"
    done
    echo
    echo "npm tarball \`$PACKAGE-$VERSION.tgz\`: sha256 \`$tarball_sha\`."
    echo
    echo "## Regenerate"
    echo
    echo '```sh'
    echo "scripts/vendor-world-atlas.sh"
    echo '```'
    echo
    echo "It runs \`npm pack $PACKAGE@$VERSION\` in a temporary directory, copies the files above"
    echo "here and rewrites this file. Change \`VERSION\` in the script to move to another release."
} >"$dest/WORLD-ATLAS.md"

echo "vendored $PACKAGE@$VERSION into $dest"
