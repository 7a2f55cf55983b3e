#!/usr/bin/env bash
# audit-service's figures, in one run, against a running suite (./coachos up: identity-service
# signs the token, Kafka carries the backlog). It starts a second audit-service of its own on
# AUDIT_BENCH_PORT (18088) with a database of its own (AUDIT_BENCH_DB, coachos_auditbench, made
# afresh) that reads only a topic of the run's own (coachos.auditbench-<time>.events, deleted at the
# end), and:
#   1. seeds RECORDS records (default 10 million) over the past MONTHS (11) months, chained and
#      hashed by the service's own code, written with COPY;
#   2. puts a backlog of BACKLOG events (100,000) on the topic while that service is stopped, starts
#      it, and reports the events recorded per second (from the records' recording times);
#   3. search latency, one request at a time: by entity, by actor, by actor over the last 7 days,
#      by branch and action (SEARCHES requests each, after a fifth as many to warm up);
#   4. verify over the whole trail, piece by piece as a client does (5 s per request), timed.
#   bench/audit.sh [records=10000000] [backlog=100000]
#   REUSE=1 bench/audit.sh     (steps 3 and 4 only, on the database a previous run left;
#                               VERIFY_ONLY=1 as well: step 4 only)
# The database stays afterwards for a second look (KEEP_DB=0 drops it). Needs curl, psql and a JDK 25.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
RECORDS="${1:-10000000}"
BACKLOG="${2:-100000}"
MONTHS="${MONTHS:-11}"
SEARCHES="${SEARCHES:-1000}"
DB="${AUDIT_BENCH_DB:-coachos_auditbench}"
PORT="${AUDIT_BENCH_PORT:-18088}"
DB_HOST="${COACHOS_DB_HOST:-localhost}"
DB_PORT="${COACHOS_DB_PORT:-5432}"
KAFKA="${COACHOS_KAFKA_BOOTSTRAP:-localhost:9092}"
IDENTITY="${IDENTITY:-http://127.0.0.1:8081}"
BENCH_EMAIL="${BENCH_EMAIL:-director@coachos.local}"
BENCH_PASSWORD="${BENCH_PASSWORD:-local-director-pass}"
RUN_ID=$(date +%s)
# A topic of this run's own: a consumer group of this run's own reads it from its beginning.
TOPIC="coachos.auditbench-$RUN_ID.events"
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
JAR=$(ls audit-service/target/audit-service-*.jar | grep -v original | head -n 1)
BOOTSTRAP_JAR=$(ls platform/db-bootstrap/target/db-bootstrap-*-exec.jar | head -n 1)
PSQL=(psql -h "$DB_HOST" -p "$DB_PORT" -U "${PGUSER:-postgres}" -d "$DB" -tAq)
RUN="$ROOT/.run/auditbench"
mkdir -p "$RUN"

# The bench program runs on the service's own classes and libraries.
rm -rf "$RUN/cp" && mkdir -p "$RUN/cp" && (cd "$RUN/cp" && unzip -q "$ROOT/$JAR")
CP="$RUN/cp/BOOT-INF/classes:$RUN/cp/BOOT-INF/lib/*"
bench() { "$JAVA" -Xmx1g -Dlogback.configurationFile=bench/logback.xml -cp "$CP" bench/AuditBench.java "$@"; }

SERVICE_PID=
start_service() {
  AUDIT_PORT="$PORT" COACHOS_DB_NAME="$DB" EUREKA_ENABLED=false COACHOS_KAFKA_BOOTSTRAP="$KAFKA" \
  COACHOS_AUDIT_CONSUMER_GROUP="audit-bench-$RUN_ID" COACHOS_AUDIT_TOPIC_PATTERN="coachos[.]auditbench-$RUN_ID[.]events" \
  COACHOS_AUDIT_TOPIC_DISCOVERY_MS=1000 \
    "$JAVA" -Xmx512m -jar "$JAR" >>"$RUN/service.log" 2>&1 &
  SERVICE_PID=$!
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null 2>&1 && return 0
    sleep 1
  done
  echo "the bench's audit-service did not become ready; see $RUN/service.log" >&2
  exit 1
}
stop_service() {
  [ -n "$SERVICE_PID" ] && kill "$SERVICE_PID" 2>/dev/null && wait "$SERVICE_PID" 2>/dev/null || true
  SERVICE_PID=
}
cleanup() {
  stop_service
  bench drop-topic "$KAFKA" "$TOPIC" >/dev/null 2>&1 || true
}
trap cleanup EXIT

if [ "${REUSE:-0}" = 1 ]; then
  echo "== reusing database $DB as it is (search and verify only)"
else
echo "== a fresh database $DB, its schema made by the service"
dropdb -h "$DB_HOST" -p "$DB_PORT" -U "${PGUSER:-postgres}" --if-exists "$DB"
COACHOS_DB_NAME="$DB" "$JAVA" -jar "$BOOTSTRAP_JAR" >/dev/null
start_service
stop_service

echo "== 1. seeding $RECORDS records over $MONTHS months"
t0=$SECONDS
bench seed "jdbc:postgresql://$DB_HOST:$DB_PORT/$DB" "$RECORDS" "$MONTHS"
echo "seeded in $((SECONDS - t0)) s; size on disk: $("${PSQL[@]}" -c "select pg_size_pretty(sum(pg_total_relation_size(c.oid))) from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'audit' and c.relkind = 'r'")"

echo "== 2. a backlog of $BACKLOG events on $TOPIC, then the service started"
bench produce "$KAFKA" "$TOPIC" "$BACKLOG"
start_service
for _ in $(seq 1 3600); do
  done_count=$("${PSQL[@]}" -c "select count(*) from audit.audit_record where topic = '$TOPIC'")
  [ "$done_count" -ge "$BACKLOG" ] && break
  sleep 1
done
"${PSQL[@]}" -c "
  select format('recorded %s events in %s s: %s events/s (from the first record''s recording time to the last''s)',
    count(*), round(extract(epoch from max(recorded_at) - min(recorded_at))::numeric, 1),
    round(count(*) / nullif(extract(epoch from max(recorded_at) - min(recorded_at)), 0)))
  from audit.audit_record where topic = '$TOPIC'"
fi
[ -n "$SERVICE_PID" ] || start_service

if [ "${VERIFY_ONLY:-0}" != 1 ]; then
echo "== 3. search, one request at a time, $("${PSQL[@]}" -c "select to_char(count(*), 'FM999,999,999') from audit.audit_record") records"
bench search "http://127.0.0.1:$PORT" "$IDENTITY" "$BENCH_EMAIL" "$BENCH_PASSWORD" "$SEARCHES"
fi

echo "== 4. verify, the whole trail"
bench verify "http://127.0.0.1:$PORT" "$IDENTITY" "$BENCH_EMAIL" "$BENCH_PASSWORD"

stop_service
if [ "${KEEP_DB:-1}" = 0 ]; then
  dropdb -h "$DB_HOST" -p "$DB_PORT" -U "${PGUSER:-postgres}" "$DB"
fi
