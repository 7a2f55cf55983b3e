#!/usr/bin/env bash
# assessment-service's figures against a running suite with the rate limits raised:
#   COACHOS_AUTH_RATE_PER_MINUTE=100000000 COACHOS_ADDRESS_RATE_PER_MINUTE=100000000 \
#   COACHOS_USER_RATE_PER_MINUTE=100000000 ./coachos up
# then bench/assessment.sh [students=200] [seconds=20]. In one run:
#   1. through the gateway (AssessmentBench): a course, a teacher, STUDENTS enrolled students and a
#      published 100-question quiz made through the API; answers saved per second with 50 and 200
#      students answering at once (p50/p99); submit-and-grade latency of 100-question attempts;
#   2. in the database: 10,000 attempts in progress at a 20-question quiz (made-up students, 20
#      saved answers each); the sweep's query with none of them due, then all of them overdue: how
#      fast the service's own sweep (every 30 s) submits and grades them.
# It adds rows to the suite's database (COACHOS_DB_NAME, coachos). Needs psql and a JDK 25.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
STUDENTS="${1:-200}"
SECONDS_EACH="${2:-20}"
GATEWAY="${GATEWAY:-http://localhost:8080}"
IDENTITY="${IDENTITY:-http://127.0.0.1:8081}"
BENCH_EMAIL="${BENCH_EMAIL:-director@coachos.local}"
BENCH_PASSWORD="${BENCH_PASSWORD:-local-director-pass}"
DB="${COACHOS_DB_NAME:-coachos}"
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h "${COACHOS_DB_HOST:-localhost}" -U "${PGUSER:-postgres}" -d "$DB" -tA)
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
JAR=$(ls assessment-service/target/assessment-service-*.jar | grep -v original | head -n 1)
RUN="$ROOT/.run/assessmentbench"
rm -rf "$RUN/cp" && mkdir -p "$RUN/cp" && (cd "$RUN/cp" && unzip -q "$ROOT/$JAR")

"$JAVA" -Xmx1g -Dlogback.configurationFile=bench/logback.xml \
  -cp "$RUN/cp/BOOT-INF/classes:$RUN/cp/BOOT-INF/lib/*" bench/AssessmentBench.java \
  "$GATEWAY" "$IDENTITY" "$BENCH_EMAIL" "$BENCH_PASSWORD" "$STUDENTS" "$SECONDS_EACH" | tee "$RUN/http.txt"
QUIZ=$(sed -n 's/^sweep-quiz //p' "$RUN/http.txt")
[ -n "$QUIZ" ] || { echo "no quiz for the sweep" >&2; exit 1; }

echo "== 10,000 attempts in progress at quiz $QUIZ (20 questions), made in the database"
"${PSQL[@]}" <<SQL
set search_path = assessment;
insert into attempt (id, quiz_id, student_id, number, status, started_at, deadline, question_order, option_order, max_score)
select gen_random_uuid(), q.id, gen_random_uuid(), 1, 'IN_PROGRESS', now(), now() + interval '1 hour',
       (select array_agg(x.id order by x.position) from question x where x.quiz_id = q.id),
       (select jsonb_object_agg(x.id::text, (select jsonb_agg(o.id order by o.position) from question_option o
                                              where o.question_id = x.id))
        from question x where x.quiz_id = q.id),
       80.00
from quiz q, generate_series(1, 10000) where q.id = '$QUIZ';
insert into response (attempt_id, question_id, selected_option_ids, saved_at)
select a.id, x.id, array[o.id], now()
from attempt a join question x on x.quiz_id = a.quiz_id
join question_option o on o.question_id = x.id and o.position = 1 + abs(hashtext(a.id::text || x.id::text)) % 4
where a.quiz_id = '$QUIZ';
analyze attempt;
analyze response;
SQL
echo "in progress: $("${PSQL[@]}" -c "select count(*) from assessment.attempt where status = 'IN_PROGRESS'")"
echo "the sweep's query with none due (EXPLAIN ANALYZE):"
"${PSQL[@]}" -c "explain (analyze, costs off, timing on) select id from assessment.attempt where status = 'IN_PROGRESS' and deadline < now() - interval '60 seconds' order by deadline limit 200 for update skip locked" | grep -E "Execution Time|Index|Seq Scan"

echo "== all 10,000 overdue: the service's sweep submits and grades them"
"${PSQL[@]}" -c "update assessment.attempt set deadline = now() - interval '2 minutes' where quiz_id = '$QUIZ' and status = 'IN_PROGRESS'"
for _ in $(seq 1 600); do
  left=$("${PSQL[@]}" -c "select count(*) from assessment.attempt where quiz_id = '$QUIZ' and status = 'IN_PROGRESS'")
  [ "$left" = 0 ] && break
  sleep 1
done
"${PSQL[@]}" -c "
  select format('the sweep submitted and graded %s attempts (20 answers each) in %s s: %s attempts/s',
    count(*), round(extract(epoch from max(submitted_at) - min(submitted_at))::numeric, 1),
    round(count(*) / nullif(extract(epoch from max(submitted_at) - min(submitted_at)), 0)))
  from assessment.attempt where quiz_id = '$QUIZ' and submitted_by = 'DEADLINE'"
