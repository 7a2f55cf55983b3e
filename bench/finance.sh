#!/usr/bin/env bash
# finance-service's figures against a running suite with the rate limits raised:
#   COACHOS_AUTH_RATE_PER_MINUTE=100000000 COACHOS_ADDRESS_RATE_PER_MINUTE=100000000 \
#   COACHOS_USER_RATE_PER_MINUTE=100000000 ./coachos up
# then bench/finance.sh [students=200] [seconds=20]. In one run:
#   1. through the gateway (FinanceBench): ten branches (Delhi, a GSTIN, a receipt series each),
#      STUDENTS students each enrolled in a batch of branch 1 and in a batch of one of the ten
#      branches (ONE_TIME fee of 10,00,000), all made through the API; once finance-service has
#      raised the plans and after a round to warm up, ₹100 UPI payments per second with 10 and 50
#      clients at once into the plans of ONE branch (one receipt series, one counter row) and of
#      TEN branches (ten series), SECONDS seconds each (p50/p99, anything but a 201 an error), with
#      how many of finance-service's connections wait for the receipt counter's row meanwhile;
#      receipt PDFs through the gateway (500, one at a time) and ReceiptPdf.render in process (2,000);
#   2. in the database: an eleventh branch (made through the API) given 100,000 open installments
#      of 10,000 made-up students, due over the last 200 days and the next 100; EXPLAIN ANALYZE
#      of the dues list's two statements (page and count), with the branch known and as a generic
#      plan, then the dues list, the overdue list by over90 and the ageing through the gateway
#      (200 each, one at a time). Those seeded rows are deleted at the end
#      (KEEP_DUES=1 keeps them), since the daily reminders would otherwise take them up.
# Prints the figures as a table at the end. It adds rows to the suite's database (COACHOS_DB_NAME,
# coachos); every run makes its own branches, series, students and UTRs. Needs psql and a JDK 25.
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
JAR=$(ls finance-service/target/finance-service-*.jar | grep -v original | head -n 1)
RUN="$ROOT/.run/financebench"
rm -rf "$RUN/cp" && mkdir -p "$RUN/cp" && (cd "$RUN/cp" && unzip -q "$ROOT/$JAR")
bench() {
  "$JAVA" -Xmx1g -Dlogback.configurationFile=bench/logback.xml \
    -cp "$RUN/cp/BOOT-INF/classes:$RUN/cp/BOOT-INF/lib/*" bench/FinanceBench.java \
    "$1" "$GATEWAY" "$IDENTITY" "$BENCH_EMAIL" "$BENCH_PASSWORD" "${@:2}"
}

# UTRs are unique across all payments: this run's start above every 12-digit UPI reference stored.
UTR_BASE=$("${PSQL[@]}" -c "select greatest(coalesce(max(reference::bigint), 0), 100000000000)
  from finance.payment where method = 'UPI' and reference ~ '^[0-9]{12}$'")

echo "== payments and receipts through the gateway"
JDBC="jdbc:postgresql://${COACHOS_DB_HOST:-localhost}:${COACHOS_DB_PORT:-5432}/$DB?user=${PGUSER:-postgres}"
bench payments "$STUDENTS" "$SECONDS_EACH" "$UTR_BASE" "$JDBC" | tee "$RUN/payments.txt"
BRANCH=$(sed -n 's/^dues-branch //p' "$RUN/payments.txt")
[ -n "$BRANCH" ] || { echo "no branch for the dues" >&2; exit 1; }
SERIES=$(sed -n 's/^branches \(.*\); dues in .*/\1/p' "$RUN/payments.txt")
echo "receipts of this run per series (a series has no gaps: count = last serial):"
"${PSQL[@]}" -F ' ' -c "select series, count(*), max(serial) from finance.receipt
  where series in ($(printf "'%s'," $SERIES | sed 's/,$//')) group by series order by series"

echo "== 100,000 open installments of 10,000 students in branch $BRANCH, made in the database"
# Autovacuum may be off (it is on the machine of docs/benchmarks.md): the rows earlier runs seeded
# and deleted would otherwise still be scanned.
"${PSQL[@]}" -c "vacuum analyze finance.installment, finance.fee_plan, finance.student_view"
"${PSQL[@]}" <<SQL
set search_path = finance;
create temp table dues_plan as
  select gen_random_uuid() as plan_id, gen_random_uuid() as student_id, n from generate_series(1, 10000) n;
insert into student_view (student_id, name, email, branch_id, state_code, updated_at)
select student_id, 'Dues Student ' || n, 'dues-' || n || '@bench.test', '$BRANCH', '07', now() from dues_plan;
insert into fee_plan (id, enrollment_id, student_id, branch_id, course_id, batch_id, course_title, batch_name,
                      frequency, fee, net_fee, status, created_at, updated_at, version)
select plan_id, gen_random_uuid(), student_id, '$BRANCH', c.course_id, c.batch_id, 'Dues bench course',
       'Dues bench batch', 'MONTHLY', 50000.00, 50000.00, 'ACTIVE', now(), now(), 0
from dues_plan, (select gen_random_uuid() as course_id, gen_random_uuid() as batch_id) c;
-- Ten installments of 5,000 each, due on a day from 200 days ago to 100 days ahead; one in five
-- partly paid.
insert into installment (id, plan_id, seq, kind, student_id, branch_id, due_date, amount, paid, status,
                         created_at, updated_at)
select gen_random_uuid(), p.plan_id, s, 'FEE', p.student_id, '$BRANCH',
       (now() at time zone 'Asia/Kolkata')::date - 200 + (random() * 300)::int, 5000.00,
       case when (p.n + s) % 5 = 0 then 1500.00 else 0 end,
       case when (p.n + s) % 5 = 0 then 'PARTIALLY_PAID' else 'DUE' end, now(), now()
from dues_plan p, generate_series(1, 10) s;
analyze installment;
analyze fee_plan;
analyze student_view;
SQL
echo "open installments in the branch: $("${PSQL[@]}" -c "select count(*) from finance.installment
  where branch_id = '$BRANCH' and status in ('DUE', 'PARTIALLY_PAID')"), of $("${PSQL[@]}" -c "select
  count(distinct student_id) from finance.installment where branch_id = '$BRANCH'") students"

# Dues.perStudent's statement for a director and a branch, default order, first page of 20 with the
# count of all rows beside each (today in the institute's zone is a parameter there, a literal here).
TODAY="'$("${PSQL[@]}" -c "select (now() at time zone 'Asia/Kolkata')::date")'::date"
GROUPED="(select x.student_id, x.branch_id,
  sum(x.unpaid) as pending,
  coalesce(sum(x.unpaid) filter (where x.age > 0), 0) as overdue,
  coalesce(sum(x.unpaid) filter (where x.age <= 0), 0) as not_due,
  coalesce(sum(x.unpaid) filter (where x.age between 1 and 30), 0) as days_1_30,
  coalesce(sum(x.unpaid) filter (where x.age between 31 and 60), 0) as days_31_60,
  coalesce(sum(x.unpaid) filter (where x.age between 61 and 90), 0) as days_61_90,
  coalesce(sum(x.unpaid) filter (where x.age > 90), 0) as over_90,
  min(x.due_date) as oldest_due, count(*) as installments
  from (select i.student_id, i.branch_id, i.due_date, i.amount - i.paid as unpaid, $TODAY - i.due_date as age
        from finance.installment i where (i.status in ('DUE', 'PARTIALLY_PAID')) and (i.branch_id = '$BRANCH')) x
  group by x.student_id, x.branch_id) d"
PAGE="select d.*, s.name, count(*) over () as total_rows from $GROUPED
  left join finance.student_view s on s.student_id = d.student_id
  order by d.overdue desc, d.oldest_due, d.student_id, d.branch_id limit 20 offset 0"
explain() {
  "${PSQL[@]}" -c "explain (analyze, costs off, timing on) $1" | tee "$RUN/explain-$2.txt" \
    | grep -E "Execution Time|Index|Seq Scan|Sort Method" | sed 's/^/  /'
}
echo "the per-student dues query, page of 20 and the count beside it (EXPLAIN ANALYZE):"
explain "$PAGE" page
# The service sends it as a prepared statement with the branch and the day as parameters; the
# JDBC driver prepares it on the server from the fifth execution, and PostgreSQL may then keep a
# generic plan, made without knowing the branch: the same statement that way.
generic() {
  "${PSQL[@]}" <<SQL | tee "$RUN/explain-$2.txt" | grep -E "Execution Time|Index|Seq Scan|Batches|Sort Method" | sed 's/^/  /'
set plan_cache_mode = force_generic_plan;
prepare dues(uuid, date) as $1;
explain (analyze, costs off, timing on) execute dues('$BRANCH', $TODAY);
SQL
}
PARAMETERS="${PAGE//"'$BRANCH'"/\$1}"
PARAMETERS="${PARAMETERS//"$TODAY"/\$2}"
echo "the same with a generic plan (prepared, EXPLAIN ANALYZE):"
generic "$PARAMETERS" page-generic
ms() { sed -n 's/.*Execution Time: \([0-9.]*\) ms.*/\1/p' "$RUN/explain-$1.txt"; }

echo "== the dues through the gateway"
bench dues "$BRANCH" | tee "$RUN/dues.txt"

if [ "${KEEP_DUES:-0}" != 1 ]; then
  "${PSQL[@]}" <<SQL
set search_path = finance;
delete from installment_reminder where installment_id in (select id from installment where branch_id = '$BRANCH');
delete from installment where branch_id = '$BRANCH';
delete from fee_plan where branch_id = '$BRANCH';
delete from student_view where branch_id = '$BRANCH' and email like 'dues-%@bench.test';
SQL
  "${PSQL[@]}" -c "vacuum analyze finance.installment, finance.fee_plan, finance.student_view"
  echo "(the seeded dues rows are deleted again)"
fi

echo
echo "== finance-service, $STUDENTS students, ${SECONDS_EACH} s per payment round"
echo "| Figure | Rate | p50 | p99 | Errors |"
echo "|---|---|---|---|---|"
grep -h '^|' "$RUN/payments.txt" | grep payments
grep -h '^|' "$RUN/payments.txt" | grep -v payments | sed 's/| p50/| – | p50/; s/|$/| |/'
grep -h '^|' "$RUN/dues.txt" | sed 's/| p50/| – | p50/; s/|$/| |/'
echo "| per-student dues query in PostgreSQL (EXPLAIN ANALYZE), page of 20 with its count: custom plan | – | $(ms page) ms | | |"
echo "| the same, generic plan (prepared with parameters, as the service's statement may run) | – | $(ms page-generic) ms | | |"
