#!/usr/bin/env bash
# The fault matrix: N writes in, exactly N effects out, whatever fails on the way.
#
#   bench/faults.sh                         # every fault, in turn, against ./coachos up on this machine
#   bench/faults.sh kafka redelivery        # some of them
#
# Faults: kafka (the broker stopped for KAFKA_DOWN seconds, 30 by default, and started again),
# consumer (communication-service killed with kill -9 mid-stream and restarted), producer
# (enrollment-service killed with kill -9 with events committed that its relay has not sent: it is first
# restarted with its relay switched off, takes writes for a while, then is killed), postgres (the
# PostgreSQL server restarted), redelivery (communication-, finance- and audit-service stopped, every
# one of their consumer groups moved back to the start of its topics, and started again: each event is
# delivered to them a second time), role (finance-service's database role refused for ROLE_DOWN
# seconds, 20 by default: NOLOGIN and its open connections terminated).
#
# While a fault happens, a writer sends a steady stream of writes through the gateway, as a careful
# client would: each iteration creates a student, enrolls them in a batch (Idempotency-Key), takes a
# payment on one of a few fee plans (Idempotency-Key) and marks the new student's attendance on a day of
# their own. A write that gets no answer, a 5xx or a 429 is sent again (the same key) until it is
# answered; a student whose creation timed out after it committed is found by e-mail on the 409.
#
# After each fault it waits (at most RECOVER_WAIT seconds, 300 by default) until every effect exists,
# then reports per fault: writes sent, effects expected, found, duplicates, and the time from the end of
# the fault until the last effect existed and no outbox row waited. Effects are read from each service's
# own tables: the welcome, enrollment and payment notifications (communication-service), the student,
# fee plan and session rows (finance-service), the enrollment read model (course-service), the user
# directory (enrollment-service), and one audit record per event of every outbox (audit-service).
# Duplicates are counted over everything this run wrote, so a fault that replays history shows any
# effect it doubled. Exit status 1 when an effect is missing or doubled.
#
# Needs bash, curl, jq, psql (as postgres on localhost) and the suite started by ./coachos up with raised
# limits (the writer logs in again when its token runs out):
#   COACHOS_AUTH_RATE_PER_MINUTE=100000000 COACHOS_USER_RATE_PER_MINUTE=100000000 ./coachos up
set -uo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
GW="${COACHOS_GATEWAY_URL:-http://localhost:8080}"
RUN_DIR="${COACHOS_RUN_DIR:-$ROOT/.run}"
DB="${COACHOS_DB_NAME:-coachos}"
KAFKA="localhost:${KAFKA_PORT:-9092}"
KAFKA_DOWN="${KAFKA_DOWN:-30}"
ROLE_DOWN="${ROLE_DOWN:-20}"
LEAD="${LEAD:-15}"          # seconds of writes before each fault
TAIL="${TAIL:-15}"          # seconds of writes after it
RECOVER_WAIT="${RECOVER_WAIT:-300}"
PAUSE="${PAUSE:-0.2}"       # between two iterations of the writer
DIRECTOR_EMAIL="${COACHOS_ADMIN_EMAIL:-director@coachos.local}"
DIRECTOR_PASSWORD="${COACHOS_ADMIN_PASSWORD:-local-director-pass}"
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"

RUN_CLOCK="$(date +%H%M%S)"
RUN="f$RUN_CLOCK$((RANDOM % 100))"
OUT="${FAULTS_OUT:-$ROOT/bench/target/faults-$RUN}"
mkdir -p "$OUT"
FAULTS=("$@")
[ ${#FAULTS[@]} -gt 0 ] || FAULTS=(kafka consumer producer postgres redelivery role)

say() { printf '[%s] %s\n' "$(date +%T)" "$*"; }
die() { say "faults: $*" >&2; exit 2; }
sql() { psql -h localhost -U postgres -d "$DB" -XAtq -v ON_ERROR_STOP=1 -c "$1"; }

# ---- HTTP ----------------------------------------------------------------------------------------------
TOKEN=""
login() {
  local body
  for _ in $(seq 1 120); do
    body="$(curl -s --max-time 10 -H 'Content-Type: application/json' "$GW/api/v1/auth/login" \
      -d "$(jq -n --arg e "$DIRECTOR_EMAIL" --arg p "$DIRECTOR_PASSWORD" '{email: $e, password: $p}')")"
    TOKEN="$(jq -r '.accessToken // empty' <<<"$body" 2>/dev/null)"
    [ -n "$TOKEN" ] && { printf '%s' "$TOKEN" >"$OUT/token"; return 0; }
    sleep 1
  done
  die "cannot log in as $DIRECTOR_EMAIL: $body"
}

# api METHOD PATH [JSON] [HEADER]: one request; leaves STATUS and BODY
api() {
  local file="$OUT/body.$BASHPID"
  local args=(-s -o "$file" -w '%{http_code}' --max-time 30 -X "$1" "$GW$2"
    -H "Authorization: Bearer $TOKEN")
  [ -z "${3:-}" ] || args+=(-H 'Content-Type: application/json' --data-binary "$3")
  [ -z "${4:-}" ] || args+=(-H "$4")
  STATUS="$(curl "${args[@]}" 2>/dev/null)" || STATUS="${STATUS:-000}"
  BODY="$(cat "$file" 2>/dev/null)"
}

# must EXPECTED METHOD PATH [JSON] [HEADER]: for the setup, where nothing fails
must() {
  local expected="$1"
  shift
  api "$@"
  [ "$STATUS" = "$expected" ] || die "$1 $2 answered $STATUS, expected $expected: $BODY"
}

# send METHOD PATH JSON [HEADER]: as a careful client, until the write is answered (2xx or 409).
# Counts the attempts beyond the first in RETRIES. Returns 1 on any other 4xx (a harness defect).
RETRIES=0
send() {
  local deadline=$((SECONDS + 900))
  while ((SECONDS < deadline)); do
    api "$@"
    case "$STATUS" in
      2??|409) return 0 ;;
      401) TOKEN="$(cat "$OUT/token")"; api GET /api/v1/users/me; [ "$STATUS" = 200 ] || login ;;
      000|429|5??) ;;
      *)
        # A refusal the caller expects (SOFT, a text of the answer) is theirs to handle.
        if [ -n "${SOFT:-}" ] && [[ "$BODY" == *"$SOFT"* ]]; then return 3; fi
        say "write refused: $1 $2 -> $STATUS $BODY" >>"$OUT/errors"
        return 1 ;;
    esac
    RETRIES=$((RETRIES + 1))
    [ -z "${STATUS_LOG:-}" ] || echo "$STATUS $1 ${2%%\?*}" >>"$STATUS_LOG"
    sleep 0.5
  done
  say "write never answered: $1 $2" >>"$OUT/errors"
  return 1
}

# ---- the world the writes happen in ---------------------------------------------------------------------
setup() {
  login
  must 201 POST /api/v1/branches "$(jq -n --arg code "F$RUN" \
    '{code: $code, name: "Fault drill centre", city: "Pune", state: "Maharashtra"}')"
  BRANCH="$(jq -r .id <<<"$BODY")"
  must 201 POST /api/v1/courses "$(jq -n --arg title "Fault drill $RUN" \
    '{title: $title, price: 18500, level: "BEGINNER", durationHours: 100}')"
  COURSE="$(jq -r .id <<<"$BODY")"
  START="$(date -d '-2000 days' +%F)"
  must 201 POST /api/v1/batches "$(jq -n --arg course "$COURSE" --arg branch "$BRANCH" --arg start "$START" \
    --arg name "Fault drill batch $RUN" \
    '{courseId: $course, branchId: $branch, name: $name, startDate: $start, capacity: 10000,
      schedule: {mon: "10:00-12:00"}, feeFrequency: "ONE_TIME"}')"
  BATCH="$(jq -r .id <<<"$BODY")"
  # A few fee plans to take payments on: made before any fault, so a payment never waits for an event.
  PLANS=()
  local i student
  for i in 1 2 3; do
    must 201 POST /api/v1/users "$(jq -n --arg email "payer$i.$RUN@faults.example" --arg branch "$BRANCH" \
      '{email: $email, name: "Payer", roleName: "STUDENT", branchId: $branch}')"
    student="$(jq -r .id <<<"$BODY")"
    must 201 POST /api/v1/enrollments "$(jq -n --arg s "$student" --arg c "$COURSE" --arg b "$BATCH" \
      '{studentId: $s, courseId: $c, batchId: $b}')" "Idempotency-Key: payer-$i-$RUN"
    for _ in $(seq 1 120); do
      api GET "/api/v1/fee-plans?studentId=$student"
      [ "$STATUS" = 200 ] && [ -n "$(jq -r '.content[0].id // empty' <<<"$BODY")" ] && break
      sleep 1
    done
    PLANS+=("$(jq -r '.content[0].id // empty' <<<"$BODY")")
    [ -n "${PLANS[-1]}" ] || die "no fee plan for the enrollment of $student"
  done
  DAY=0
  say "setup: branch $BRANCH, course $COURSE, batch $BATCH (from $START), plans ${PLANS[*]}"
}

# ---- the writer -----------------------------------------------------------------------------------------
# writer PHASE: until $OUT/PHASE.stop exists, one iteration after another; each write's id on a line
# of $OUT/PHASE.writes ("user ID", "enrollment ID", "payment ID RECEIPT", "attendance DATE").
# enrollment-service learns of a new student by event; until it has, it refuses the enrollment with a
# 400 that says so, and the writer, like a client told to try again in a moment, keeps that student
# aside and tries again in its next iterations (and after the stream ends, until each is enrolled).
writer() {
  local phase="$1" i=0 email student day entry
  local log="$OUT/$phase.writes" waiting=() still=()
  : >"$log"
  STATUS_LOG="$OUT/$phase.statuses"
  : >"$STATUS_LOG"
  RETRIES=0
  while [ ! -f "$OUT/$phase.stop" ]; do
    i=$((i + 1))
    email="s$i.$phase.$RUN@faults.example"
    if send POST /api/v1/users "$(jq -n --arg email "$email" --arg branch "$BRANCH" \
      '{email: $email, name: "Fault Student", roleName: "STUDENT", branchId: $branch}')"; then
      if [ "$STATUS" = 409 ]; then
        student="$(sql "select id from identity.app_user where email = '$email'")"
      else
        student="$(jq -r .id <<<"$BODY")"
      fi
      if [[ "$student" =~ ^[0-9a-f-]{36}$ ]]; then
        echo "user $student" >>"$log"
        waiting+=("$student:$i")
      else
        say "409 for $email and no such user" >>"$OUT/errors"
      fi
    fi
    day="$(next_day)"
    # A UPI payment names its 12-digit UTR, unique across payments (a reused one is a 409).
    if send POST /api/v1/payments "$(jq -n --arg plan "${PLANS[$((i % ${#PLANS[@]}))]}" \
      --arg utr "$(printf '%06d%06d' "$((10#$RUN_CLOCK))" "$day")" \
      '{planId: $plan, amount: 1.00, method: "UPI", reference: $utr}')" "Idempotency-Key: p-$phase-$i-$RUN"; then
      if [ "$STATUS" = 409 ]; then
        say "payment refused: $BODY" >>"$OUT/errors"
      else
        local paid
        paid="$(jq -r '(.id // "") + " " + (.receiptId // "")' <<<"$BODY")"
        if [[ "$paid" =~ ^[0-9a-f-]{36}\ [0-9a-f-]{36}$ ]]; then
          echo "payment $paid" >>"$log"
        else
          say "payment answered without its id or receipt: $BODY" >>"$OUT/errors"
        fi
      fi
    fi
    still=()
    for entry in "${waiting[@]}"; do
      enroll "$phase" "$entry" || still+=("$entry")
    done
    waiting=("${still[@]}")
    sleep "$PAUSE"
  done
  local deadline=$((SECONDS + 600))
  while [ ${#waiting[@]} -gt 0 ] && ((SECONDS < deadline)); do
    still=()
    for entry in "${waiting[@]}"; do
      enroll "$phase" "$entry" || still+=("$entry")
    done
    waiting=("${still[@]}")
    [ ${#waiting[@]} -eq 0 ] || sleep 1
  done
  for entry in "${waiting[@]}"; do say "never enrolled: ${entry%%:*}" >>"$OUT/errors"; done
  echo "$RETRIES" >"$OUT/$phase.retries"
}

# enroll PHASE STUDENT:I: the student's enrollment, then their attendance on a day of its own.
# Fails (to be tried again) while enrollment-service does not know the student yet.
enroll() {
  local phase="$1" student="${2%%:*}" i="${2##*:}" date
  SOFT='is known here' send POST /api/v1/enrollments "$(jq -n --arg s "$student" --arg c "$COURSE" --arg b "$BATCH" \
    '{studentId: $s, courseId: $c, batchId: $b}')" "Idempotency-Key: e-$phase-$i-$RUN"
  case $? in
    0) ;;
    3) return 1 ;;
    *) return 0 ;;
  esac
  [ "$STATUS" = 409 ] && { say "enrollment refused: $BODY" >>"$OUT/errors"; return 0; }
  local enrollment
  enrollment="$(jq -r '.id // ""' <<<"$BODY")"
  [[ "$enrollment" =~ ^[0-9a-f-]{36}$ ]] || { say "enrollment answered without its id: $BODY" >>"$OUT/errors"; return 0; }
  echo "enrollment $enrollment" >>"$OUT/$phase.writes"
  date="$(date -d "$START + $(next_day) days" +%F)"
  send POST /api/v1/attendance "$(jq -n --arg b "$BATCH" --arg d "$date" --arg s "$student" \
    '{batchId: $b, date: $d, records: [{studentId: $s, status: "PRESENT"}]}')" &&
    echo "attendance $date" >>"$OUT/$phase.writes"
  return 0
}

# Days are handed out through a file, so that the writers of consecutive phases never share one.
next_day() {
  local n
  n=$(($(cat "$OUT/day" 2>/dev/null || echo 0) + 1))
  echo "$n" >"$OUT/day"
  echo "$n"
}

# ---- checks ---------------------------------------------------------------------------------------------
# values KIND [FIELD]: the ids this run wrote of that kind, as a SQL VALUES list (all phases so far)
values() {
  local kind="$1" field="${2:-2}"
  cat "$OUT"/*.writes 2>/dev/null | awk -v k="$kind" -v f="$field" '$1 == k && $f != "" {print "(" q $f q ")"}' q="'" |
    sort -u | paste -sd, -
}

# Each effect as: expected|found|duplicates, counted over every write of the run.
# count_effect NAME KIND TYPE SQL: SQL counts one write's effect rows for the id column v.id
count_effect() {
  local name="$1" kind="$2" type="$3" query="$4" list
  list="$(values "$kind" "${5:-2}")"
  [ -n "$list" ] || { echo "$name|0|0|0"; return; }
  sql "select '$name', count(*), count(*) filter (where n > 0), coalesce(sum(n - 1) filter (where n > 1), 0)
       from (select ($query) as n from (values $list) as v(id)) c" | tr -d ' '
}

effects() {
  count_effect welcome-notification user uuid \
    "select count(*) from communication.notification n where n.user_id = v.id::uuid and n.link = '/profile'" || return 1
  count_effect finance-student user uuid "select count(*) from finance.student_view s where s.student_id = v.id::uuid" || return 1
  count_effect enrollment-directory user uuid "select count(*) from enrollment.known_user k where k.user_id = v.id::uuid" || return 1
  count_effect fee-plan enrollment uuid "select count(*) from finance.fee_plan p where p.enrollment_id = v.id::uuid" || return 1
  count_effect enrollment-notification enrollment uuid \
    "select count(*) from communication.notification n where n.link = '/enrollments/' || v.id" || return 1
  count_effect course-read-model enrollment uuid \
    "select count(*) from course.course_enrollment e where e.enrollment_id = v.id::uuid" || return 1
  count_effect payment-notification payment uuid \
    "select count(*) from communication.notification n where n.link = '/receipts/' || v.id" 3 || return 1
  count_effect payment-receipt-email payment uuid \
    "select count(*) from communication.delivery d where d.purpose = 'PAYMENT_RECEIPT' and d.channel = 'EMAIL'
       and d.source_event_id in (select o.id from finance.outbox_event o
                                 where o.type = 'PaymentReceived' and o.envelope->'payload'->>'paymentId' = v.id)" || return 1
  count_effect teacher-pay-session attendance date \
    "select count(*) from finance.batch_session b where b.batch_id = '$BATCH' and b.session_date = v.id::date" || return 1
  # Every event any service published since the run began: one audit record each.
  local union="" schema
  for schema in "${OUTBOX_SCHEMAS[@]}"; do
    [ "$schema" = audit ] ||
      union+="${union:+ union all }select id from $schema.outbox_event where created_at >= '$T_START'"
  done
  sql "select 'audit-record', count(*), count(*) filter (where n > 0), coalesce(sum(n - 1) filter (where n > 1), 0)
       from (select (select count(*) from audit.audit_record a where a.event_id = o.id) as n from ($union) o) c" | tr -d ' '
}

# Rows any outbox still holds unsent (published_at null), and rows it gave up on (parked).
outbox_waiting() {
  local union="" schema
  for schema in "${OUTBOX_SCHEMAS[@]}"; do
    union+="${union:+ union all }select published_at, parked_at from $schema.outbox_event where created_at >= '$T_START'"
  done
  sql "select count(*) filter (where published_at is null and parked_at is null) || ' '
       || count(*) filter (where parked_at is not null) from ($union) o"
}

EFFECTS=10   # the lines effects() prints: a failed count query shows as a missing one
complete() { # true when every effect exists, none twice, and no outbox row waits
  local lines=0
  effects >"$OUT/effects.now" 2>>"$OUT/check-errors" || return 1
  while IFS='|' read -r name expected found dup; do
    [ -n "$name" ] && [ -n "$expected" ] && [ "$expected" = "$found" ] && [ "$dup" = 0 ] || return 1
    lines=$((lines + 1))
  done <"$OUT/effects.now"
  [ "$lines" = "$EFFECTS" ] && [ "$(outbox_waiting 2>>"$OUT/check-errors")" = "0 0" ]
}

# ---- the faults ------------------------------------------------------------------------------------------
pid_of() { cat "$RUN_DIR/pids/$1.pid" 2>/dev/null; }
restart_missing() { (cd "$ROOT" && ./coachos up) >>"$OUT/coachos.log" 2>&1 || say "./coachos up failed; see $OUT/coachos.log"; }

fault_kafka() {
  say "kafka: stopping the broker for ${KAFKA_DOWN}s"
  kill "$(pid_of kafka)"
  sleep "$KAFKA_DOWN"
  restart_missing
}

fault_consumer() {
  say "consumer: kill -9 communication-service (pid $(pid_of communication-service))"
  kill -9 "$(pid_of communication-service)"
  sleep 5
  restart_missing
}

fault_producer() {
  say "producer: enrollment-service restarted with its relay off"
  kill "$(pid_of enrollment-service)"
  while kill -0 "$(pid_of enrollment-service)" 2>/dev/null; do sleep 0.5; done
  (cd "$ROOT" && COACHOS_OUTBOX_RELAYENABLED=false ./coachos up) >>"$OUT/coachos.log" 2>&1
  sleep 15
  local waiting
  waiting="$(sql "select count(*) from enrollment.outbox_event where published_at is null")"
  say "producer: kill -9 enrollment-service with $waiting committed events not relayed"
  echo "$waiting" >"$OUT/producer.unrelayed"
  kill -9 "$(pid_of enrollment-service)"
  restart_missing
}

fault_postgres() {
  local version
  version="$(ls /etc/postgresql | sort -V | tail -n 1)"
  say "postgres: restarting PostgreSQL $version"
  pg_ctlcluster --skip-systemctl-redirect "$version" main restart
}

fault_redelivery() {
  local service
  say "redelivery: stopping communication-, finance- and audit-service"
  for service in communication-service finance-service audit-service; do kill "$(pid_of "$service")"; done
  for service in communication-service finance-service audit-service; do
    while kill -0 "$(pid_of "$service")" 2>/dev/null; do sleep 0.5; done
  done
  # A group's members leave as their service stops; the reset waits until the broker agrees.
  local reset=0
  for _ in $(seq 1 60); do
    "$JAVA" -Dlogback.configurationFile="$ROOT/bench/logback.xml" -cp "$ROOT/platform/kafka-broker/target/lib/*" \
      "$ROOT/bench/ResetOffsets.java" "$KAFKA" \
      'communication-service*' 'finance-service*' 'audit-service*' >"$OUT/reset.log" 2>&1 && { reset=1; break; }
    sleep 2
  done
  ((reset)) || { restart_missing; die "redelivery: the consumer groups could not be reset; see $OUT/reset.log"; }
  say "redelivery: $(grep -E 'reset|no committed' "$OUT/reset.log" | paste -sd';' -)"
  restart_missing
}

FINANCE_ROLE="${COACHOS_FINANCE_DB_USER:-coachos_finance}"
fault_role() {
  local role="$FINANCE_ROLE"
  [ "$(sql "select rolsuper from pg_roles where rolname = '$role'")" = f ] ||
    die "role: $role is not an ordinary role of this database"
  say "role: $role refused for ${ROLE_DOWN}s"
  trap 'sql "alter role $FINANCE_ROLE login" >/dev/null' EXIT
  sql "alter role $role nologin" >/dev/null
  sql "select count(pg_terminate_backend(pid)) from pg_stat_activity where usename = '$role'" >/dev/null
  sleep "$ROLE_DOWN"
  sql "alter role $role login" >/dev/null
}

# ---- one phase per fault ---------------------------------------------------------------------------------
REPORT="$OUT/report.txt"
phase() {
  local fault="$1" writer_pid fault_start fault_end recovered_at
  say "== $fault"
  writer "$fault" &
  writer_pid=$!
  sleep "$LEAD"
  fault_start=$SECONDS
  "fault_$fault"
  fault_end=$SECONDS
  sleep "$TAIL"
  touch "$OUT/$fault.stop"
  wait "$writer_pid"
  local deadline=$((SECONDS + RECOVER_WAIT)) ok=0
  until complete; do
    ((SECONDS < deadline)) || break
    sleep 2
  done
  complete && ok=1
  recovered_at=$SECONDS
  local writes
  writes="$(awk '{n[$1]++} END {printf "%d users, %d enrollments, %d payments, %d attendance", n["user"], n["enrollment"], n["payment"], n["attendance"]}' "$OUT/$fault.writes")"
  {
    echo "## $fault: writes sent: $writes (retried requests: $(cat "$OUT/$fault.retries"))"
    [ -s "$OUT/$fault.statuses" ] && echo "   answers that were retried: $(awk '{print $1 " " $2 " " $3}' "$OUT/$fault.statuses" |
      sed -E 's#/[0-9a-f-]{36}#/{id}#g' | sort | uniq -c | sort -rn | awk '{printf "%s%s x %s %s %s", sep, $1, $2, $3, $4; sep = "; "}')"
    if [ "$fault" = producer ]; then
      echo "   committed events not relayed when killed: $(cat "$OUT/producer.unrelayed")"
      [ "$(cat "$OUT/producer.unrelayed")" != 0 ] || { echo "   (nothing was waiting: this fault tested nothing)"; ok=0; }
    fi
    if ((ok)); then
      echo "   recovered: every effect found, none doubled, no outbox row waiting, at most $((recovered_at - fault_start)) s after the fault began and $((recovered_at - fault_end)) s after it ended (the fault lasted $((fault_end - fault_start)) s; checked from ${TAIL} s after its end, every 2 s)"
    else
      echo "   NOT RECOVERED within ${RECOVER_WAIT}s (an effect missing or doubled, or an outbox row waiting); outbox rows waiting/parked: $(outbox_waiting)"
    fi
    printf '   %-24s %9s %9s %11s\n' effect expected found duplicates
    while IFS='|' read -r name expected found dup; do
      printf '   %-24s %9s %9s %11s\n' "$name" "$expected" "$found" "$dup"
    done <"$OUT/effects.now"
  } | tee -a "$REPORT"
  ((ok)) || FAILED=1
}

for tool in curl jq psql; do command -v "$tool" >/dev/null || die "$tool is needed"; done
curl -s -o /dev/null --max-time 5 "$GW/api/v1/auth/jwks" || die "no gateway at $GW: start the suite with ./coachos up"
T_START="$(sql "select now()")"
# Every service schema that publishes events, read once: the checks below run every 2 s.
mapfile -t OUTBOX_SCHEMAS < <(sql "select table_schema from information_schema.tables where table_name = 'outbox_event'
                                   order by 1")
FAILED=0
setup
echo "# Fault matrix, run $RUN ($(date -u +%FT%TZ)); effects counted over all writes of the run so far" | tee "$REPORT"
for fault in "${FAULTS[@]}"; do
  declare -F "fault_$fault" >/dev/null || die "no such fault: $fault"
  phase "$fault"
done
[ -s "$OUT/errors" ] && { say "writes refused (harness or service defects):"; cat "$OUT/errors"; FAILED=1; }
say "report: $REPORT"
exit "$FAILED"
