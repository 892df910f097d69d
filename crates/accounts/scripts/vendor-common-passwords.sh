#!/usr/bin/env bash
# Fetches the common-password list that Django ships (django/contrib/auth/common-passwords.txt.gz)
# from Django's wheel on PyPI, and writes it, un-gzipped, to assets/common-passwords.txt together
# with Django's licence. Both the wheel and the list are checked against pinned SHA-256 sums, so a
# re-run either reproduces the vendored files byte for byte or fails.
#
# To move to a newer Django: change DJANGO_VERSION, run with UPDATE=1 to print the new sums, review
# the diff of assets/common-passwords.txt, then pin the sums here and in assets/COMMON-PASSWORDS.md.
set -euo pipefail

DJANGO_VERSION=6.1.3
WHEEL_SHA256=a0530e3fdac55d34ccc5893c36f6c57d7a7083064f3d414537e51473648b3290
LIST_SHA256=29ca0fa5303165f012f3e9775e3e95a3071cdd59f219973ec1cbb308d0214a6f

assets="$(cd "$(dirname "$0")/.." && pwd)/assets"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# --python-version/--only-binary: the wheel is pure Python, so any local Python can fetch it.
python3 -m pip download --quiet --no-deps --only-binary=:all: --python-version 3.12 \
    --dest "$tmp" "Django==${DJANGO_VERSION}"
wheel="$tmp/django-${DJANGO_VERSION}-py3-none-any.whl"

check() { # check SHA256 FILE
    if [ "${UPDATE:-0}" = 1 ]; then
        sha256sum "$2"
    else
        echo "$1  $2" | sha256sum --check --quiet -
    fi
}

check "$WHEEL_SHA256" "$wheel"

python3 - "$wheel" "$DJANGO_VERSION" "$assets" <<'PY'
import gzip, sys, zipfile
wheel, version, assets = sys.argv[1:]
with zipfile.ZipFile(wheel) as z:
    words = gzip.decompress(z.read("django/contrib/auth/common-passwords.txt.gz"))
    licence = z.read(f"django-{version}.dist-info/licenses/LICENSE")
with open(f"{assets}/common-passwords.txt", "wb") as f:
    f.write(words)
with open(f"{assets}/DJANGO-LICENSE", "wb") as f:
    f.write(licence)
PY

check "$LIST_SHA256" "$assets/common-passwords.txt"
echo "assets/common-passwords.txt: $(wc -l < "$assets/common-passwords.txt") passwords from Django ${DJANGO_VERSION}"
