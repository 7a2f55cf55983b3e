#!/usr/bin/env bash
# The finance reports' response times against a running suite (./coachos up, with the rate limits
# raised as for bench/finance.sh), at one month of data and at one year:
#   bench/reports.sh [calls=150]
# For each size it fills finance's schema (database COACHOS_DB_NAME, coachos; schema finance) with
# bench/reports-data.sql (10 branches, 5,000 students, 200 batches, 500 people; a year: 100,000
# payments, 20,000 expenses, 6,000 salary slips; a month: a twelfth of the payments and expenses and
# one month's slips), then calls each report through the gateway as the director, one call at a
# time (CALLS calls after 20 to warm up; anything but a 200 stops the run), and prints p50/p99 per
# report. The period is the whole months before the current one (in Asia/Kolkata); the month
# reports ask for the last of them. The seeded rows are removed after each size with
# bench/reports-clean.sql (KEEP_REPORTS=1 keeps the year's). Needs psql and curl, and the database's
# superuser for the clean-up (PGUSER, postgres).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
CALLS="${1:-150}"
GATEWAY="${GATEWAY:-http://localhost:8080}"
IDENTITY="${IDENTITY:-http://127.0.0.1:8081}"
BENCH_EMAIL="${BENCH_EMAIL:-director@coachos.local}"
BENCH_PASSWORD="${BENCH_PASSWORD:-local-director-pass}"
DB="${COACHOS_DB_NAME:-coachos}"
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h "${COACHOS_DB_HOST:-localhost}" -U "${PGUSER:-postgres}" -d "$DB" -tA)
RUN="$ROOT/.run/reportsbench"
mkdir -p "$RUN"
: > "$RUN/table.txt"

# Logged in at identity-service directly (as bench/finance.sh does), so the login rate limit does not count.
TOKEN=$(curl -sf -H 'Content-Type: application/json' \
  -d "{\"email\":\"$BENCH_EMAIL\",\"password\":\"$BENCH_PASSWORD\"}" "$IDENTITY/api/v1/auth/login" \
  | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p')
[ -n "$TOKEN" ] || { echo "login of $BENCH_EMAIL failed" >&2; exit 1; }

# Times one report: CALLS calls one at a time after 20 to warm up; prints "p50 p99" in ms.
measure() {
  local path="$1" accept="${2:-application/json}" times="$RUN/times.txt" i out
  : > "$times"
  for ((i = -20; i < CALLS; i++)); do
    out=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "Authorization: Bearer $TOKEN" \
      -H "Accept: $accept" "$GATEWAY$path")
    if [ "${out%% *}" != 200 ]; then
      echo "GET $path answered ${out%% *}:" >&2
      curl -s -H "Authorization: Bearer $TOKEN" "$GATEWAY$path" >&2; echo >&2
      exit 1
    fi
    if ((i >= 0)); then echo "${out#* }" >> "$times"; fi
  done
  sort -g "$times" | awk -v n="$CALLS" '{ t[NR] = $1 * 1000 } END {
    p50 = t[int(n / 2) + 1]; p99 = t[int(n * 99 / 100) + 1]; if (p99 == "") p99 = t[n];
    printf "%.1f ms | %.1f ms", p50, p99 }'
}

run_size() {
  local months="$1" label="$2" tag
  tag="$(date +%s)$months"
  echo "== $label: generating (tag $tag)"
  "${PSQL[@]}" -v months="$months" -v tag="$tag" -f bench/reports-data.sql | sed 's/^/  /'
  local from to month first_month last_month branch
  from=$("${PSQL[@]}" -c "select (date_trunc('month', (now() at time zone 'Asia/Kolkata')::date)
    - make_interval(months => $months))::date")
  to=$("${PSQL[@]}" -c "select (date_trunc('month', (now() at time zone 'Asia/Kolkata')::date) - interval '1 day')::date")
  month="${to:0:7}"
  first_month="${from:0:7}"
  branch=$("${PSQL[@]}" -c "select branch_id from finance.branch_view
    where name = 'Bench Reports $tag Branch 1'")
  declare -A reports=(
    ["collections by day"]="/api/v1/reports/collections?from=$from&to=$to&groupBy=day"
    ["collections by branch"]="/api/v1/reports/collections?from=$from&to=$to&groupBy=branch"
    ["collections by month, one branch"]="/api/v1/reports/collections?from=$from&to=$to&groupBy=month&branchId=$branch"
    ["collections drill-down, a branch, page of 20"]="/api/v1/reports/collections/payments?from=$from&to=$to&branchId=$branch"
    ["dues by branch"]="/api/v1/reports/dues"
    ["dues drill-down, over 90 days, page of 20"]="/api/v1/reports/dues/installments?bucket=OVER_90"
    ["batches, last month"]="/api/v1/reports/batches?month=$month"
    ["branches, last month"]="/api/v1/reports/branches?month=$month"
    ["expenses drill-down, a branch, page of 20"]="/api/v1/reports/expenses?from=$from&to=$to&branchId=$branch"
    ["payroll by month"]="/api/v1/reports/payroll?from=$first_month&to=$month"
    ["slips drill-down, last month, page of 20"]="/api/v1/reports/slips?month=$month"
  )
  local name
  for name in "collections by day" "collections by branch" "collections by month, one branch" \
      "collections drill-down, a branch, page of 20" "dues by branch" "dues drill-down, over 90 days, page of 20" \
      "batches, last month" "branches, last month" "expenses drill-down, a branch, page of 20" "payroll by month" \
      "slips drill-down, last month, page of 20"; do
    echo "| $name | $label | $(measure "${reports[$name]}") |" | tee -a "$RUN/table.txt"
  done
  echo "| collections by day as CSV | $label | $(measure "${reports["collections by day"]}" text/csv) |" \
    | tee -a "$RUN/table.txt"
  if [ "$months" = 12 ] && [ "${KEEP_REPORTS:-0}" = 1 ]; then
    echo "(kept: tag $tag; remove with psql -v tag=$tag -f bench/reports-clean.sql)"
  else
    "${PSQL[@]}" -v tag="$tag" -f bench/reports-clean.sql
    echo "(the seeded rows of tag $tag are removed again)"
  fi
}

run_size 1 "one month"
run_size 12 "one year"

echo
echo "== finance reports through the gateway, $CALLS calls each, one at a time"
echo "| Report | Data | p50 | p99 |"
echo "|---|---|---|---|"
cat "$RUN/table.txt"
