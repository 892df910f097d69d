#!/usr/bin/env bash
# Vendors the open web fonts the pages and charts use: Noto Naskh Arabic (Arabic script) and
# Noto Sans (Latin), both under the SIL Open Font License 1.1, as packaged by Fontsource on npm.
# Only the subsets the pages need are kept (Arabic; Latin and Latin Extended), regular and bold,
# as WOFF2. The files are committed so that builds need no network; this script is how they were
# made (with each tarball's and file's SHA-256 in FONTS.md) and how to bump the version.
#
# Usage: scripts/vendor-fonts.sh        (from anywhere; needs npm, tar, sha256sum)
set -euo pipefail

VERSION=5.3.0
declare -A FILES=(
    [noto-naskh-arabic]="noto-naskh-arabic-arabic-400-normal.woff2 noto-naskh-arabic-arabic-700-normal.woff2"
    [noto-sans]="noto-sans-latin-400-normal.woff2 noto-sans-latin-700-normal.woff2 noto-sans-latin-ext-400-normal.woff2"
)

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dest="$root/crates/web/static/fonts"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$dest"

{
    echo "# Vendored: web fonts"
    echo
    echo "Made by \`scripts/vendor-fonts.sh\` from the Fontsource packages on npm, version $VERSION."
    echo "Licence: SIL Open Font License 1.1 (\`OFL-<package>.txt\`, each package's own), copyright The Noto Project Authors."
    echo
    echo "| package | tarball SHA-256 | file | file SHA-256 |"
    echo "|---|---|---|---|"
} >"$dest/FONTS.md"

for package in noto-naskh-arabic noto-sans; do
    (cd "$work" && npm pack --silent "@fontsource/$package@$VERSION" >/dev/null)
    tarball="$work/fontsource-$package-$VERSION.tgz"
    mkdir -p "$work/$package"
    tar -xzf "$tarball" -C "$work/$package"
    licence="$(node -e 'console.log(require(process.argv[1]).license)' "$work/$package/package/package.json")"
    [ "$licence" = "OFL-1.1" ] || { echo "error: $package is licensed $licence, not OFL-1.1" >&2; exit 1; }
    cp "$work/$package/package/LICENSE" "$dest/OFL-$package.txt"
    tarball_sha="$(sha256sum "$tarball" | cut -d' ' -f1)"
    for f in ${FILES[$package]}; do
        cp "$work/$package/package/files/$f" "$dest/$f"
        echo "| @fontsource/$package | \`$tarball_sha\` | \`$f\` | \`$(sha256sum "$dest/$f" | cut -d' ' -f1)\` |" >>"$dest/FONTS.md"
    done
done
echo "vendored into $dest"
