#!/usr/bin/env bash
# Login benchmark for the running suite (bench/EventBench.java measures the event backbone) (./coachos up first, with a high auth rate limit:
#   COACHOS_AUTH_RATE_PER_MINUTE=100000000 COACHOS_ADDRESS_RATE_PER_MINUTE=100000000 \
#   COACHOS_USER_RATE_PER_MINUTE=100000000 ./coachos up).
# Measures login and an authenticated read, through the gateway and straight at identity-service,
# side by side in one run, and prints the ratio. Needs wrk (apt-get install wrk).
set -euo pipefail
cd "$(dirname "$0")"
GATEWAY="${GATEWAY:-http://localhost:8080}"
IDENTITY="${IDENTITY:-http://localhost:8081}"
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
