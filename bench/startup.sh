#!/usr/bin/env bash
# The whole suite's start-up and memory on this machine, per process, in one run:
#   1. stops the suite if it runs and (unless KEEP_DB=1) drops the local database, as on a fresh machine;
#   2. times `./coachos up` from the command to the first routed request (the gateway answering
#      /api/v1/auth/jwks from identity-service) and to the end of `up` (a routed login);
#   3. reads each service's own "Started ... in N seconds" line;
#   4. runs the walkthrough (docs/walkthrough.sh) and then reads each process's resident memory
#      (RSS) and its proportional share (PSS: pages shared between processes, such as a JDK's class
#      data, are counted once across them);
#   5. stops the suite (unless KEEP_UP=1).
# Needs the jars built (./mvnw -DskipTests install), curl, jq (for the walkthrough), bc and psql.
# COACHOS_AOT=0 starts the services without their ahead-of-time caches (see ./coachos).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
RUN="${COACHOS_RUN_DIR:-$ROOT/.run}"
GATEWAY="http://localhost:${GATEWAY_PORT:-8080}"

./coachos down >/dev/null || true
if [ "${KEEP_DB:-0}" != 1 ]; then
  psql -h "${COACHOS_DB_HOST:-localhost}" -p "${COACHOS_DB_PORT:-5432}" -U postgres -q -c "drop database if exists ${COACHOS_DB_NAME:-coachos} with (force)"
  rm -rf "$RUN/kafka"
fi
mkdir -p "$RUN/logs"
rm -f "$RUN"/logs/*.log

start=$(date +%s%N)
./coachos up >"$RUN/startup-up.log" 2>&1 &
up_pid=$!
first=""
while kill -0 "$up_pid" 2>/dev/null || [ -z "$first" ]; do
  if [ -z "$first" ] && [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$GATEWAY/api/v1/auth/jwks" || true)" = 200 ]; then
    first=$(date +%s%N)
  fi
  if ! kill -0 "$up_pid" 2>/dev/null; then
    [ -n "$first" ] || { cat "$RUN/startup-up.log"; echo "startup: ./coachos up failed" >&2; exit 1; }
    break
  fi
  sleep 0.2
done
wait "$up_pid" || { cat "$RUN/startup-up.log"; echo "startup: ./coachos up failed" >&2; exit 1; }
done_at=$(date +%s%N)

printf 'first routed request: %.1f s after ./coachos up; up finished (routed login): %.1f s\n' \
  "$(echo "($first - $start) / 1000000000" | bc -l)" "$(echo "($done_at - $start) / 1000000000" | bc -l)"

COACHOS_WALKTHROUGH_WAIT="${COACHOS_WALKTHROUGH_WAIT:-120}" docs/walkthrough.sh >"$RUN/startup-walkthrough.log" 2>&1 \
  || { tail -20 "$RUN/startup-walkthrough.log"; echo "startup: the walkthrough failed" >&2; exit 1; }
echo "walkthrough passed"

printf '%-22s %10s %8s %8s\n' PROCESS STARTED_S RSS_MB PSS_MB
total_rss=0
total_pss=0
for pidfile in "$RUN"/pids/*.pid; do
  name=$(basename "$pidfile" .pid)
  pid=$(cat "$pidfile")
  if ! kill -0 "$pid" 2>/dev/null; then
    printf '%-22s %10s %8s %8s\n' "$name" exited - -
    continue
  fi
  rss=$(awk '/^VmRSS/{print int($2/1024)}' "/proc/$pid/status")
  pss=$(awk '/^Pss:/{print int($2/1024)}' "/proc/$pid/smaps_rollup")
  started=$(grep -ho 'Started [A-Za-z]* in [0-9.]* seconds' "$RUN/logs/$name.log" | head -1 | awk '{print $4}' || true)
  printf '%-22s %10s %8s %8s\n' "$name" "${started:--}" "$rss" "$pss"
  total_rss=$((total_rss + rss))
  total_pss=$((total_pss + pss))
done
printf '%-22s %10s %8s %8s\n' total "" "$total_rss" "$total_pss"

[ "${KEEP_UP:-0}" = 1 ] || ./coachos down >/dev/null
