#!/usr/bin/env bash
# communication-service's figures against a running suite with the rate limits raised:
#   COACHOS_AUTH_RATE_PER_MINUTE=100000000 COACHOS_ADDRESS_RATE_PER_MINUTE=100000000 \
#   COACHOS_USER_RATE_PER_MINUTE=100000000 ./coachos up
# then bench/communication.sh. In one run:
#   1. an announcement to 5,000 recipients: the director makes two branches of this run, a student
#      of the first and a BACKOFFICE user of the second through the API (CommunicationBench setup);
#      once communication-service's directory has them, 4,999 more active students of the first
#      branch go straight into communication.recipient, so that the audience {branchIds: [it]}
#      reaches exactly 5,000. The director publishes five announcements to it, one after another:
#      the POST's latency and the time from sending it until the real student's inbox shows it
#      (each checked: 5,000 announcement_recipient rows and 5,000 notifications), with the median;
#   2. the announcement inbox of that student with 1,000 announcements more (made in the database:
#      two in three read, 20 withdrawn, 20 expired): the list and ?unread=true, page of 20, through
#      the gateway, 500 each one at a time after 100 to warm up (p50/p99);
#   3. the query queue of the second branch with 50,000 support queries (made in the database:
#      every priority and status, created over the last 60 days, most of them recently, targets as
#      the default SLA sets them, a first message each and a staff reply in one of five): EXPLAIN
#      ANALYZE of the default queue's two statements, then the back office user's queue, default
#      sort, ?status=OPEN&sort=priority,desc and ?breached=true, through the gateway, 300 each one
#      at a time after 50 to warm up (p50/p99).
# Prints the figures as a table at the end. Every run makes its own branches and users; the rows
# it seeded (and the five announcements with their recipients and notifications) are deleted at
# the end, also when a step fails (KEEP=1 keeps them). Needs psql and a JDK 25.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
GATEWAY="${GATEWAY:-http://localhost:8080}"
IDENTITY="${IDENTITY:-http://127.0.0.1:8081}"
BENCH_EMAIL="${BENCH_EMAIL:-director@coachos.local}"
BENCH_PASSWORD="${BENCH_PASSWORD:-local-director-pass}"
DB="${COACHOS_DB_NAME:-coachos}"
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h "${COACHOS_DB_HOST:-localhost}" -U "${PGUSER:-postgres}" -d "$DB" -tA)
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
JAR=$(ls communication-service/target/communication-service-*.jar | grep -v original | head -n 1)
RUN="$ROOT/.run/communicationbench"
rm -rf "$RUN/cp" && mkdir -p "$RUN/cp" && (cd "$RUN/cp" && unzip -q "$ROOT/$JAR")
rm -f "$RUN"/*.txt
JDBC="jdbc:postgresql://${COACHOS_DB_HOST:-localhost}:${COACHOS_DB_PORT:-5432}/$DB?user=${PGUSER:-postgres}"
bench() {
  "$JAVA" -Xmx512m -Dlogback.configurationFile=bench/logback.xml \
    -cp "$RUN/cp/BOOT-INF/classes:$RUN/cp/BOOT-INF/lib/*" bench/CommunicationBench.java \
    "$1" "$GATEWAY" "$IDENTITY" "$BENCH_EMAIL" "$BENCH_PASSWORD" "${@:2}"
}

TAG="" ABRANCH="" QBRANCH="" FANOUT=""
cleanup() {
  [ "${KEEP:-0}" = 1 ] && { echo "(KEEP=1: the seeded rows stay)"; return; }
  [ -n "$ABRANCH$QBRANCH" ] || return 0
  local links="'{}'" ids="'{}'"
  if [ -n "$FANOUT" ]; then
    ids="'{$(echo "$FANOUT" | tr ' ' ',')}'"
    links="'{$(printf '/announcements/%s,' $FANOUT | sed 's/,$//')}'"
  fi
  "${PSQL[@]}" <<SQL
set search_path = communication;
delete from notification where link = any($links::text[]);
delete from announcement_recipient where announcement_id = any($ids::uuid[]);
delete from announcement where id = any($ids::uuid[]);
delete from announcement_recipient where announcement_id in
  (select id from announcement where title like 'Communication bench inbox $TAG %');
delete from announcement where title like 'Communication bench inbox $TAG %';
delete from notification where user_id in
  (select user_id from recipient where branch_id = '${ABRANCH:-00000000-0000-0000-0000-000000000000}' and email like 'seeded-%@bench.test');
delete from recipient where branch_id = '${ABRANCH:-00000000-0000-0000-0000-000000000000}' and email like 'seeded-%@bench.test';
delete from support_query_message where query_id in
  (select id from support_query where branch_id = '${QBRANCH:-00000000-0000-0000-0000-000000000000}');
delete from support_query where branch_id = '${QBRANCH:-00000000-0000-0000-0000-000000000000}';
SQL
  "${PSQL[@]}" -c "vacuum analyze communication.recipient, communication.announcement,
    communication.announcement_recipient, communication.notification, communication.support_query,
    communication.support_query_message"
  echo "(the seeded rows, the five announcements, their recipients and notifications are deleted again)"
}
trap cleanup EXIT

# Autovacuum may be off (it is on the machine of docs/benchmarks.md): rows earlier runs seeded and
# deleted would otherwise still be scanned.
"${PSQL[@]}" -c "vacuum analyze communication.recipient, communication.announcement,
  communication.announcement_recipient, communication.notification, communication.support_query,
  communication.support_query_message"

echo "== two branches, a student and a back office user through the API"
bench setup "$JDBC" | tee "$RUN/setup.txt"
TAG=$(sed -n 's/^run //p' "$RUN/setup.txt")
ABRANCH=$(sed -n 's/^announce-branch //p' "$RUN/setup.txt")
QBRANCH=$(sed -n 's/^queue-branch //p' "$RUN/setup.txt")
read -r STUDENT STUDENT_EMAIL <<<"$(sed -n 's/^student //p' "$RUN/setup.txt")"
read -r BACKOFFICE BACKOFFICE_EMAIL <<<"$(sed -n 's/^backoffice //p' "$RUN/setup.txt")"
[ -n "$TAG" ] && [ -n "$ABRANCH" ] && [ -n "$QBRANCH" ] && [ -n "$STUDENT" ] && [ -n "$BACKOFFICE" ] \
  || { echo "setup printed no branches or users" >&2; exit 1; }

echo "== 4,999 more active students of branch $ABRANCH in communication.recipient"
"${PSQL[@]}" <<SQL
set search_path = communication;
insert into recipient (user_id, name, role, active, updated_at, email, branch_id, profile_type)
select gen_random_uuid(), 'Seeded Student ' || n, 'STUDENT', true, now(), 'seeded-' || n || '-$TAG@bench.test',
       '$ABRANCH', 'STUDENT'
from generate_series(1, 4999) n;
analyze recipient;
SQL

echo "== five announcements to the branch's 5,000"
bench fanout "$JDBC" "$ABRANCH" "$STUDENT_EMAIL" "$TAG" | tee "$RUN/fanout.txt"
FANOUT=$(sed -n 's/^fanout-ids //p' "$RUN/fanout.txt")

echo "== 1,000 announcements more for student $STUDENT, made in the database"
"${PSQL[@]}" <<SQL
set search_path = communication;
-- One an hour back from now: two in three read, one in 50 withdrawn, one in 50 expired, a quarter
-- expiring in 30 days.
create temp table inbox_seed as
  select gen_random_uuid() as id, n, now() - n * interval '1 hour' as published from generate_series(1, 1000) n;
insert into announcement (id, author_id, branch_id, all_branches, title, content, type, audience, status,
                          published_at, expires_at, withdrawn_at, recipients_count, created_at, updated_at, version)
select id, '00000000-0000-4000-8000-00000000c0b1', null, true, 'Communication bench inbox $TAG ' || n,
       '<p>Seeded announcement ' || n || ' for the <strong>inbox</strong> figure.</p>',
       (array['ANNOUNCEMENT', 'NOTICE', 'ALERT'])[1 + n % 3], jsonb_build_object('userIds', jsonb_build_array('$STUDENT')),
       case when n % 50 = 7 then 'WITHDRAWN' else 'PUBLISHED' end, published,
       case when n % 50 = 13 then published + interval '30 minutes'
            when n % 4 = 0 then now() + interval '30 days' end,
       case when n % 50 = 7 then published + interval '10 minutes' end, 1, published, published, 0
from inbox_seed;
insert into announcement_recipient (announcement_id, user_id, published_at, read_at)
select id, '$STUDENT', published, case when n % 3 <> 0 then published + interval '5 minutes' end
from inbox_seed;
analyze announcement;
analyze announcement_recipient;
SQL
echo "the student's announcement_recipient rows: $("${PSQL[@]}" -c "select count(*) || ' (' || count(*) filter
  (where read_at is null) || ' unread)' from communication.announcement_recipient where user_id = '$STUDENT'")"

echo "== the inbox through the gateway"
bench inbox "$STUDENT_EMAIL" | tee "$RUN/inbox.txt"

echo "== 50,000 support queries in branch $QBRANCH, made in the database"
"${PSQL[@]}" <<SQL
set search_path = communication;
-- Priorities in turn; 20 % OPEN, 20 % IN_PROGRESS, 10 % WAITING_ON_REQUESTER, 20 % RESOLVED, 30 %
-- CLOSED; created over the last 60 days, most of them in the last few; 2,000 made-up requesters.
-- Targets as the default SLA (first response / resolution: URGENT 1 h / 8 h, HIGH 4 h / 24 h,
-- NORMAL 8 h / 72 h, LOW 24 h / 120 h). The breach sweep's columns are set, as if it had told the
-- managers already: it would otherwise notify the back office of thousands of breaches meanwhile.
create temp table query_seed as
  select gen_random_uuid() as id, n, p.priority,
         case when n % 10 < 2 then 'OPEN' when n % 10 < 4 then 'IN_PROGRESS' when n % 10 = 4 then 'WAITING_ON_REQUESTER'
              when n % 10 < 7 then 'RESOLVED' else 'CLOSED' end as status,
         now() - power(random(), 3) * interval '60 days' as created,
         p.first_response, p.resolution, random() as r
  from generate_series(1, 50000) n
  join (values (0, 'LOW', interval '24 hours', interval '120 hours'), (1, 'NORMAL', interval '8 hours', interval '72 hours'),
               (2, 'HIGH', interval '4 hours', interval '24 hours'), (3, 'URGENT', interval '1 hour', interval '8 hours'))
       as p(k, priority, first_response, resolution) on p.k = n % 4;
create temp table query_times as
  select s.*, case when status = 'OPEN' then null else created + first_response * (r * 2) end as answered,
         case when status in ('WAITING_ON_REQUESTER', 'RESOLVED', 'CLOSED')
              then created + first_response * (r * 2) + resolution * r end as paused
  from query_seed s;
insert into support_query (id, requester_id, branch_id, subject, priority, course_id, status, assignee_id,
                           created_at, updated_at, first_response_at, first_response_due_at, resolution_due_at,
                           paused_at, paused_seconds, resolved_at, closed_at, first_response_breach_notified_at,
                           resolution_breach_notified_at, version)
select id, ('00000000-0000-4000-8000-' || lpad(to_hex(n % 2000), 12, '0'))::uuid, '$QBRANCH',
       'Seeded query ' || n || ': the fee receipt for last month', priority, null, status,
       case when status <> 'OPEN' and n % 2 = 0 then '$BACKOFFICE'::uuid end,
       created, coalesce(paused, answered, created), answered, created + first_response, created + resolution,
       paused, 0, case when status in ('RESOLVED', 'CLOSED') then paused end,
       case when status = 'CLOSED' then paused + interval '1 day' end, created, created, 0
from query_times;
insert into support_query_message (id, query_id, author_id, from_staff, body, created_at)
select gen_random_uuid(), id, ('00000000-0000-4000-8000-' || lpad(to_hex(n % 2000), 12, '0'))::uuid, false,
       'Seeded message of query ' || n || ': I paid the fee but the receipt does not show it.', created
from query_times;
insert into support_query_message (id, query_id, author_id, from_staff, body, created_at)
select gen_random_uuid(), id, '$BACKOFFICE', true, 'We are looking into it.', answered
from query_times where answered is not null and n % 5 = 1;
analyze support_query;
analyze support_query_message;
SQL
"${PSQL[@]}" -F ' ' -c "select status, count(*) from communication.support_query where branch_id = '$QBRANCH'
  group by status order by status" | sed 's/^/  /'

# Queries.list for staff of the branch, default sort (PagedQuery: the count, then the page); the
# service binds :now, here it is now().
COLUMNS="q.id, q.requester_id, q.branch_id, q.subject, q.priority, q.course_id, q.status, q.assignee_id,
  q.created_at, q.updated_at, q.first_response_at, q.first_response_due_at, q.resolution_due_at,
  q.paused_at, q.resolved_at, q.closed_at,
  coalesce(q.first_response_at, q.closed_at, now()) > q.first_response_due_at as first_response_breached,
  coalesce(q.paused_at, now()) > q.resolution_due_at as resolution_breached"
WHERE="where (q.branch_id = '$QBRANCH')"
explain() {
  "${PSQL[@]}" -c "explain (analyze, costs off, timing on) $1" > "$RUN/explain-$2.txt"
  sed 's/^/  /' "$RUN/explain-$2.txt"
}
echo "the default queue's count (EXPLAIN ANALYZE):"
explain "select count(*) from communication.support_query q $WHERE" count
echo "the default queue's page of 20 (EXPLAIN ANALYZE):"
explain "select $COLUMNS from communication.support_query q $WHERE order by q.created_at asc, q.id limit 20 offset 0" page
ms() { sed -n 's/.*Execution Time: \([0-9.]*\) ms.*/\1/p' "$RUN/explain-$1.txt"; }

echo "== the query queue through the gateway"
bench queue "$BACKOFFICE_EMAIL" | tee "$RUN/queue.txt"

echo
echo "== communication-service"
echo "| Figure | p50 (median) | p99 | each |"
echo "|---|---|---|---|"
grep -h '^|' "$RUN/fanout.txt" "$RUN/inbox.txt" "$RUN/queue.txt"
echo "| the default queue's statements in PostgreSQL (EXPLAIN ANALYZE), count + page of 20 | $(ms count) + $(ms page) ms | | |"
