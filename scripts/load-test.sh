#!/usr/bin/env bash
# Load test of the running service, as people run it: builds the jar, starts it on a fresh embedded
# database with -Xmx256m, creates a token through the API, then measures endpoints side by side in
# interleaved rounds (A B C D A B C D ...) with wrk, once with HMAC token digests and once with
# TOKENSMITH_TOKEN_DIGEST=argon2id, and prints one table. See docs/performance.md.
#
#   bash scripts/load-test.sh
#   bash scripts/load-test.sh --pgbouncer
#
# --pgbouncer (or MODES=pgbouncer) measures instead three instances of the service on one database,
# all with HMAC digests, in the same interleaved rounds: "direct" (connected to PostgreSQL as by
# default), "setting" (connected directly too, with the pooler setting TOKENSMITH_DB_POOLING=
# transaction: what the setting alone costs) and "pgbouncer" (through Debian's PgBouncer in
# pool_mode = transaction, with the setting); the table then has their rows and the ratio of each
# to its direct row (installs pgbouncer with apt-get when it is missing).
#
# Knobs (environment): ROUNDS (5), DURATION (10s), THREADS (2), CONNECTIONS (16), WARMUP (5s),
# MODES (hmac argon2id), SKIP_BUILD (unset: build with Maven).
set -euo pipefail

if [[ "${1:-}" == "--pgbouncer" ]]; then
  MODES=pgbouncer
elif [[ -n "${1:-}" ]]; then
  printf 'unknown option %s (the only option is --pgbouncer)\n' "$1" >&2
  exit 2
fi

ROUNDS=${ROUNDS:-5}
DURATION=${DURATION:-10s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
WARMUP=${WARMUP:-5s}
MODES=${MODES:-hmac argon2id}
ADMIN_PASSWORD='load test administrator password'

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=$(mktemp -d -t tokensmith-load-XXXXXX)
SERVICE_PID=
POOLED_PID=
BOUNCER_PID=

stop_service() {
  if [[ -n "$SERVICE_PID" ]] && kill -0 "$SERVICE_PID" 2>/dev/null; then
    kill -TERM "$SERVICE_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do
      kill -0 "$SERVICE_PID" 2>/dev/null || break
      sleep 0.5
    done
    kill -KILL "$SERVICE_PID" 2>/dev/null || true
    wait "$SERVICE_PID" 2>/dev/null || true
  fi
  SERVICE_PID=
}

stop_pooled() {
  local host_pid=$SERVICE_PID pid
  for pid in $POOLED_PID; do
    SERVICE_PID=$pid
    stop_service
  done
  SERVICE_PID=$host_pid
  POOLED_PID=
  if [[ -n "$BOUNCER_PID" ]]; then
    kill -TERM "$BOUNCER_PID" 2>/dev/null || true
    wait "$BOUNCER_PID" 2>/dev/null || true
  fi
  BOUNCER_PID=
}

cleanup() {
  stop_pooled
  stop_service
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say() { printf '%s\n' "$*" >&2; }

# --- tools -----------------------------------------------------------------------------------
if ! command -v wrk >/dev/null; then
  say "installing wrk (apt-get)"
  if [[ $(id -u) -eq 0 ]]; then
    apt-get update -qq >/dev/null && apt-get install -y -qq wrk >/dev/null
  else
    sudo apt-get update -qq >/dev/null && sudo apt-get install -y -qq wrk >/dev/null
  fi
fi
if [[ " $MODES " == *" pgbouncer "* ]] && [[ ! -x /usr/sbin/pgbouncer ]]; then
  say "installing pgbouncer (apt-get)"
  if [[ $(id -u) -eq 0 ]]; then
    apt-get update -qq >/dev/null && apt-get install -y -qq pgbouncer >/dev/null
  else
    sudo apt-get update -qq >/dev/null && sudo apt-get install -y -qq pgbouncer >/dev/null
  fi
fi
for tool in curl java awk; do
  command -v "$tool" >/dev/null || { say "this script needs $tool"; exit 1; }
done

JAR="$ROOT/bootstrap/target/tokensmith.jar"
if [[ -z "${SKIP_BUILD:-}" ]]; then
  say "building the jar (mvn -B -q -DskipTests package)"
  (cd "$ROOT" && mvn -B -q -DskipTests package)
fi
[[ -f "$JAR" ]] || { say "no $JAR: build it first"; exit 1; }

# wrk prints one parseable line at the end of each run
cat > "$WORK/report.lua" <<'LUA'
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT requests=%d duration_us=%d errors=%d non2xx=%d p50_us=%d p99_us=%d\n",
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50), latency:percentile(99)))
end
LUA
cat > "$WORK/rest.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.body = "version=1.3&json_data=%7B%22operation%22%3A%22core%2Fget%22%2C%22class%22%3A%22Organization%22%2C%22key%22%3A%22SELECT%20Organization%22%7D"
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT requests=%d duration_us=%d errors=%d non2xx=%d p50_us=%d p99_us=%d\n",
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50), latency:percentile(99)))
end
LUA

# --- the service -----------------------------------------------------------------------------
PORT=
BASE=
start_service() { # $1 = token digest mode
  local mode=$1 log="$WORK/service-$1.out"
  say "starting tokensmith (-Xmx256m, embedded PostgreSQL, TOKENSMITH_TOKEN_DIGEST=$mode)"
  TOKENSMITH_HTTP_PORT=0 \
    TOKENSMITH_DATA_DIR="$WORK/data" \
    TOKENSMITH_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    TOKENSMITH_DEMO_DATA=false \
    TOKENSMITH_TOKEN_DIGEST="$mode" \
    TOKENSMITH_DB_URL= \
    java -Xmx256m -jar "$JAR" >"$log" 2>"$WORK/service-$mode.err" &
  SERVICE_PID=$!
  for _ in $(seq 1 240); do
    PORT=$(sed -n 's|.*ready at http://[^:]*:\([0-9]*\)/.*|\1|p' "$log" | head -1)
    [[ -n "$PORT" ]] && break
    kill -0 "$SERVICE_PID" 2>/dev/null || { cat "$log" "$WORK/service-$mode.err" >&2; exit 1; }
    sleep 0.5
  done
  [[ -n "$PORT" ]] || { say "the service did not start"; exit 1; }
  BASE="http://127.0.0.1:$PORT"
}

create_token() {
  local login csrf created
  login=$(curl -sf -c "$WORK/cookies" -X POST "$BASE/api/v1/session" \
    -H 'Content-Type: application/json' \
    -d "{\"login\":\"admin\",\"password\":\"$ADMIN_PASSWORD\"}")
  csrf=$(printf '%s' "$login" | sed -n 's/.*"csrfToken":"\([^"]*\)".*/\1/p')
  created=$(curl -sf -b "$WORK/cookies" -X POST "$BASE/api/v1/me/tokens" \
    -H 'Content-Type: application/json' -H "X-CSRF-Token: $csrf" \
    -d '{"application":"load test","scopes":["rest"],"expiresAt":null}')
  printf '%s' "$created" | sed -n 's/.*"secret":"\(tks[^"]*\)".*/\1/p'
}

session_cookie() { # the web UI session of create_token's sign-in, from curl's cookie jar
  awk '$6 == "tokensmith_session" { print $7 }' "$WORK/cookies"
}

metric() { # $1 = metric line prefix (name{labels}); sums every matching series
  curl -sf "$BASE/metrics" | awk -v name="$1" 'index($0, name) == 1 { sum += $NF } END { printf "%.0f\n", sum }'
}

heap_mib() {
  curl -sf "$BASE/metrics" |
    awk '/^jvm_memory_used_bytes\{/ && /area="heap"/ { sum += $NF } END { printf "%.0f\n", sum / 1048576 }'
}

# --- a second instance behind PgBouncer (transaction pooling) on the first one's database ------
# The first instance's embedded PostgreSQL serves both: PgBouncer forwards to it with as many server
# connections as the service's pool has, the migrations go to it directly.
start_pgbouncer() { # sets PG_PORT and BOUNCER_PORT
  PG_PORT=$(sed -n 's|.*embedded PostgreSQL on port \([0-9]*\).*|\1|p' "$WORK/service-hmac.out" | head -1)
  [[ -n "$PG_PORT" ]] || { say "no embedded PostgreSQL port in the service's output"; exit 1; }
  BOUNCER_PORT=$(java "$WORK/FreePort.java")
  mkdir -p "$WORK/pgbouncer"
  printf '"postgres" ""\n' >"$WORK/pgbouncer/users.txt"
  cat >"$WORK/pgbouncer/pgbouncer.ini" <<INI
[databases]
tokensmith = host=127.0.0.1 port=$PG_PORT dbname=tokensmith pool_size=10
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $BOUNCER_PORT
unix_socket_dir =
auth_type = trust
auth_file = $WORK/pgbouncer/users.txt
pool_mode = transaction
max_client_conn = 200
ignore_startup_parameters = extra_float_digits
logfile =
pidfile =
INI
  # PgBouncer runs as nobody when started by root: it may traverse $WORK and read its own folder
  chmod a+x "$WORK"
  chmod -R a+rX "$WORK/pgbouncer"
  local as_user=()
  [[ $(id -u) -eq 0 ]] && as_user=(-u nobody)
  say "starting PgBouncer in transaction mode on port $BOUNCER_PORT (to PostgreSQL on $PG_PORT)"
  /usr/sbin/pgbouncer "${as_user[@]}" "$WORK/pgbouncer/pgbouncer.ini" >"$WORK/pgbouncer.log" 2>&1 &
  BOUNCER_PID=$!
  sleep 1
  kill -0 "$BOUNCER_PID" 2>/dev/null || { cat "$WORK/pgbouncer.log" >&2; exit 1; }
}

start_pooled_service() { # $1 = name, $2 = JDBC URL; sets STARTED_BASE
  local name=$1 url=$2 log="$WORK/service-$1.out" pid
  say "starting tokensmith \"$name\" (-Xmx256m) at $url with TOKENSMITH_DB_POOLING=transaction"
  TOKENSMITH_HTTP_PORT=0 \
    TOKENSMITH_DATA_DIR="$WORK/data-$name" \
    TOKENSMITH_TOKEN_PEPPER_FILE="$WORK/data/token-pepper" \
    TOKENSMITH_DEMO_DATA=false \
    TOKENSMITH_DB_URL="$url" \
    TOKENSMITH_DB_USER=postgres \
    TOKENSMITH_DB_POOLING=transaction \
    TOKENSMITH_DB_MIGRATION_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/tokensmith" \
    java -Xmx256m -jar "$JAR" >"$log" 2>"$WORK/service-$name.err" &
  pid=$!
  POOLED_PID="$POOLED_PID $pid"
  eval "PID_$name=$pid"
  local port=
  for _ in $(seq 1 240); do
    port=$(sed -n 's|.*ready at http://[^:]*:\([0-9]*\)/.*|\1|p' "$log" | head -1)
    [[ -n "$port" ]] && break
    kill -0 "$pid" 2>/dev/null || { cat "$log" "$WORK/service-$name.err" >&2; exit 1; }
    sleep 0.5
  done
  [[ -n "$port" ]] || { say "the service \"$name\" did not start"; exit 1; }
  STARTED_BASE="http://127.0.0.1:$port"
}

cat >"$WORK/FreePort.java" <<'JAVA'
public class FreePort {
  public static void main(String[] args) throws Exception {
    try (var socket = new java.net.ServerSocket(0)) {
      System.out.println(socket.getLocalPort());
    }
  }
}
JAVA

# --- one measured run ------------------------------------------------------------------------
# endpoint keys: live ready self rest; each run appends "mode key requests duration p50 p99 sql heap"
RESULTS="$WORK/results"
: >"$RESULTS"

run_wrk() { # $1 = key, $2 = duration; prints the RESULT line
  local key=$1 duration=$2
  case $key in
    live) wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" -s "$WORK/report.lua" "$BASE/health/live" ;;
    ready) wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" -s "$WORK/report.lua" "$BASE/health/ready" ;;
    self) wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" -s "$WORK/report.lua" \
      -H "Auth-Token: $TOKEN" "$BASE/api/v1/tokens/self" ;;
    session) wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" -s "$WORK/report.lua" \
      -H "Cookie: tokensmith_session=$SESSION" "$BASE/api/v1/me" ;;
    rest) wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" -s "$WORK/rest.lua" \
      -H "Auth-Token: $TOKEN" "$BASE/webservices/rest.php" ;;
  esac | grep '^RESULT'
}

measure_mode() { # $1 = token digest mode
  local mode=$1 keys=(live ready self session)
  start_service "$mode"
  TOKEN=$(create_token)
  [[ -n "$TOKEN" ]] || { say "could not create a token"; exit 1; }
  SESSION=$(session_cookie)
  [[ -n "$SESSION" ]] || { say "could not sign in"; exit 1; }
  local status
  status=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$BASE/webservices/rest.php" \
    -H "Auth-Token: $TOKEN" -H 'Content-Type: application/x-www-form-urlencoded' \
    --data 'version=1.3&json_data=%7B%22operation%22%3A%22core%2Fget%22%2C%22class%22%3A%22Organization%22%2C%22key%22%3A%22SELECT%20Organization%22%7D')
  if [[ "$status" == 404 ]]; then
    REST_NOTE="webservices/rest.php answered 404 (not built yet): its row is skipped"
  else
    keys+=(rest)
  fi
  say "warming up ($WARMUP per endpoint)"
  for key in "${keys[@]}"; do run_wrk "$key" "$WARMUP" >/dev/null; done
  for round in $(seq 1 "$ROUNDS"); do
    for key in "${keys[@]}"; do
      local before after line heap
      before=$(metric tokensmith_sql_statements_total)
      line=$(run_wrk "$key" "$DURATION")
      after=$(metric tokensmith_sql_statements_total)
      heap=$(heap_mib)
      say "  $mode round $round $key: $line heap=${heap}MiB"
      echo "$mode $key $round $after $before $heap $line" >>"$RESULTS"
    done
  done
  local hwm
  hwm=$(awk '/^VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$SERVICE_PID/status")
  echo "$mode $hwm" >>"$WORK/rss"
  stop_service
}

# direct, with the pooler setting and through PgBouncer in the same interleaved rounds
measure_pooler() {
  local keys=(ready self rest) targets=(direct setting pgbouncer)
  declare -A base
  start_service hmac
  base[direct]=$BASE
  PID_direct=$SERVICE_PID
  TOKEN=$(create_token)
  [[ -n "$TOKEN" ]] || { say "could not create a token"; exit 1; }
  start_pgbouncer
  start_pooled_service setting "jdbc:postgresql://127.0.0.1:$PG_PORT/tokensmith"
  base[setting]=$STARTED_BASE
  start_pooled_service pgbouncer "jdbc:postgresql://127.0.0.1:$BOUNCER_PORT/tokensmith"
  base[pgbouncer]=$STARTED_BASE
  local status target
  for target in setting pgbouncer; do
    status=$(curl -s -o /dev/null -w '%{http_code}' -H "Auth-Token: $TOKEN" "${base[$target]}/api/v1/tokens/self")
    [[ "$status" == 200 ]] || { say "the token is refused by \"$target\" ($status)"; exit 1; }
  done
  say "warming up ($WARMUP per endpoint and instance)"
  for target in "${targets[@]}"; do
    BASE=${base[$target]}
    for key in "${keys[@]}"; do run_wrk "$key" "$WARMUP" >/dev/null; done
  done
  # one endpoint on each instance in turn, so that the instances' numbers of an endpoint are taken
  # back to back, under the same load of the machine
  for round in $(seq 1 "$ROUNDS"); do
    for key in "${keys[@]}"; do
      for target in "${targets[@]}"; do
        BASE=${base[$target]}
        local before after line heap
        before=$(metric tokensmith_sql_statements_total)
        line=$(run_wrk "$key" "$DURATION")
        after=$(metric tokensmith_sql_statements_total)
        heap=$(heap_mib)
        say "  $target round $round $key: $line heap=${heap}MiB"
        echo "$target $key $round $after $before $heap $line" >>"$RESULTS"
      done
    done
  done
  for target in "${targets[@]}"; do
    eval "local pid=\$PID_$target"
    awk -v t="$target" '/^VmHWM/ { printf "%s %.0f\n", t, $2 / 1024 }' "/proc/$pid/status" >>"$WORK/rss"
  done
  stop_pooled
  stop_service
}

REST_NOTE=
for mode in $MODES; do
  if [[ $mode == pgbouncer ]]; then
    measure_pooler
  else
    measure_mode "$mode"
  fi
done

# --- the table -------------------------------------------------------------------------------
echo
echo "tokensmith load test: wrk -t$THREADS -c$CONNECTIONS, $ROUNDS interleaved rounds of $DURATION per endpoint," \
  "service at -Xmx256m on embedded PostgreSQL; $(nproc) CPUs shared by wrk, the service and PostgreSQL"
awk -v rssfile="$WORK/rss" '
  function median(list, n,   sorted, i, j, t) {
    for (i = 1; i <= n; i++) sorted[i] = list[i]
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (sorted[j] < sorted[i]) { t = sorted[i]; sorted[i] = sorted[j]; sorted[j] = t }
    return (n % 2) ? sorted[(n + 1) / 2] : (sorted[n / 2] + sorted[n / 2 + 1]) / 2
  }
  BEGIN {
    while ((getline line < rssfile) > 0) { split(line, f, " "); rss[f[1]] = f[2] }
    name["live"] = "GET /health/live"; name["ready"] = "GET /health/ready (select 1)"
    name["self"] = "GET /api/v1/tokens/self (Auth-Token)"; name["session"] = "GET /api/v1/me (session cookie)"
    name["rest"] = "POST webservices/rest.php core/get"
  }
  {
    mode = $1; key = $2; after = $4; before = $5; heap = $6
    for (i = 7; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
    id = mode SUBSEP key
    if (!(id in count)) { rowsof[mode] = rowsof[mode] " " key; if (!(mode in seen)) { seen[mode] = 1; modes[++nmodes] = mode } }
    n = ++count[id]
    rps[id, n] = v["requests"] / (v["duration_us"] / 1e6)
    p50[id, n] = v["p50_us"] / 1000; p99[id, n] = v["p99_us"] / 1000
    sql[id] += after - before; reqs[id] += v["requests"]; bad[id] += v["errors"] + v["non2xx"]
    heaps[id] = heaps[id] (n > 1 ? "/" : "") heap
  }
  END {
    # rows grouped by mode, in the order measured
    for (m = 1; m <= nmodes; m++) {
      nk = split(rowsof[modes[m]], ks_, " ")
      for (k = 1; k <= nk; k++) order[++rows] = modes[m] SUBSEP ks_[k]
    }
    printf "\n| mode | endpoint | requests/s (median) | p50 ms | p99 ms | ratio to ready | SQL statements / request | errors | heap MiB after each round | service peak RSS MiB |\n"
    printf "|---|---|---:|---:|---:|---:|---:|---:|---|---:|\n"
    for (r = 1; r <= rows; r++) {
      id = order[r]; split(id, parts, SUBSEP); n = count[id]
      for (i = 1; i <= n; i++) { a[i] = rps[id, i]; b[i] = p50[id, i]; c[i] = p99[id, i] }
      med[id] = median(a, n); m50 = median(b, n); m99 = median(c, n)
      readyid = parts[1] SUBSEP "ready"
      if (!(readyid in med)) { for (i = 1; i <= count[readyid]; i++) a[i] = rps[readyid, i]; med[readyid] = median(a, count[readyid]) }
      printf "| %s | %s | %.0f | %.2f | %.2f | %.2f | %.2f | %d | %s | %s |\n", parts[1], name[parts[2]], med[id], m50, m99, med[id] / med[readyid], sql[id] / reqs[id], bad[id], heaps[id], rss[parts[1]]
    }
    # each round next to the ready round just before it: the same conditions of the machine
    printf "\nPer round, requests / the ready round before it:\n"
    for (r = 1; r <= rows; r++) {
      id = order[r]; split(id, parts, SUBSEP)
      if (parts[2] == "live" || parts[2] == "ready") continue
      readyid = parts[1] SUBSEP "ready"; line = ""
      for (i = 1; i <= count[id]; i++) line = line sprintf(" %.2f", rps[id, i] / rps[readyid, i])
      printf "  %s %s:%s\n", parts[1], parts[2], line
    }
    # with the pooler setting, and through the pooler, next to directly, round by round
    split("setting pgbouncer", ts, " ")
    for (t = 1; t <= 2; t++) {
      if (!((ts[t] SUBSEP "ready") in count) || !(("direct" SUBSEP "ready") in count)) continue
      printf "\nPer round, %s / direct (the same endpoint, measured back to back):\n", ts[t]
      split("ready self rest", ks, " ")
      for (k = 1; k <= 3; k++) {
        pid = ts[t] SUBSEP ks[k]; did = "direct" SUBSEP ks[k]
        if (!(pid in count) || !(did in count)) continue
        line = ""
        for (i = 1; i <= count[pid]; i++) { q[i] = rps[pid, i] / rps[did, i]; line = line sprintf(" %.2f", q[i]) }
        printf "  %s:%s (median %.2f)\n", ks[k], line, median(q, count[pid])
      }
    }
  }' "$RESULTS"
[[ -n "$REST_NOTE" ]] && echo && echo "Note: $REST_NOTE."
echo
echo "SQL statements / request: tokensmith_sql_statements_total before and after each round, divided by the requests made (the usage flusher's statements included)."
