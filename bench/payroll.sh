#!/usr/bin/env bash
# The monthly payroll run's time against a running suite (./coachos up, with the rate limits raised as
# for bench/finance.sh):
#   bench/payroll.sh [people=500] [batches=200]
# Fills finance's schema with one branch of PEOPLE people, BATCHES of them teachers holding a batch
# each (bench/payroll-data.sql: structures with a percent and fixed components, PF and TDS; batch pay
# with commission on 25 active students and 12 sessions a month), then, through the gateway as the
# director, runs the payroll of each of the last three months (POST /api/v1/payroll-runs: every slip
# computed and written in one request), asks once more for the last (the answer of a run already
# made), and reads the slips (a page of 100) and one slip's PDF. Prints the times and what each run
# made. The seeded rows are removed at the end with bench/payroll-clean.sql (KEEP_PAYROLL=1 keeps
# them). Needs psql and curl, and the database's superuser for the clean-up (PGUSER, postgres).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
PEOPLE="${1:-500}"
BATCHES="${2:-200}"
GATEWAY="${GATEWAY:-http://localhost:8080}"
IDENTITY="${IDENTITY:-http://127.0.0.1:8081}"
BENCH_EMAIL="${BENCH_EMAIL:-director@coachos.local}"
BENCH_PASSWORD="${BENCH_PASSWORD:-local-director-pass}"
DB="${COACHOS_DB_NAME:-coachos}"
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h "${COACHOS_DB_HOST:-localhost}" -U "${PGUSER:-postgres}" -d "$DB" -tA)
RUN="$ROOT/.run/payrollbench"
mkdir -p "$RUN"
TAG="$(date +%s)"

TOKEN=$(curl -sf -H 'Content-Type: application/json' \
  -d "{\"email\":\"$BENCH_EMAIL\",\"password\":\"$BENCH_PASSWORD\"}" "$IDENTITY/api/v1/auth/login" \
  | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p')
[ -n "$TOKEN" ] || { echo "login of $BENCH_EMAIL failed" >&2; exit 1; }

echo "== seeding $PEOPLE people and $BATCHES batches (tag $TAG)"
"${PSQL[@]}" -v tag="$TAG" -v people="$PEOPLE" -v batches="$BATCHES" -f bench/payroll-data.sql | tee "$RUN/seed.txt" | sed 's/^/  /'
BRANCH=$(sed -n 's/^branch //p' "$RUN/seed.txt")

cleanup() {
  if [ "${KEEP_PAYROLL:-0}" = 1 ]; then
    echo "(kept: tag $TAG; remove with psql -v tag=$TAG -f bench/payroll-clean.sql)"
  else
    "${PSQL[@]}" -v tag="$TAG" -f bench/payroll-clean.sql && echo "(the seeded rows of tag $TAG are removed again)"
  fi
}
trap cleanup EXIT

# POST or GET with the token; prints "status seconds" and keeps the body in $RUN/body.
call() {
  local method="$1" path="$2" body="${3:-}" accept="${4:-application/json}"
  if [ -n "$body" ]; then
    curl -s -o "$RUN/body" -w '%{http_code} %{time_total}' -X "$method" -H "Authorization: Bearer $TOKEN" \
      -H 'Content-Type: application/json' -H "Accept: $accept" -d "$body" "$GATEWAY$path"
  else
    curl -s -o "$RUN/body" -w '%{http_code} %{time_total}' -X "$method" -H "Authorization: Bearer $TOKEN" \
      -H "Accept: $accept" "$GATEWAY$path"
  fi
}

: > "$RUN/table.txt"
for back in 3 2 1; do
  month=$("${PSQL[@]}" -c "select to_char(date_trunc('month', (now() at time zone 'Asia/Kolkata')::date) - make_interval(months => $back), 'YYYY-MM')")
  out=$(call POST /api/v1/payroll-runs "{\"month\":\"$month\",\"branchId\":\"$BRANCH\"}")
  [ "${out%% *}" = 201 ] || { echo "payroll run of $month answered ${out%% *}: $(cat "$RUN/body")" >&2; exit 1; }
  run_id=$(sed -n 's/^{"id":"\([^"]*\)".*/\1/p' "$RUN/body")
  slips=$("${PSQL[@]}" -c "select count(*) || ' slips, ' || count(*) filter (where exists (select 1 from finance.salary_slip_line l where l.slip_id = s.id and l.batch_id is not null)) || ' with batch pay, net ' || sum(net) from finance.salary_slip s where run_id = '$run_id'")
  lines=$("${PSQL[@]}" -c "select count(*) from finance.salary_slip_line l join finance.salary_slip s on s.id = l.slip_id where s.run_id = '$run_id'")
  printf '| payroll run %s (%s people, %s batches) | %.0f ms | %s, %s lines |\n' "$month" "$PEOPLE" "$BATCHES" \
    "$(echo "${out#* } * 1000" | bc -l)" "$slips" "$lines" | tee -a "$RUN/table.txt"
done
out=$(call POST /api/v1/payroll-runs "{\"month\":\"$month\",\"branchId\":\"$BRANCH\"}")
[ "${out%% *}" = 200 ] || { echo "the run again answered ${out%% *}" >&2; exit 1; }
printf '| the same run asked again (answers the run made) | %.0f ms | 200 |\n' "$(echo "${out#* } * 1000" | bc -l)" | tee -a "$RUN/table.txt"
out=$(call GET "/api/v1/salary-slips?runId=$run_id&size=100")
printf '| its slips, a page of 100 | %.0f ms | %s |\n' "$(echo "${out#* } * 1000" | bc -l)" "${out%% *}" | tee -a "$RUN/table.txt"
slip=$(sed -n 's/.*"content":\[{"id":"\([^"]*\)".*/\1/p' "$RUN/body")
out=$(call GET "/api/v1/salary-slips/$slip" "" "" application/pdf)
printf '| one slip as PDF | %.0f ms | %s, %s bytes |\n' "$(echo "${out#* } * 1000" | bc -l)" "${out%% *}" "$(wc -c < "$RUN/body")" | tee -a "$RUN/table.txt"

echo
echo "== payroll through the gateway"
echo "| What | Time | Made |"
echo "|---|---|---|"
cat "$RUN/table.txt"
