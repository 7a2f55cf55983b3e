#!/usr/bin/env bash
# enrollment-service benchmark. Start the suite on a database of its own first:
#   COACHOS_DB_NAME=coachos_bench COACHOS_USER_RATE_PER_MINUTE=100000000 COACHOS_ADDRESS_RATE_PER_MINUTE=100000000 ./coachos up
# then: bench/enrollment.sh   (needs wrk, jq and psql; it adds rows to that database's enrollment tables)
# 1. Enrollments per second through the gateway with 10, 50 and 200 concurrent clients (each a new student).
# 2. Marking attendance for a 30-student batch, the attendance summaries and a progress query,
#    with 1,000 and then 100,000 attendance rows in the table.
set -euo pipefail
cd "$(dirname "$0")"
DB="${COACHOS_DB_NAME:-coachos_bench}"
GATEWAY="${GATEWAY:-http://localhost:8080}"
IDENTITY="${IDENTITY:-http://localhost:8081}"
DURATION="${DURATION:-15s}"
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h "${COACHOS_DB_HOST:-localhost}" -U "${PGUSER:-postgres}" -d "$DB")
case "$DB" in *bench*) ;; *) echo "refusing: COACHOS_DB_NAME must name a benchmark database" >&2; exit 1 ;; esac
for tool in wrk jq psql; do command -v $tool >/dev/null || { echo "$tool is needed" >&2; exit 1; }; done
JSON='Content-Type: application/json'
RUN_ID=$(date +%s)

login() { curl -sf -X POST "$IDENTITY/api/v1/auth/login" -H "$JSON" -d "{\"email\":\"$1\",\"password\":\"$2\"}" | jq -r .accessToken; }
user() { # email role -> id
  curl -sf -X POST "$GATEWAY/api/v1/users" -H "Authorization: Bearer $DIRECTOR" -H "$JSON" \
    -d "{\"email\":\"$1\",\"name\":\"Bench $2\",\"roleName\":\"$2\",\"password\":\"bench-pass-1234\"}" | jq -r .id
}
post() { curl -sf -X POST "$GATEWAY$1" -H "Authorization: Bearer $DIRECTOR" -H "$JSON" -d "$2"; }
RUNS=0
measure() { # label connections script url
  local out
  RUNS=$((RUNS + 1))
  export BENCH_RUN=$RUNS
  wrk -t2 -c"$2" -d"$DURATION" -s "$3" "$4" >/tmp/wrk.$$ 2>&1
  out=$(grep RESULT /tmp/wrk.$$ | sed 's/RESULT //')
  rm -f /tmp/wrk.$$
  printf '%-52s %s\n' "$1" "$out"
}
attendance_rows() { # make the attendance table hold n rows (other batches' students)
  "${PSQL[@]}" <<SQL
INSERT INTO enrollment.attendance (id, batch_id, student_id, lesson_id, date, status, marked_by, marked_at)
SELECT gen_random_uuid(), '$FILLER', gen_random_uuid(), NULL, current_date - (g % 365)::int,
       (ARRAY['PRESENT','ABSENT','LATE','EXCUSED'])[1 + g % 4], gen_random_uuid(), now()
FROM generate_series(1, GREATEST(0, $1 - (SELECT count(*) FROM enrollment.attendance))) g;
ANALYZE enrollment.attendance;
SQL
  echo "attendance rows: $("${PSQL[@]}" -tAc 'select count(*) from enrollment.attendance')"
}

DIRECTOR=$(login "${BENCH_EMAIL:-director@coachos.local}" "${BENCH_PASSWORD:-local-director-pass}")
COURSE=$(post /api/v1/courses "{\"title\":\"Bench course $RUN_ID\",\"price\":12000,\"level\":\"BEGINNER\"}" | jq -r .id)
OFFICIAL=$(curl -sf "$GATEWAY/api/v1/courses/$COURSE/curricula" -H "Authorization: Bearer $DIRECTOR" | jq -r '.[0].id')
MODULE=$(post "/api/v1/curricula/$OFFICIAL/modules" '{"title":"Module"}' | jq -r .id)
LESSON=$(post "/api/v1/modules/$MODULE/lessons" '{"title":"Lesson 1","weightage":2}' | jq -r .id)
post "/api/v1/modules/$MODULE/lessons" '{"title":"Lesson 2","weightage":1}' >/dev/null
# enrollment-service hears of the course and its lessons through course-service's events.
for i in $(seq 1 60); do
  code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$GATEWAY/api/v1/batches" -H "Authorization: Bearer $DIRECTOR" -H "$JSON" \
    -d "{\"courseId\":\"$COURSE\",\"name\":\"probe\",\"startDate\":\"2026-01-05\",\"capacity\":1}")
  [ "$code" = 201 ] && break; sleep 1
done
BATCHES=""
for i in 1 2 3 4 5; do
  id=$(post /api/v1/batches "{\"courseId\":\"$COURSE\",\"name\":\"Bench $i\",\"startDate\":\"2026-01-05\",\"capacity\":10000}" | jq -r .id)
  BATCHES="$BATCHES${BATCHES:+,}$id"
done
# Students enrollment-service knows (its directory is fed by identity's events; registering 200,000
# accounts through identity would take the benchmark hours): a block of 20,000 per run and wrk thread.
"${PSQL[@]}" -c "INSERT INTO enrollment.known_user (user_id, role, profile_type, branch_id, active, updated_at)
  SELECT ('00000000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid, 'STUDENT', 'STUDENT', NULL, true, now()
  FROM generate_series(1, 200000) g ON CONFLICT DO NOTHING"
export BENCH_COURSE=$COURSE BENCH_BATCHES=$BATCHES BENCH_TOKEN=$DIRECTOR BENCH_RUN=0
wrk -t2 -c10 -d5s -s enroll.lua "$GATEWAY" >/dev/null 2>&1 # warm-up, not reported
echo "wrk, $DURATION each, through the gateway ($GATEWAY)"
for c in 10 50 200; do
  measure "enrollments, $c concurrent clients" "$c" enroll.lua "$GATEWAY"
done
echo "enrollments in the table: $("${PSQL[@]}" -tAc 'select count(*) from enrollment.enrollment')"

# A 30-student batch with a real teacher and a real student among them.
TEACHER_ID=$(user "bench.teacher.$RUN_ID@coachos.local" TEACHER)
STUDENT_ID=$(user "bench.student.$RUN_ID@coachos.local" STUDENT)
CLASS=$(post /api/v1/batches "{\"courseId\":\"$COURSE\",\"name\":\"Thirty\",\"startDate\":\"2026-01-05\",\"teacherId\":\"$TEACHER_ID\"}" | jq -r .id)
FILLER=$(post /api/v1/batches "{\"courseId\":\"$COURSE\",\"name\":\"Filler\",\"startDate\":\"2026-01-05\",\"capacity\":1}" | jq -r .id)
STUDENTS="$STUDENT_ID"
post /api/v1/enrollments "{\"studentId\":\"$STUDENT_ID\",\"courseId\":\"$COURSE\",\"batchId\":\"$CLASS\"}" >/dev/null
for i in $(seq 2 30); do
  s=$(cat /proc/sys/kernel/random/uuid)
  "${PSQL[@]}" -c "INSERT INTO enrollment.known_user (user_id, role, profile_type, active, updated_at)
    VALUES ('$s', 'STUDENT', 'STUDENT', true, now())"
  post /api/v1/enrollments "{\"studentId\":\"$s\",\"courseId\":\"$COURSE\",\"batchId\":\"$CLASS\"}" >/dev/null
  STUDENTS="$STUDENTS $s"
done
TEACHER=$(login "bench.teacher.$RUN_ID@coachos.local" bench-pass-1234)
STUDENT=$(login "bench.student.$RUN_ID@coachos.local" bench-pass-1234)
for i in $(seq 1 60); do # the lesson list arrives with course-service's LessonsChanged
  code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$GATEWAY/api/v1/progress/courses/$COURSE/lessons/$LESSON/complete" \
    -H "Authorization: Bearer $STUDENT")
  [ "$code" = 200 ] && break; sleep 1
done
RECORDS=$(for s in $STUDENTS; do printf '{"studentId":"%s","status":"PRESENT"},' "$s"; done)
export BENCH_BODY="{\"batchId\":\"$CLASS\",\"date\":\"$(date -d yesterday +%F)\",\"records\":[${RECORDS%,}]}"
for rows in 1000 100000; do
  attendance_rows "$rows"
  BENCH_TOKEN=$TEACHER measure "mark 30 students ($rows rows), 8 clients" 8 post.lua "$GATEWAY/api/v1/attendance"
  BENCH_TOKEN=$TEACHER measure "batch summary, 30 days ($rows rows), 8 clients" 8 get.lua "$GATEWAY/api/v1/attendance/batches/$CLASS/summary"
  BENCH_TOKEN=$STUDENT measure "own attendance summary ($rows rows), 8 clients" 8 get.lua "$GATEWAY/api/v1/attendance/students/$STUDENT_ID/summary"
  BENCH_TOKEN=$STUDENT measure "own progress ($rows rows), 8 clients" 8 get.lua "$GATEWAY/api/v1/progress/courses/$COURSE"
done
