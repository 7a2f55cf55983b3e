#!/usr/bin/env bash
# The fast paths in one run, against the running suite (./coachos up first, with the rate limits raised:
#   COACHOS_AUTH_RATE_PER_MINUTE=100000000 COACHOS_ADDRESS_RATE_PER_MINUTE=100000000 \
#   COACHOS_USER_RATE_PER_MINUTE=100000000 ./coachos up):
#   1. login and an authenticated read, through the gateway and straight at identity-service (ratio);
#   2. bench/gateway.sh: added latency, throughput ratio, gateway CPU per request, what refusals cost;
#   3. bench/events.sh: commit to broker and to the consumer's effect, relay vs raw produce.
# Needs wrk (apt-get install wrk), curl and a JDK 25.
set -euo pipefail
cd "$(dirname "$0")"
GATEWAY="${GATEWAY:-http://localhost:8080}"
IDENTITY="${IDENTITY:-http://127.0.0.1:8081}"
DURATION="${DURATION:-20s}"
CONNECTIONS="${CONNECTIONS:-8}"
export BENCH_EMAIL="${BENCH_EMAIL:-director@coachos.local}"
export BENCH_PASSWORD="${BENCH_PASSWORD:-local-director-pass}"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }

export BENCH_TOKEN=$(curl -sf -X POST "$IDENTITY/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$BENCH_EMAIL\",\"password\":\"$BENCH_PASSWORD\"}" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')

measure() { # label url script path
  local out
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -s "$3" "$2$4" >/tmp/wrk.$$ 2>&1
  out=$(grep RESULT /tmp/wrk.$$ | sed 's/RESULT //')
  printf '%-28s %s\n' "$1" "$out" >&2
  rm -f /tmp/wrk.$$
  echo "$out" | sed -E 's/.*rps=([0-9.]+).*/\1/'
}

echo "wrk, $CONNECTIONS connections, $DURATION each, one after another"
for kind in login me; do
  path=/api/v1/auth/login; script=login.lua
  [ "$kind" = me ] && path=/api/v1/users/me && script=get.lua
  direct=$(measure "$kind direct (identity)" "$IDENTITY" "$script" "$path" | tail -n 1)
  routed=$(measure "$kind through gateway" "$GATEWAY" "$script" "$path" | tail -n 1)
  awk -v g="$routed" -v d="$direct" -v k="$kind" 'BEGIN { printf "%-28s gateway/direct throughput = %.2f\n", k " ratio", g / d }'
done

echo
bench_dir="$(pwd)"
"$bench_dir/gateway.sh"
echo
"$bench_dir/events.sh" "${USERS:-300}" "${EVENTS:-50000}"
