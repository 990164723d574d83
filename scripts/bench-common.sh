# Sourced by scripts/bulk-bench.sh and scripts/synchro-bench.sh, not run: what both benchmarks do
# around their measures. bench_start builds the jar (unless SKIP_BUILD), starts it on a fresh
# embedded database with -Xmx256m and waits until it serves; the caller then makes its token with
# bench_token and measures. The caller sets ADMIN_PASSWORD first; JAR and JAVA_OPTS as documented
# in the benchmarks.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SERVICE_PID=
SAMPLER_PID=

say() { printf '%s\n' "$*" >&2; }

bench_cleanup() {
  [[ -n "$SAMPLER_PID" ]] && kill "$SAMPLER_PID" 2>/dev/null || true
  if [[ -n "$SERVICE_PID" ]] && kill -0 "$SERVICE_PID" 2>/dev/null; then
    kill -TERM "$SERVICE_PID" 2>/dev/null || true
    wait "$SERVICE_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}

# bench_start NAME TOOL...: checks the tools, makes WORK (removed on exit with the service), builds
# the jar unless SKIP_BUILD, starts it and sets PORT and BASE
bench_start() {
  local name=$1 tool
  shift
  WORK=$(mktemp -d -t "tokensmith-$name-XXXXXX")
  trap bench_cleanup EXIT
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { say "this script needs $tool"; exit 1; }
  done

  JAR=${JAR:-"$ROOT/bootstrap/target/tokensmith.jar"}
  if [[ -z "${SKIP_BUILD:-}" ]]; then
    say "building the jar (mvn -B -q -DskipTests package)"
    (cd "$ROOT" && mvn -B -q -o -DskipTests package -pl bootstrap -am)
  fi

  say "starting tokensmith (-Xmx256m, embedded PostgreSQL)"
  TOKENSMITH_HTTP_PORT=0 TOKENSMITH_DATA_DIR="$WORK/data" TOKENSMITH_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    TOKENSMITH_DEMO_DATA=false TOKENSMITH_DB_URL= \
    java -Xmx256m ${JAVA_OPTS:-} -jar "$JAR" >"$WORK/service.log" 2>"$WORK/service.err" &
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
}

# bench_token APPLICATION SCOPES: the secret of a token the administrator makes for APPLICATION
# with SCOPES (JSON strings, comma-separated)
bench_token() {
  local login csrf
  login=$(curl -sf -c "$WORK/cookies" -X POST "$BASE/api/v1/session" -H 'Content-Type: application/json' \
    -d "{\"login\":\"admin\",\"password\":\"$ADMIN_PASSWORD\"}")
  csrf=$(printf '%s' "$login" | sed -n 's/.*"csrfToken":"\([^"]*\)".*/\1/p')
  curl -sf -b "$WORK/cookies" -X POST "$BASE/api/v1/me/tokens" -H 'Content-Type: application/json' \
    -H "X-CSRF-Token: $csrf" -d "{\"application\":\"$1\",\"scopes\":[$2],\"expiresAt\":null}" |
    sed -n 's/.*"secret":"\(tks[^"]*\)".*/\1/p'
}

# bench_organization TOKEN: the name of the first organization, exported with TOKEN
bench_organization() {
  curl -sf -H "Auth-Token: $1" "$BASE/webservices/export-v2.php" --data-urlencode 'expression=SELECT Organization' \
    -d format=csv -d fields=name -d no_localize=1 -G | sed -n '2p' | tr -d '"'
}

# the SQL statements the service has sent so far, as /metrics counts them
statements() {
  curl -sf "$BASE/metrics" | awk 'index($0, "tokensmith_sql_statements_total") == 1 { sum += $NF } END { printf "%.0f\n", sum }'
}

# rate N SECONDS: N per second, rounded
rate() { awk -v n="$1" -v s="$2" 'BEGIN{printf "%.0f", n/s}'; }
