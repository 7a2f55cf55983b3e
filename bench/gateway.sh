#!/usr/bin/env bash
# The gateway's cost, side by side in one run: a cheap authenticated read (GET /api/v1/users/me)
# straight at identity-service and through the gateway, at one connection (added latency) and at
# saturation (throughput ratio), the gateway's CPU per proxied request, and what refusals cost
# (no token, a forged token, over the rate limit).
#
# Start the suite with the limits raised first (see docs/benchmarks.md). The 429 figures come from a
# second gateway this script starts on GATEWAY2_PORT with a limit of one request per minute per user,
# and stops at the end. Needs wrk (apt-get install -y wrk), curl and a JDK 25.
set -euo pipefail
cd "$(dirname "$0")"
ROOT="$(cd .. && pwd)"
GATEWAY="${GATEWAY:-http://localhost:8080}"
IDENTITY="${IDENTITY:-http://127.0.0.1:8081}"
DURATION="${DURATION:-15s}"
CONNECTIONS="${CONNECTIONS:-8}"
GATEWAY2_PORT="${GATEWAY2_PORT:-8090}"
export BENCH_EMAIL="${BENCH_EMAIL:-director@coachos.local}"
export BENCH_PASSWORD="${BENCH_PASSWORD:-local-director-pass}"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
GATEWAY_PID="${GATEWAY_PID:-$(cat "$ROOT/.run/pids/gateway.pid")}"
TICKS=$(getconf CLK_TCK)

token=$(curl -sf -X POST "$IDENTITY/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$BENCH_EMAIL\",\"password\":\"$BENCH_PASSWORD\"}" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
[ -n "$token" ] || { echo "login failed" >&2; exit 1; }
# The same token with its signature's first bytes changed: well formed, signed by nobody we trust.
sig=${token##*.}
forged="${token%.*}.AAAA${sig:4}"

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

# run label connections url token -> prints the row; sets RPS, P50, REQUESTS, CPU_MS (gateway ms of CPU per request)
run() {
  local label=$1 conns=$2 url=$3 tok=$4 before after out
  before=$(cpu_ticks "$GATEWAY_PID")
  BENCH_TOKEN="$tok" wrk -t1 -c"$conns" -d"$DURATION" -s get.lua "$url" >/tmp/gw-bench.$$ 2>&1
  after=$(cpu_ticks "$GATEWAY_PID")
  out=$(grep RESULT /tmp/gw-bench.$$ | sed 's/RESULT //')
  rm -f /tmp/gw-bench.$$
  RPS=$(sed -E 's/.*rps=([0-9.]+).*/\1/' <<<"$out")
  P50=$(sed -E 's/.*p50_ms=([0-9.]+).*/\1/' <<<"$out")
  REQUESTS=$(sed -E 's/.* requests=([0-9]+).*/\1/' <<<"$out")
  CPU_MS=$(awk -v d=$((after - before)) -v t="$TICKS" -v n="$REQUESTS" 'BEGIN { printf "%.3f", n ? d * 1000 / t / n : 0 }')
  printf '%-40s %s gateway_cpu_ms_per_req=%s\n' "$label" "$out" "$CPU_MS"
}

echo "wrk, $DURATION each, one after another; gateway pid $GATEWAY_PID"
run "warm-up direct" "$CONNECTIONS" "$IDENTITY/api/v1/users/me" "$token" >/dev/null
run "warm-up gateway" "$CONNECTIONS" "$GATEWAY/api/v1/users/me" "$token" >/dev/null

run "users/me direct, 1 connection" 1 "$IDENTITY/api/v1/users/me" "$token"; d1=$P50
run "users/me gateway, 1 connection" 1 "$GATEWAY/api/v1/users/me" "$token"; g1=$P50
run "users/me direct, $CONNECTIONS connections" "$CONNECTIONS" "$IDENTITY/api/v1/users/me" "$token"; dn=$RPS
run "users/me gateway, $CONNECTIONS connections" "$CONNECTIONS" "$GATEWAY/api/v1/users/me" "$token"; gn=$RPS; gcpu=$CPU_MS
run "no token (401), $CONNECTIONS connections" "$CONNECTIONS" "$GATEWAY/api/v1/users/me" ""; r1=$CPU_MS; r1rps=$RPS
run "forged token (401), $CONNECTIONS connections" "$CONNECTIONS" "$GATEWAY/api/v1/users/me" "$forged"; r2=$CPU_MS; r2rps=$RPS

# A second gateway with a limit of one request per minute per user: nearly every request is a 429.
limited=""
if [ -f "$ROOT/gateway/target/gateway-0.1.0-SNAPSHOT.jar" ]; then
  GATEWAY_PORT=$GATEWAY2_PORT COACHOS_USER_RATE_PER_MINUTE=1 COACHOS_ADDRESS_RATE_PER_MINUTE=100000000 \
    SPRING_PROFILES_ACTIVE=local "${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java" -Xmx256m \
    -jar "$ROOT/gateway/target/gateway-0.1.0-SNAPSHOT.jar" >/tmp/gw-bench-limited.log 2>&1 &
  limited=$!
  trap '[ -n "$limited" ] && kill $limited 2>/dev/null || true' EXIT
  for _ in $(seq 1 120); do curl -sf -o /dev/null "http://localhost:$GATEWAY2_PORT/actuator/health" && break; sleep 1; done
  saved=$GATEWAY_PID; GATEWAY_PID=$limited
  run "warm-up limited" "$CONNECTIONS" "http://localhost:$GATEWAY2_PORT/api/v1/users/me" "$token" >/dev/null
  run "rate-limited (429), $CONNECTIONS connections" "$CONNECTIONS" "http://localhost:$GATEWAY2_PORT/api/v1/users/me" "$token"
  r3=$CPU_MS; r3rps=$RPS
  GATEWAY_PID=$saved
  kill "$limited"; wait "$limited" 2>/dev/null || true; limited=""
fi

echo
echo "summary"
awk -v d="$d1" -v g="$g1" 'BEGIN { printf "  added p50 at 1 connection:         %.2f ms (direct %.2f ms, gateway %.2f ms)\n", g - d, d, g }'
awk -v d="$dn" -v g="$gn" 'BEGIN { printf "  throughput ratio at saturation:    %.2f (direct %.0f req/s, gateway %.0f req/s)\n", g / d, d, g }'
echo "  gateway CPU per proxied request:   $gcpu ms"
echo "  refused, no token:                 $r1 ms CPU each ($r1rps req/s)"
echo "  refused, forged token:             $r2 ms CPU each ($r2rps req/s)"
[ -n "${r3:-}" ] && echo "  refused, rate-limited:             $r3 ms CPU each ($r3rps req/s)"
true
