#!/usr/bin/env bash
# Load test of every public page and API read, with the whole voting record loaded.
#
#   scripts/load-test.sh [POSTGRES_URL]
#   ONLY='^/(upr|sdg|api/v1/upr)' scripts/load-test.sh   # only the URLs that match
#
# Builds the release binary, creates a fresh data directory, loads the public voting records from
# ../shared/data/votes (the Council's and the Assembly's roll calls) and the Universal Periodic
# Review's (UPR Info's compilation in ../shared/data/upr, the SDGs), starts `taawun serve` on
# loopback with the API rate limit switched off (--api-rate-limit 0), and for every URL below
# times one cold request (curl, the first request of that URL on the fresh server) and then
# drives it with wrk at 32 connections. Prints one table and stops the server.
#
# With POSTGRES_URL (a database of its own: the script migrates it and imports into it; a second
# run adds nothing) the same is done on PostgreSQL after SQLite.
#
# Bounded: each URL runs DURATION seconds (default 5) and at most MAX_REQUESTS requests
# (default 200000); traffic goes to 127.0.0.1 only. Needs wrk and curl. Not part of CI (about
# three minutes per engine).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
SHARED=${SHARED:-$ROOT/../shared/data}
PORT=${PORT:-18231}
DURATION=${DURATION:-5}
MAX_REQUESTS=${MAX_REQUESTS:-200000}
ONLY=${ONLY:-}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}

for tool in wrk curl; do
    command -v "$tool" >/dev/null || { echo "error: $tool is needed (apt-get install $tool)" >&2; exit 1; }
done
if [ ! -d "$SHARED/votes/hrc" ] || [ ! -d "$SHARED/votes/unga" ]; then
    echo "error: the public voting records are not in $SHARED/votes (set SHARED=…)" >&2
    exit 1
fi

cargo build --release -p taawun >&2
TAAWUN=${CARGO_TARGET_DIR:-$ROOT/target}/release/taawun

WORK=$(mktemp -d)
SERVER=""
cleanup() {
    if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

# wrk stops each thread after its share of MAX_REQUESTS responses.
cat >"$WORK/bounded.lua" <<EOF
local limit = math.ceil($MAX_REQUESTS / $THREADS)
local seen = 0
function response(status, headers, body)
    seen = seen + 1
    if seen >= limit then wrk.thread:stop() end
end
EOF

# Every public page and API read of the route table, with the filters people use most.
URLS=(
    "/"
    "/healthz"
    "/readyz"
    "/resolutions"
    "/resolutions?body=general-assembly"
    "/resolutions?body=human-rights-council"
    "/resolutions?page=50"
    "/resolutions?page=120"
    "/resolutions?sort=symbol&order=asc&page=100"
    "/resolutions?body=general-assembly&year=1990"
    "/resolutions/A/HRC/RES/56/2"
    "/resolutions/A/RES/62/102"
    "/mandates"
    "/states"
    "/states?group=african"
    "/states/FRA"
    "/states/resolve?name=Egypte"
    "/states/FRA/votes"
    "/states/FRA/votes?page=120"
    "/states/BRA/votes?body=unga"
    "/states/EGY/votes?body=hrc&with=USA"
    "/votes"
    "/votes?state=FRA"
    "/votes?body=hrc&state=EGY"
    "/search?q=human+rights"
    "/organisations"
    "/about/sources"
    "/about/api"
    "/sign-in"
    "/password/forgot"
    "/states/FRA/votes?body=hrc&not_members=show"
    "/history/resolution/A/HRC/RES/56/2"
    "/static/style.css"
    "/api/openapi.json"
    "/api/v1/resolutions"
    "/api/v1/resolutions?body=general-assembly&page=100"
    "/api/v1/resolutions/A%2FHRC%2FRES%2F56%2F2"
    "/api/v1/resolutions/A%2FRES%2F62%2F102/votes"
    "/api/v1/mandates"
    "/api/v1/states"
    "/api/v1/states/FRA"
    "/api/v1/states/resolve?name=Egypte"
    "/api/v1/states/FRA/votes"
    "/api/v1/states/FRA/votes?page=120"
    "/api/v1/states/FRA/votes?body=hrc"
    "/api/v1/votes/agreement?a=EGY&b=USA&body=unga"
    "/api/v1/votes/agreement?a=FRA"
    "/api/v1/votes/agreement-matrix?body=hrc"
    "/api/v1/votes/cohesion"
    "/api/v1/votes/map?body=hrc"
    "/api/v1/votes/issues"
    "/api/v1/search?q=human+rights"
    "/api/v1/organisations"
    "/api/v1/history/resolution/A%2FHRC%2FRES%2F56%2F2"
    "/upr"
    "/upr/recommendations"
    "/upr/recommendations?page=200"
    "/upr/recommendations?reviewed=COD"
    "/upr/recommendations?recommending=FRA&response=noted"
    "/upr/recommendations?theme=Women%27s%20rights&cycle=2"
    "/upr/states/COD"
    "/upr/states/FRA"
    "/upr/sessions/20"
    "/upr/themes/Women%27s%20rights"
    "/sdg"
    "/sdg/16.3"
    "/api/v1/upr/recommendations?reviewed=COD"
    "/api/v1/upr/recommendations?recommending=FRA&page=20"
    "/api/v1/upr/states/COD"
    "/api/v1/sdg/targets/16.3"
)

# run ENGINE DATABASE_URL: load, serve, measure, stop.
run() {
    local engine=$1 url=$2
    local data="$WORK/$engine"
    local global=(--data-dir "$data")
    [ -n "$url" ] && global+=(--database-url "$url")
    mkdir -p "$data"
    "$TAAWUN" "${global[@]}" migrate >&2
    "$TAAWUN" "${global[@]}" import votes --format hrc "$SHARED/votes/hrc" >&2
    "$TAAWUN" "${global[@]}" import votes --format unga "$SHARED/votes/unga" >&2
    "$TAAWUN" "${global[@]}" import upr --format upr-info "$SHARED/upr" >&2
    "$TAAWUN" "${global[@]}" import sdg "$SHARED/sdg" >&2
    RUST_LOG=warn "$TAAWUN" "${global[@]}" serve --addr "127.0.0.1:$PORT" --api-rate-limit 0 \
        >"$WORK/$engine-serve.log" 2>&1 &
    SERVER=$!
    for _ in $(seq 100); do
        curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
        sleep 0.1
    done
    printf '\n%s, %s connections, %ss or %s requests per URL\n' "$engine" "$CONNECTIONS" "$DURATION" "$MAX_REQUESTS"
    printf '| %-52s | %10s | %9s | %9s | %9s | %s |\n' URL requests/s p50 p99 cold status
    printf '|%s|%s|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..54})" ------------ ----------- ----------- ----------- --------
    for path in "${URLS[@]}"; do
        if [ -n "$ONLY" ] && ! [[ $path =~ $ONLY ]]; then continue; fi
        local target="http://127.0.0.1:$PORT$path"
        local cold status
        read -r status cold < <(curl -s -o /dev/null -w '%{http_code} %{time_total}\n' "$target")
        local out
        out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$WORK/bounded.lua" "$target" 2>&1)
        local rps p50 p99 errors
        rps=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' <<<"$out")
        p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
        p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
        errors=$(awk '/Non-2xx or 3xx responses:/ {print $5}' <<<"$out")
        [ -n "$errors" ] && status="$status ($errors non-2xx)"
        printf '| %-52s | %10s | %9s | %9s | %7.1fms | %s |\n' "$path" "$rps" "$p50" "$p99" \
            "$(awk -v s="$cold" 'BEGIN {print s * 1000}')" "$status"
    done
    kill "$SERVER"
    wait "$SERVER" 2>/dev/null || true
    SERVER=""
}

run sqlite ""
if [ $# -ge 1 ] && [ -n "$1" ]; then
    run postgresql "$1"
fi
