#!/usr/bin/env bash
# Benchmark of iTop's bulk endpoints on the running service, as people run it: starts the jar on a
# fresh embedded database with -Xmx256m, imports 100 000 persons through webservices/import.php in
# chunks of 10 000 rows (one transaction each), then exports them all as CSV through
# webservices/export-v2.php while sampling the heap with jstat. Prints rows/s and the peak heap.
# A benchmark, not a test: see docs/performance.md.
#
#   bash scripts/bulk-bench.sh
#
# Knobs (environment): ROWS (100000), CHUNK (10000), EXPORTS (3), SKIP_BUILD (unset: build).
set -euo pipefail

ROWS=${ROWS:-100000}
CHUNK=${CHUNK:-10000}
EXPORTS=${EXPORTS:-3}
ADMIN_PASSWORD='bulk benchmark administrator password'
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=$(mktemp -d -t tokensmith-bulk-XXXXXX)
SERVICE_PID=
SAMPLER_PID=

cleanup() {
  [[ -n "$SAMPLER_PID" ]] && kill "$SAMPLER_PID" 2>/dev/null || true
  if [[ -n "$SERVICE_PID" ]] && kill -0 "$SERVICE_PID" 2>/dev/null; then
    kill -TERM "$SERVICE_PID" 2>/dev/null || true
    wait "$SERVICE_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
say() { printf '%s\n' "$*" >&2; }
for tool in curl java jstat awk; do
  command -v "$tool" >/dev/null || { say "this script needs $tool"; exit 1; }
done

JAR="$ROOT/bootstrap/target/tokensmith.jar"
if [[ -z "${SKIP_BUILD:-}" ]]; then
  say "building the jar (mvn -B -q -DskipTests package)"
  (cd "$ROOT" && mvn -B -q -o -DskipTests package -pl bootstrap -am)
fi

say "starting tokensmith (-Xmx256m, embedded PostgreSQL)"
TOKENSMITH_HTTP_PORT=0 TOKENSMITH_DATA_DIR="$WORK/data" TOKENSMITH_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
  TOKENSMITH_DEMO_DATA=false TOKENSMITH_DB_URL= \
  java -Xmx256m -jar "$JAR" >"$WORK/service.log" 2>"$WORK/service.err" &
SERVICE_PID=$!
PORT=
for _ in $(seq 1 240); do
  PORT=$(sed -n 's|.*ready at http://[^:]*:\([0-9]*\)/.*|\1|p' "$WORK/service.log" | head -1)
  [[ -n "$PORT" ]] && break
  kill -0 "$SERVICE_PID" 2>/dev/null || { cat "$WORK/service.log" "$WORK/service.err" >&2; exit 1; }
  sleep 0.5
done
[[ -n "$PORT" ]] || { say "the service did not start"; exit 1; }
BASE="http://127.0.0.1:$PORT"

login=$(curl -sf -c "$WORK/cookies" -X POST "$BASE/api/v1/session" -H 'Content-Type: application/json' \
  -d "{\"login\":\"admin\",\"password\":\"$ADMIN_PASSWORD\"}")
csrf=$(printf '%s' "$login" | sed -n 's/.*"csrfToken":"\([^"]*\)".*/\1/p')
TOKEN=$(curl -sf -b "$WORK/cookies" -X POST "$BASE/api/v1/me/tokens" -H 'Content-Type: application/json' \
  -H "X-CSRF-Token: $csrf" -d '{"application":"bulk benchmark","scopes":["import","export"],"expiresAt":null}' |
  sed -n 's/.*"secret":"\(tks[^"]*\)".*/\1/p')
ORG=$(curl -sf -H "Auth-Token: $TOKEN" "$BASE/webservices/export-v2.php" --data-urlencode 'expression=SELECT Organization' \
  -d format=csv -d fields=name -d no_localize=1 -G | sed -n '2p' | tr -d '"')
say "importing $ROWS persons into '$ORG' in chunks of $CHUNK"

import_total=0
chunks=0
for start in $(seq 0 "$CHUNK" $((ROWS - 1))); do
  awk -v start="$start" -v n="$CHUNK" -v org="$ORG" 'BEGIN {
    print "first_name,name,email,org_id->name";
    for (i = start; i < start + n; i++) printf "Émile%d,Zola%d,person%d@bench.example,\"%s\"\n", i, i, i, org }' \
    >"$WORK/chunk.csv"
  read -r seconds body < <(curl -s -o "$WORK/import.out" -w '%{time_total} %{size_upload}\n' \
    -H "Auth-Token: $TOKEN" "$BASE/webservices/import.php" -d class=Person -d no_localize=1 \
    -d charset=UTF-8 -d output=summary --data-urlencode "csvdata@$WORK/chunk.csv")
  grep -q "^#Created: $CHUNK$" "$WORK/import.out" || { cat "$WORK/import.out" >&2; exit 1; }
  say "  import of rows $start..$((start + CHUNK - 1)): ${seconds}s ($(awk -v n="$CHUNK" -v s="$seconds" 'BEGIN{printf "%.0f", n/s}') rows/s)"
  import_total=$(awk -v a="$import_total" -v b="$seconds" 'BEGIN{print a+b}')
  chunks=$((chunks + 1))
done
IMPORT_RATE=$(awk -v n="$ROWS" -v s="$import_total" 'BEGIN{printf "%.0f", n/s}')

heap_used() { jstat -gc "$SERVICE_PID" | awk 'NR == 2 { printf "%.0f\n", ($3 + $4 + $6 + $8) / 1024 }'; }
jcmd "$SERVICE_PID" GC.run >/dev/null 2>&1 || true
sleep 1
BASELINE=$(heap_used)
(while true; do heap_used; sleep 0.1; done) >"$WORK/heap.samples" 2>/dev/null &
SAMPLER_PID=$!
best=
for run in $(seq 1 "$EXPORTS"); do
  read -r seconds size < <(curl -s -o "$WORK/export.csv" -w '%{time_total} %{size_download}\n' -G \
    -H "Auth-Token: $TOKEN" "$BASE/webservices/export-v2.php" --data-urlencode 'expression=SELECT Person' \
    -d format=csv --data-urlencode 'fields=id,friendlyname,first_name,name,email,org_id,org_id->name')
  lines=$(($(wc -l <"$WORK/export.csv") - 1))
  rate=$(awk -v n="$lines" -v s="$seconds" 'BEGIN{printf "%.0f", n/s}')
  say "  export $run: $lines rows, $size bytes in ${seconds}s ($rate rows/s)"
  best=$(awk -v a="${best:-0}" -v b="$rate" 'BEGIN{print (b > a ? b : a)}')
done
kill "$SAMPLER_PID" 2>/dev/null || true
SAMPLER_PID=
PEAK=$(sort -n "$WORK/heap.samples" | tail -1)
printf '\n| what | result |\n|---|---|\n'
printf '| import, %d rows in chunks of %d | %s rows/s |\n' "$ROWS" "$CHUNK" "$IMPORT_RATE"
printf '| export of %d persons as CSV (best of %d) | %s rows/s |\n' "$lines" "$EXPORTS" "$best"
printf '| heap used (MiB): after a GC before the exports / peak during them (-Xmx256m) | %s / %s |\n' "$BASELINE" "$PEAK"
