#!/usr/bin/env bash
# communication-service's absence alerts, from enrollment's AttendanceMarked to the SMS provider,
# against a WireMock stand-in for MSG91 that answers in 50 ms. Three steps:
#   bench/delivery.sh provider        starts WireMock (the jar in ~/.m2, WIREMOCK_JAR to choose) on
#                                     PROVIDER_PORT (8099): POST /api/v5/flow answers 200
#                                     {"type":"success","message":<a new id>} after 50 ms;
#   then the suite with the provider and quiet hours away from the run (and the rate limits raised):
#     COACHOS_SMS_AUTH_KEY=bench-key COACHOS_SMS_BASE_URL=http://localhost:8099 \
#     COACHOS_QUIET_FROM=03:00 COACHOS_QUIET_UNTIL=03:01 ./coachos up
#   bench/delivery.sh [burst=1000] [steady_seconds=30] [steady_size=30]
#                                     the run (DeliveryBench): seeds communication-service's read
#                                     models (batches, students, one guardian with a phone each),
#                                     publishes AttendanceMarked straight to coachos.enrollment.events:
#                                     BURST absent students over BURST_BATCHES (40) events at once,
#                                     then one event of STEADY_SIZE absent students every second for
#                                     STEADY_SECONDS; rows queued and SENT per second, and each alert's
#                                     time from its event's publishing to WireMock receiving the SMS.
#                                     Before them, the sender alone: DRAIN (1000) SMS rows written
#                                     QUEUED into communication.delivery, all due at one moment;
#   bench/delivery.sh provider-stop   stops that WireMock.
# For the run the ABSENCE_ALERT SMS template gets a DLT id (BENCH_DLT_ID) in place of the shipped
# placeholder, which Msg91Sms refuses, and its EMAIL and WHATSAPP templates are made inactive (so that
# each alert is one SMS, and no WhatsApp message goes to the log sender beside it; ALL_CHANNELS=1
# leaves them as they are); all three are put back as they were at the end, also when a step fails.
# The seeded rows and the run's deliveries are deleted at the end (KEEP=1 keeps them). Needs psql,
# a JDK 25 and the suite's jars.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
RUN="$ROOT/.run/deliverybench"
PROVIDER_PORT="${PROVIDER_PORT:-8099}"
PROVIDER="http://localhost:$PROVIDER_PORT"
mkdir -p "$RUN"

case "${1:-}" in
  provider)
    JAR="${WIREMOCK_JAR:-$(find ~/.m2 -name 'wiremock-standalone-*.jar' | sort | tail -n 1)}"
    [ -f "$JAR" ] || { echo "no wiremock-standalone jar in ~/.m2 (WIREMOCK_JAR)" >&2; exit 1; }
    if [ -f "$RUN/wiremock.pid" ] && kill -0 "$(cat "$RUN/wiremock.pid")" 2>/dev/null; then
      echo "WireMock already runs (pid $(cat "$RUN/wiremock.pid"))"
      exit 0
    fi
    rm -rf "$RUN/wiremock" && mkdir -p "$RUN/wiremock/mappings"
    cat >"$RUN/wiremock/mappings/msg91-flow.json" <<'JSON'
{
  "request": {"method": "POST", "urlPath": "/api/v5/flow", "headers": {"authkey": {"matches": ".+"}}},
  "response": {
    "status": 200,
    "headers": {"Content-Type": "application/json"},
    "body": "{\"type\":\"success\",\"message\":\"{{randomValue type='UUID'}}\"}",
    "transformers": ["response-template"],
    "fixedDelayMilliseconds": 50
  }
}
JSON
    setsid nohup "$JAVA" -Xmx256m -jar "$JAR" --port "$PROVIDER_PORT" --root-dir "$RUN/wiremock" \
      --disable-banner >"$RUN/wiremock.log" 2>&1 </dev/null &
    echo $! >"$RUN/wiremock.pid"
    for _ in $(seq 1 60); do
      if curl -fs "$PROVIDER/__admin/mappings" >/dev/null 2>&1; then
        echo "WireMock (pid $(cat "$RUN/wiremock.pid")) answers POST $PROVIDER/api/v5/flow after 50 ms"
        exit 0
      fi
      sleep 1
    done
    echo "WireMock did not start; see $RUN/wiremock.log" >&2
    exit 1
    ;;
  provider-stop)
    if [ -f "$RUN/wiremock.pid" ]; then
      kill "$(cat "$RUN/wiremock.pid")" 2>/dev/null || true
      rm -f "$RUN/wiremock.pid"
      echo "WireMock stopped"
    fi
    exit 0
    ;;
esac

BURST="${1:-1000}"
STEADY_SECONDS="${2:-30}"
STEADY_SIZE="${3:-30}"
BURST_BATCHES="${BURST_BATCHES:-40}"
DRAIN="${DRAIN:-1000}"
BENCH_DLT_ID="${BENCH_DLT_ID:-1107000000000000017}"
DB="${COACHOS_DB_NAME:-coachos}"
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h "${COACHOS_DB_HOST:-localhost}" -U "${PGUSER:-postgres}" -d "$DB" -tA)
JDBC="jdbc:postgresql://${COACHOS_DB_HOST:-localhost}:${COACHOS_DB_PORT:-5432}/$DB?user=${PGUSER:-postgres}"
BOOTSTRAP="${COACHOS_KAFKA_BOOTSTRAP:-localhost:9092}"
SERVICE_LOG="$ROOT/.run/logs/communication-service.log"
SERVICE_PID=$(cat "$ROOT/.run/pids/communication-service.pid" 2>/dev/null || true)

curl -fs "$PROVIDER/__admin/mappings" >/dev/null || { echo "no WireMock on $PROVIDER: bench/delivery.sh provider" >&2; exit 1; }
grep -q "SMS deliveries go through Msg91Sms" "$SERVICE_LOG" 2>/dev/null \
  || { echo "communication-service does not send SMS through Msg91Sms: start the suite with COACHOS_SMS_AUTH_KEY and COACHOS_SMS_BASE_URL=$PROVIDER" >&2; exit 1; }

JAR=$(ls communication-service/target/communication-service-*.jar | grep -v original | head -n 1)
rm -rf "$RUN/cp" && mkdir -p "$RUN/cp" && (cd "$RUN/cp" && unzip -q "$ROOT/$JAR")

# The templates as they are, to be put back.
"${PSQL[@]}" -F '|' -c "select channel, active, coalesce(provider_template_id, '') from communication.message_template
  where purpose = 'ABSENCE_ALERT'" >"$RUN/templates.txt"
restore() {
  local channel active provider
  while IFS='|' read -r channel active provider; do
    [ -n "$channel" ] || continue
    "${PSQL[@]}" -c "update communication.message_template set active = '$active'::boolean,
      provider_template_id = nullif('$provider', '') where purpose = 'ABSENCE_ALERT' and channel = '$channel'"
  done <"$RUN/templates.txt"
  echo "(the ABSENCE_ALERT templates are as they were again)"
}
trap restore EXIT
"${PSQL[@]}" -c "update communication.message_template set provider_template_id = '$BENCH_DLT_ID', active = true
  where purpose = 'ABSENCE_ALERT' and channel = 'SMS'"
if [ "${ALL_CHANNELS:-0}" != 1 ]; then
  "${PSQL[@]}" -c "update communication.message_template set active = false
    where purpose = 'ABSENCE_ALERT' and channel in ('EMAIL', 'WHATSAPP')"
fi

cpu() { [ -n "$1" ] && ps -o times= -p "$1" 2>/dev/null | tr -d ' ' || echo 0; }
echo "load before: $(uptime)"
SERVICE_CPU=$(cpu "$SERVICE_PID")
PROVIDER_CPU=$(cpu "$(cat "$RUN/wiremock.pid" 2>/dev/null || true)")
STARTED=$(date +%s)
"$JAVA" -Xmx512m -Dlogback.configurationFile=bench/logback.xml \
  -cp "$RUN/cp/BOOT-INF/classes:$RUN/cp/BOOT-INF/lib/*" bench/DeliveryBench.java \
  "$BOOTSTRAP" "$JDBC" "$PROVIDER" "$BURST" "$BURST_BATCHES" "$STEADY_SECONDS" "$STEADY_SIZE" "$DRAIN" | tee "$RUN/run.txt"
ELAPSED=$(( $(date +%s) - STARTED ))
echo "load after: $(uptime)"
echo "CPU seconds over the ${ELAPSED} s run: communication-service $(( $(cpu "$SERVICE_PID") - SERVICE_CPU )),"\
  "WireMock $(( $(cpu "$(cat "$RUN/wiremock.pid" 2>/dev/null || true)") - PROVIDER_CPU ))"

echo
echo "== communication-service deliveries: $DRAIN rows queued for the sender alone, $BURST alerts at once over $BURST_BATCHES events, then $STEADY_SIZE a second for $STEADY_SECONDS s"
echo "| Figure | Rate | p50 | p99 | Errors / max |"
echo "|---|---|---|---|---|"
grep -h '^|' "$RUN/run.txt"
