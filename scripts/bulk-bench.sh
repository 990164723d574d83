#!/usr/bin/env bash
# Benchmark of iTop's bulk endpoints on the running service, as people run it: starts the jar on a
# fresh embedded database with -Xmx256m, imports 100 000 persons through webservices/import.php in
# chunks of 10 000 rows (one transaction each; each chunk is an import of 10 000 rows that all
# create), imports the first chunk again with every phone changed (10 000 updates) and once more
# unchanged (10 000 reconciled, nothing written), then exports them all as CSV through
# webservices/export-v2.php. jstat samples the heap every 100 ms throughout; the SQL statements
# are read from /metrics around each import. Prints rows/s, statements per row and the peak heap.
# A benchmark, not a test: see docs/performance.md.
#
#   bash scripts/bulk-bench.sh
#
# Knobs (environment): ROWS (100000), CHUNK (10000), EXPORTS (3), SKIP_BUILD (unset: build),
# JAR (the jar to run; default bootstrap/target/tokensmith.jar), JAVA_OPTS (more JVM options, e.g.
# -XX:StartFlightRecording=settings=profile,filename=bulk.jfr to profile a run).
set -euo pipefail

ROWS=${ROWS:-100000}
CHUNK=${CHUNK:-10000}
EXPORTS=${EXPORTS:-3}
ADMIN_PASSWORD='bulk benchmark administrator password'
# shellcheck source=scripts/bench-common.sh
source "$(dirname "${BASH_SOURCE[0]}")/bench-common.sh"
bench_start bulk curl java jstat awk
TOKEN=$(bench_token "bulk benchmark" '"import","export"')
ORG=$(bench_organization "$TOKEN")
say "importing $ROWS persons into '$ORG' in chunks of $CHUNK"

heap_used() { jstat -gc "$SERVICE_PID" | awk 'NR == 2 { printf "%.0f\n", ($3 + $4 + $6 + $8) / 1024 }'; }
# the heap in use (young and old generation, garbage included) and the old generation alone: what
# survives collections; a stream keeps the old generation flat while the young one fills and empties
heap_sample() { jstat -gc "$SERVICE_PID" | awk 'NR == 2 { printf "%.0f %.0f\n", ($3 + $4 + $6 + $8) / 1024, $8 / 1024 }'; }
sample_heap() { (while true; do heap_sample; sleep 0.1; done) >"$WORK/$1.samples" 2>/dev/null & SAMPLER_PID=$!; }
# prints "peak used / peak old generation" in MiB
stop_sampling() {
  kill "$SAMPLER_PID" 2>/dev/null || true
  wait "$SAMPLER_PID" 2>/dev/null || true
  SAMPLER_PID=
  awk '$1 > used { used = $1 } $2 > old { old = $2 } END { printf "%d / %d\n", used, old }' "$WORK/$1.samples"
}

# chunk FIRST_ROW PHONE_PREFIX: the CSV of CHUNK persons from FIRST_ROW on (reconciled on iTop's
# default keys of these columns: name, first_name, org_id, email; an empty phone is none)
chunk() {
  awk -v start="$1" -v n="$CHUNK" -v org="$ORG" -v phone="$2" 'BEGIN {
    print "first_name,name,email,phone,org_id->name";
    for (i = start; i < start + n; i++)
      printf "Émile%d,Zola%d,person%d@bench.example,%s,\"%s\"\n", i, i, i, (phone == "" ? "" : phone i), org }' \
    >"$WORK/chunk.csv"
}
# import EXPECTED_LINE: imports chunk.csv, checks the summary line, prints "seconds statements"
import_chunk() {
  local before after seconds
  before=$(statements)
  seconds=$(curl -s -o "$WORK/import.out" -w '%{time_total}' \
    -H "Auth-Token: $TOKEN" "$BASE/webservices/import.php" -d class=Person -d no_localize=1 \
    -d charset=UTF-8 -d output=summary --data-urlencode "csvdata@$WORK/chunk.csv")
  after=$(statements)
  grep -q "^$1$" "$WORK/import.out" || { cat "$WORK/import.out" >&2; exit 1; }
  echo "$seconds $((after - before))"
}

jcmd "$SERVICE_PID" GC.run >/dev/null 2>&1 || true
sleep 1
IMPORT_BASELINE=$(heap_used)
sample_heap import
import_total=0
FIRST_RATE=
FIRST_STATEMENTS=
for start in $(seq 0 "$CHUNK" $((ROWS - 1))); do
  chunk "$start" ""
  read -r seconds count < <(import_chunk "#Created: $CHUNK")
  say "  import of rows $start..$((start + CHUNK - 1)) (creates): ${seconds}s ($(rate "$CHUNK" "$seconds") rows/s, $count SQL statements)"
  [[ -z "$FIRST_RATE" ]] && FIRST_RATE=$(rate "$CHUNK" "$seconds") && FIRST_STATEMENTS=$count
  import_total=$(awk -v a="$import_total" -v b="$seconds" 'BEGIN{print a+b}')
done
IMPORT_RATE=$(rate "$ROWS" "$import_total")
chunk 0 "+33 1 "
read -r seconds UPDATE_STATEMENTS < <(import_chunk "#Updated: $CHUNK")
UPDATE_RATE=$(rate "$CHUNK" "$seconds")
say "  import of rows 0..$((CHUNK - 1)) again, every phone changed: ${seconds}s ($UPDATE_RATE rows/s, $UPDATE_STATEMENTS SQL statements)"
read -r seconds UNCHANGED_STATEMENTS < <(import_chunk "#Unchanged: $CHUNK")
UNCHANGED_RATE=$(rate "$CHUNK" "$seconds")
say "  the same import once more (all unchanged): ${seconds}s ($UNCHANGED_RATE rows/s, $UNCHANGED_STATEMENTS SQL statements)"
IMPORT_PEAK=$(stop_sampling import)

jcmd "$SERVICE_PID" GC.run >/dev/null 2>&1 || true
sleep 1
BASELINE=$(heap_used)
sample_heap export
best=
for run in $(seq 1 "$EXPORTS"); do
  read -r seconds size < <(curl -s -o "$WORK/export.csv" -w '%{time_total} %{size_download}\n' -G \
    -H "Auth-Token: $TOKEN" "$BASE/webservices/export-v2.php" --data-urlencode 'expression=SELECT Person' \
    -d format=csv --data-urlencode 'fields=id,friendlyname,first_name,name,email,org_id,org_id->name')
  lines=$(($(wc -l <"$WORK/export.csv") - 1))
  rate=$(rate "$lines" "$seconds")
  say "  export $run: $lines rows, $size bytes in ${seconds}s ($rate rows/s)"
  best=$(awk -v a="${best:-0}" -v b="$rate" 'BEGIN{print (b > a ? b : a)}')
done
PEAK=$(stop_sampling export)
printf '\n| what | result |\n|---|---|\n'
printf '| import of %d new rows into an empty table (first chunk) | %s rows/s, %s SQL statements |\n' "$CHUNK" "$FIRST_RATE" "$FIRST_STATEMENTS"
printf '| import of %d new rows in chunks of %d | %s rows/s |\n' "$ROWS" "$CHUNK" "$IMPORT_RATE"
printf '| import of %d rows that each update a person (of %d) | %s rows/s, %s SQL statements |\n' "$CHUNK" "$ROWS" "$UPDATE_RATE" "$UPDATE_STATEMENTS"
printf '| import of %d rows, all unchanged | %s rows/s, %s SQL statements |\n' "$CHUNK" "$UNCHANGED_RATE" "$UNCHANGED_STATEMENTS"
printf '| heap while importing (MiB, -Xmx256m): used after a GC before / peak used / peak old generation | %s / %s |\n' "$IMPORT_BASELINE" "$IMPORT_PEAK"
printf '| export of %d persons as CSV, 7 fields with org_id->name (best of %d) | %s rows/s |\n' "$lines" "$EXPORTS" "$best"
printf '| heap while exporting (MiB, -Xmx256m): used after a GC before / peak used / peak old generation | %s / %s |\n' "$BASELINE" "$PEAK"
