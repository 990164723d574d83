#!/usr/bin/env bash
# Benchmark of iTop's synchro flow on the running service, as a collector runs it: starts the jar on
# a fresh embedded database with -Xmx256m, defines a Person data source through rest.php (reconciled
# on email, org_id found by name), loads ROWS replicas through synchro/synchro_import.php
# (synchronize=0), then times synchro/synchro_exec.php: the first run creates ROWS persons, the
# second (after a load with every other phone changed) updates half of them, the third changes
# nothing. The SQL statements are read from /metrics around each run. Prints objects/s.
# A benchmark, not a test: see docs/performance.md.
#
#   bash scripts/synchro-bench.sh
#
# Knobs (environment): ROWS (5000), SKIP_BUILD (unset: build), JAR (the jar to run; default
# bootstrap/target/tokensmith.jar), JAVA_OPTS (more JVM options).
set -euo pipefail

ROWS=${ROWS:-5000}
ADMIN_PASSWORD='synchro benchmark administrator password'
# shellcheck source=scripts/bench-common.sh
source "$(dirname "${BASH_SOURCE[0]}")/bench-common.sh"
bench_start synchro curl java awk
TOKEN=$(bench_token "synchro benchmark" '"rest","synchro","export"')
ORG=$(bench_organization "$TOKEN")

rest() {
  curl -sf "$BASE/webservices/rest.php?login_mode=token&version=1.0" -d "auth_token=$TOKEN" \
    --data-urlencode "json_data=$1"
}

created=$(rest '{"operation":"core/create","class":"SynchroDataSource","comment":"bench","fields":{"name":"Synchro benchmark","status":"production","user_id":"0","scope_class":"Person","full_load_periodicity":"3600","reconciliation_policy":"use_attributes","action_on_zero":"create","action_on_one":"update","action_on_multiple":"error","delete_policy":"ignore"}}')
SOURCE=$(printf '%s' "$created" | sed -n 's/.*"key":"\([0-9]*\)".*/\1/p' | head -1)
[[ -n "$SOURCE" ]] || { say "no data source: $created"; exit 1; }
for attcode in first_name name phone; do
  rest "{\"operation\":\"core/update\",\"class\":\"SynchroAttribute\",\"comment\":\"bench\",\"key\":{\"sync_source_id\":$SOURCE,\"attcode\":\"$attcode\"},\"fields\":{\"update\":\"1\",\"reconcile\":\"0\"}}" >/dev/null
done
rest "{\"operation\":\"core/update\",\"class\":\"SynchroAttExtKey\",\"comment\":\"bench\",\"key\":{\"sync_source_id\":$SOURCE,\"attcode\":\"org_id\"},\"fields\":{\"update\":\"1\",\"reconcile\":\"0\",\"reconciliation_attcode\":\"name\"}}" >/dev/null

# replicas PHONE_EVERY: the CSV of ROWS persons, every PHONE_EVERY-th with a phone (0: none)
replicas() {
  awk -v n="$ROWS" -v org="$ORG" -v every="$1" 'BEGIN {
    print "primary_key;first_name;name;email;phone;org_id";
    for (i = 0; i < n; i++)
      printf "p%d;Émile%d;Zola%d;person%d@synchro.example;%s;%s\n", i, i, i, i, (every > 0 && i % every == 0 ? "+33 1 " i : ""), org }' \
    >"$WORK/replicas.csv"
  curl -sf "$BASE/synchro/synchro_import.php?login_mode=token" -d "auth_token=$TOKEN" -d "data_source_id=$SOURCE" \
    -d synchronize=0 -d output=retcode --data-urlencode "csvdata@$WORK/replicas.csv" | tail -1 | grep -qx 0 ||
    { say "the load failed"; exit 1; }
}
# run EXPECTED: synchro_exec, checks a line of its output, prints "seconds statements"
run() {
  local before after seconds
  before=$(statements)
  seconds=$(curl -s -o "$WORK/exec.out" -w '%{time_total}' "$BASE/synchro/synchro_exec.php?login_mode=token" \
    -d "auth_token=$TOKEN" -d "data_sources=$SOURCE")
  after=$(statements)
  grep -q "$1" "$WORK/exec.out" || { cat "$WORK/exec.out" >&2; exit 1; }
  echo "$seconds $((after - before))"
}

say "loading $ROWS replicas into data source $SOURCE ('$ORG')"
replicas 0
read -r seconds CREATE_STATEMENTS < <(run "<p>Objects created: $ROWS (0 warnings)</p>")
CREATE_RATE=$(rate "$ROWS" "$seconds")
say "  first synchro_exec (creates $ROWS): ${seconds}s ($CREATE_RATE objects/s, $CREATE_STATEMENTS SQL statements)"
replicas 2
read -r seconds UPDATE_STATEMENTS < <(run "<p>Objects updated: $((ROWS / 2)) (0 warnings)</p>")
UPDATE_RATE=$(rate "$ROWS" "$seconds")
say "  synchro_exec after a load with every other phone changed: ${seconds}s ($UPDATE_RATE replicas/s, $UPDATE_STATEMENTS SQL statements)"
replicas 2
read -r seconds SAME_STATEMENTS < <(run "<p>Objects updated: 0 (0 warnings)</p>")
SAME_RATE=$(rate "$ROWS" "$seconds")
say "  synchro_exec after the same load again: ${seconds}s ($SAME_RATE replicas/s, $SAME_STATEMENTS SQL statements)"
printf '\n| what | result |\n|---|---|\n'
printf '| synchro_exec creating %d persons | %s objects/s, %s SQL statements |\n' "$ROWS" "$CREATE_RATE" "$CREATE_STATEMENTS"
printf '| synchro_exec of %d replicas, half modified | %s replicas/s, %s SQL statements |\n' "$ROWS" "$UPDATE_RATE" "$UPDATE_STATEMENTS"
printf '| synchro_exec of %d replicas, none modified | %s replicas/s, %s SQL statements |\n' "$ROWS" "$SAME_RATE" "$SAME_STATEMENTS"
