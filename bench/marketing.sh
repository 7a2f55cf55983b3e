#!/usr/bin/env bash
# marketing-service's figures against a running suite with the rate limits raised:
#   COACHOS_AUTH_RATE_PER_MINUTE=100000000 COACHOS_ADDRESS_RATE_PER_MINUTE=100000000 \
#   COACHOS_USER_RATE_PER_MINUTE=100000000 COACHOS_ENQUIRY_RATE_PER_MINUTE=100000000 ./coachos up
# then bench/marketing.sh [seconds=20] [leads=200000] [conversions=100]. In one run:
#   1. through the gateway (MarketingBench): ten branches of this run, then the website's enquiry
#      form (POST /api/v1/enquiries, no token), a new person each time, with 10 and 50 clients at
#      once for SECONDS seconds each after a round to warm up (enquiries per second, p50/p99, anything
#      but a 202 an error);
#   2. in the database: LEADS leads over the ten branches (names from a list of Indian first and last
#      names, a mobile number each, half with an e-mail, stages NEW to LOST, every open one with a
#      follow-up, a third of those overdue, made over the last year), VACUUM ANALYZE, EXPLAIN ANALYZE
#      of the lead list's two statements (count and page) in the text the service sends for a
#      director, prepared with their parameters: searched for 'kav:*' (the search index's matches in
#      a subquery; also as generic plans), for a whole number (an equality on the phone) and filtered
#      to NEW leads past their follow-up; then those lists through the gateway (200 each, one at a time);
#   3. through the gateway: a course and a batch of branch 1, leads made with POST /api/v1/leads, and
#      after ten to warm up, CONVERSIONS of them converted one at a time and CONVERSIONS more ten at a
#      time (CONVERSION_CLIENTS, 1,10), each followed every 50 ms until GET
#      /api/v1/leads/{id}/conversion shows FEE_PLAN_RAISED (identity makes the account, enrollment
#      enrolls, finance raises the plan, all by events), with each step's time in marketing-service's
#      rows.
# The seeded leads and the enquiries' leads are deleted at the end (KEEP_LEADS=1 keeps them).
#
# bench/marketing.sh flood [requests=200] [seconds=4]: against a suite whose gateway has its default
# enquiry limit (COACHOS_ENQUIRY_RATE_PER_MINUTE unset: 10 a minute per address), REQUESTS enquiries
# from this one address spread over SECONDS seconds: how many are accepted and refused, and whether
# another address (127.0.0.2) still gets through. The leads it made are deleted unless KEEP_LEADS=1.
#
# Prints the figures as a table at the end. It adds rows to the suite's database (COACHOS_DB_NAME,
# coachos); every run makes its own branches, course, batch, leads and student accounts. Needs psql
# and a JDK 25.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
MODE=main
if [ "${1:-}" = flood ]; then
  MODE=flood
  shift
fi
GATEWAY="${GATEWAY:-http://localhost:8080}"
BENCH_EMAIL="${BENCH_EMAIL:-director@coachos.local}"
BENCH_PASSWORD="${BENCH_PASSWORD:-local-director-pass}"
DB="${COACHOS_DB_NAME:-coachos}"
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h "${COACHOS_DB_HOST:-localhost}" -U "${PGUSER:-postgres}" -d "$DB" -tA)
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
JAR=$(ls marketing-service/target/marketing-service-*.jar | grep -v original | head -n 1)
RUN="$ROOT/.run/marketingbench"
rm -rf "$RUN/cp" && mkdir -p "$RUN/cp" && (cd "$RUN/cp" && unzip -q "$ROOT/$JAR")
JDBC="jdbc:postgresql://${COACHOS_DB_HOST:-localhost}:${COACHOS_DB_PORT:-5432}/$DB?user=${PGUSER:-postgres}"
bench() {
  "$JAVA" -Xmx1g -Dlogback.configurationFile=bench/logback.xml \
    -cp "$RUN/cp/BOOT-INF/classes:$RUN/cp/BOOT-INF/lib/*" bench/MarketingBench.java "$1" "$GATEWAY" "${@:2}"
}

if [ "$MODE" = flood ]; then
  REQUESTS="${1:-200}"
  FLOOD_SECONDS="${2:-4}"
  # A branch marketing-service knows, one of an earlier run of this bench if there is one.
  BRANCH=$("${PSQL[@]}" -c "select branch_id from marketing.branch_view where active
    order by (name like 'Marketing bench %') desc, updated_at desc limit 1")
  [ -n "$BRANCH" ] || { echo "marketing-service knows no open branch" >&2; exit 1; }
  echo "== $REQUESTS enquiries from one address in $FLOOD_SECONDS s (branch $BRANCH)"
  bench flood "$JDBC" "$BRANCH" "$REQUESTS" "$FLOOD_SECONDS" | tee "$RUN/flood.txt"
  if [ "${KEEP_LEADS:-0}" != 1 ]; then
    "${PSQL[@]}" -c "delete from marketing.lead where email like 'flood.%@flood.bench.test'
      and id not in (select lead_id from marketing.lead_activity union select lead_id from marketing.lead_conversion)"
  fi
  echo
  echo "| Figure | Rate | p50 | p99 | Errors |"
  echo "|---|---|---|---|---|"
  grep -h '^|' "$RUN/flood.txt"
  exit 0
fi

SECONDS_EACH="${1:-20}"
LEADS="${2:-200000}"
CONVERSIONS="${3:-100}"
CONVERSION_CLIENTS="${CONVERSION_CLIENTS:-1,10}"
mkdir -p "$RUN"

echo "== enquiries through the gateway"
bench enquiries "$BENCH_EMAIL" "$BENCH_PASSWORD" "$JDBC" "$SECONDS_EACH" | tee "$RUN/enquiries.txt"
BRANCHES=$(sed -n 's/^branches //p' "$RUN/enquiries.txt")
[ -n "$BRANCHES" ] || { echo "no branches for the leads" >&2; exit 1; }
FIRST_BRANCH=${BRANCHES%% *}
BRANCH_LIST=$(printf "'%s'," $BRANCHES | sed 's/,$//')

echo "== $LEADS leads over the ten branches, made in the database"
"${PSQL[@]}" <<SQL
set search_path = marketing;
create temp table seed_branch as
  select b::uuid as branch_id, (row_number() over ()) - 1 as k from unnest(string_to_array('$BRANCHES', ' ')) b;
-- Mobile numbers +9190.. to +9197..: n * 40503 modulo 800,000,000 differs for every n (no common
-- factor), so no two seeded leads share one; the enquiries use 99.., the conversions 98.., the flood 97...
insert into lead (id, name, phone, email, source, course_interest, branch_id, stage, lost_reason,
                  next_follow_up_at, notes, converted_at, created_at, updated_at, stage_changed_at)
select gen_random_uuid(), s.first || ' ' || s.last,
       '+91' || (9000000000 + (s.n::bigint * 40503) % 800000000),
       case when s.n % 2 = 0 then lower(s.first || '.' || s.last || s.n % 1000) || '@gmail.com' end,
       (array['WEBSITE', 'WALK_IN', 'PHONE_CALL', 'REFERRAL', 'SOCIAL_MEDIA', 'ADVERTISEMENT', 'EVENT', 'OTHER'])[1 + s.n % 8],
       (array['JEE Main and Advanced', 'NEET UG', 'Class 10 Foundation', 'Class 12 Physics', 'CUET',
              'Olympiad Mathematics'])[1 + s.n % 6],
       b.branch_id, s.stage,
       case when s.stage = 'LOST' then 'Joined another institute' end,
       case when s.stage not in ('CONVERTED', 'LOST') then now() + (s.follow * 21 - 7) * interval '1 day' end,
       'Seeded by bench/marketing.sh',
       case when s.stage = 'CONVERTED' then s.created + interval '10 days' end,
       s.created, s.created, s.created
from (select n, first, last, created, follow,
             case when r < 0.30 then 'NEW' when r < 0.50 then 'CONTACTED' when r < 0.60 then 'QUALIFIED'
                  when r < 0.65 then 'NEGOTIATION' when r < 0.80 then 'CONVERTED' else 'LOST' end as stage
      from (select n, random() as r, random() as follow, now() - random() * interval '365 days' as created,
                   (array['Aarav', 'Aditi', 'Akash', 'Ananya', 'Arjun', 'Bhavna', 'Deepak', 'Divya', 'Gaurav', 'Harsh',
                          'Ishaan', 'Jyoti', 'Karan', 'Kavya', 'Kavita', 'Kaveri', 'Lakshmi', 'Manish', 'Meera', 'Mohit',
                          'Neha', 'Nikhil', 'Pooja', 'Pranav', 'Priya', 'Rahul', 'Riya', 'Rohan', 'Sakshi', 'Sandeep',
                          'Sneha', 'Suresh', 'Tanvi', 'Tarun', 'Utkarsh', 'Vaibhav', 'Vikram', 'Yash', 'Zoya',
                          'Ayesha'])[1 + floor(random() * 40)::int] as first,
                   (array['Sharma', 'Verma', 'Gupta', 'Singh', 'Kumar', 'Patel', 'Shah', 'Mehta', 'Reddy', 'Nair',
                          'Iyer', 'Menon', 'Das', 'Bose', 'Chatterjee', 'Banerjee', 'Mukherjee', 'Joshi', 'Kulkarni',
                          'Deshpande', 'Agarwal', 'Jain', 'Yadav', 'Mishra', 'Pandey', 'Tiwari', 'Chauhan', 'Rathore',
                          'Khan', 'Ansari'])[1 + floor(random() * 30)::int] as last
            from generate_series(1, $LEADS) n) x) s
join seed_branch b on b.k = s.n % 10;
SQL
"${PSQL[@]}" -c "vacuum analyze marketing.lead"
echo "leads in marketing.lead: $("${PSQL[@]}" -c "select count(*) from marketing.lead"), of them in this run's branches:"
"${PSQL[@]}" -F ' ' -c "select stage, count(*), count(*) filter (where next_follow_up_at < now()) as overdue
  from marketing.lead where branch_id in ($BRANCH_LIST) group by stage order by stage"
PHONE=$("${PSQL[@]}" -c "select substr(phone, 4) from marketing.lead where branch_id = '$FIRST_BRANCH'
  and notes = 'Seeded by bench/marketing.sh' order by created_at desc limit 1")

# Leads.list's statements for a director (no branch condition), default order, first page of 20,
# and the count beside it, in the text the service sends (PagedQuery: "select count(*) from " + from +
# where, then "select " + Lead.COLUMNS + " from " + from + where + order + " limit :pageLimit offset
# :pageOffset"; Where joins its conditions as " where (a) and (b)"), prepared with their parameters
# ($1, $2, ... in the order the names appear, untyped as the JDBC driver sends them) and run with the
# search path the service's connections have. A search for a whole number is an equality on the
# phone (E.164) over "lead l"; any other search takes the search index's matches in a subquery.
COLUMNS="l.id, l.name, l.phone, l.email, l.source, l.course_id, l.course_interest, l.branch_id, l.campaign_id, l.assignee_id, l.stage, l.lost_reason, l.next_follow_up_at, l.notes, l.student_id, l.enrollment_id, l.converted_at, l.created_at, l.updated_at, l.version"
ORDER=" order by l.created_at desc, l.id desc"
SEARCHED="(select * from lead where search @@ to_tsquery('simple', \$1) offset 0) l"
PLAN_LINES="Execution Time|Index|Seq Scan|Heap Scan|Subquery Scan|Heap Blocks|Sort Method|Rows Removed"
explain_one() { # file statement arguments [plan_cache_mode]
  "${PSQL[@]}" <<SQL >"$RUN/explain-$1.txt"
set search_path = marketing;
set plan_cache_mode = ${4:-auto};
prepare statement as $2;
explain (analyze, costs off, timing on) execute statement($3);
SQL
  echo "  $2"
  echo "    with $3${4:+ ($4)}"
  grep -E "$PLAN_LINES" "$RUN/explain-$1.txt" | sed 's/^/      /'
}
explain() { # name from where parameters-of-where arguments-of-where [plan_cache_mode]
  local next=$(($4 + 1))
  echo "$1: count"
  explain_one "$1-count" "select count(*) from $2$3" "$5" "${6:-}"
  echo "$1: page of 20"
  explain_one "$1-page" "select $COLUMNS from $2$3$ORDER limit \$$next offset \$$((next + 1))" "$5, 20, 0" "${6:-}"
}
ms() { sed -n 's/.*Execution Time: \([0-9.]*\) ms.*/\1/p' "$RUN/explain-$1.txt"; }
echo "== EXPLAIN ANALYZE of the lead list's statements"
explain kav "$SEARCHED" "" 1 "'kav:*'"
explain phone "lead l" " where (l.phone = \$1)" 1 "'+91$PHONE'"
explain overdue "lead l" " where (l.stage = \$1) and (l.stage not in ('CONVERTED', 'LOST') and l.next_follow_up_at < \$2)" \
  2 "'NEW', now()"
# After five runs of one statement the driver prepares it on the server, and PostgreSQL may then keep
# a generic plan, made without the search text.
explain kav-generic "$SEARCHED" "" 1 "'kav:*'" force_generic_plan

echo "== the lead list through the gateway"
bench search "$BENCH_EMAIL" "$BENCH_PASSWORD" "$PHONE" | tee "$RUN/search.txt"

echo "== $CONVERSIONS conversions through the gateway per round, $CONVERSION_CLIENTS at a time"
bench conversions "$BENCH_EMAIL" "$BENCH_PASSWORD" "$JDBC" "$FIRST_BRANCH" "$CONVERSIONS" "$CONVERSION_CLIENTS" \
  | tee "$RUN/conversions.txt"

if [ "${KEEP_LEADS:-0}" != 1 ]; then
  "${PSQL[@]}" <<SQL
set search_path = marketing;
delete from lead where branch_id in ($BRANCH_LIST) and notes = 'Seeded by bench/marketing.sh';
delete from lead where branch_id in ($BRANCH_LIST) and email like '%@enquiry.bench.test'
  and id not in (select lead_id from lead_activity union select lead_id from lead_conversion);
SQL
  "${PSQL[@]}" -c "vacuum analyze marketing.lead"
  echo "(the seeded leads and the enquiries' leads are deleted again)"
fi

echo
echo "== marketing-service, ${SECONDS_EACH} s per enquiry round, $LEADS seeded leads, $CONVERSIONS conversions"
echo "| Figure | Rate | p50 | p99 | Errors |"
echo "|---|---|---|---|---|"
grep -h '^|' "$RUN/enquiries.txt"
grep -h '^|' "$RUN/search.txt"
echo "| lead search q=kav in PostgreSQL (EXPLAIN ANALYZE, the search index's matches in a subquery): count | – | $(ms kav-count) ms | | |"
echo "| the same: page of 20, newest first | – | $(ms kav-page) ms | | |"
echo "| the same, generic plans (made without the search text): count / page of 20 | – | $(ms kav-generic-count) / $(ms kav-generic-page) ms | | |"
echo "| lead search by a whole number in PostgreSQL (l.phone = E.164): count / page of 20 | – | $(ms phone-count) / $(ms phone-page) ms | | |"
echo "| stage=NEW&overdue=true in PostgreSQL: count / page of 20 | – | $(ms overdue-count) / $(ms overdue-page) ms | | |"
grep -h '^|' "$RUN/conversions.txt"
