#!/usr/bin/env bash
# The journey load test (bench/load/, Gatling): a day at the institute through the gateway, then a
# table per journey step: throughput, p50, p95, p99, KO count. Against the running suite, started
# with the rate limits raised (docs/benchmarks.md):
#   COACHOS_AUTH_RATE_PER_MINUTE=100000000 COACHOS_ADDRESS_RATE_PER_MINUTE=100000000 \
#   COACHOS_USER_RATE_PER_MINUTE=100000000 ./coachos up
#
#   bench/load.sh [users_per_sec=2] [duration_sec=60]   # run, then print the table
#   bench/load.sh table [report_dir]                     # the table of a report (default: the newest)
#   bench/load.sh compare BEFORE_DIR AFTER_DIR           # p99 per step, after / before (the cost-growth check)
#
# Other settings, from the environment: GATEWAY (http://localhost:8080), RAMP_SEC (a quarter of the
# duration, at most 30), MAX_SEC (duration + 120: the run is stopped then whatever still runs),
# STUDENTS (120), TEACHERS (3), THINK_SCALE (1; 0 for no think time), PLANS_WAIT_SEC (180: how long
# the setup waits for finance-service's fee plans). See bench/load/README.md.
# Reports go to bench/load/target/gatling/<run>/ (index.html, and steps.tsv for compare); target/ is
# not in git. Needs a JDK 25 and python3 (to read the report).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
LOAD="$ROOT/bench/load"
RESULTS="$LOAD/target/gatling"

# Reads the statistics table of a Gatling report (index.html) into steps.tsv and prints it.
table() {
  local report="${1%/}"
  [ -f "$report/index.html" ] || { echo "no Gatling report in $report" >&2; exit 1; }
  python3 - "$report" <<'PY'
import html, re, sys
report = sys.argv[1]
page = open(report + "/index.html", encoding="utf-8").read()
rows = []
# Each row of the statistics table: the request's name, then its cells col-2 .. col-14:
# total, OK, KO, % KO, req/s, min, p50, p75, p95, p99, max, mean, standard deviation.
for match in re.finditer(r'<tr id="([^"]+)"[^>]*>(.*?)</tr>', page, re.S):
    body = match.group(2)
    name = re.search(r'class="ellipsed-name">(.*?)</span>', body, re.S)
    cells = dict(re.findall(r'<td class="value [a-z]+ col-(\d+)">([^<]*)</td>', body))
    if not name or "2" not in cells:
        continue
    rows.append((html.unescape(name.group(1)).strip(), cells))
if not rows:
    sys.exit("no statistics found in " + report + "/index.html")
with open(report + "/steps.tsv", "w", encoding="utf-8") as out:
    out.write("step\treq_per_s\tp50_ms\tp95_ms\tp99_ms\tok\tko\n")
    for name, c in rows:
        out.write("\t".join([name, c["6"], c["8"], c["10"], c["11"], c["3"], c["4"]]) + "\n")
fmt = "%-42s %9s %8s %8s %8s %7s %6s"
print(fmt % ("step", "req/s", "p50 ms", "p95 ms", "p99 ms", "OK", "KO"))
ordered = sorted(rows[1:], key=lambda r: r[0]) if rows[0][0] == "All Requests" else sorted(rows, key=lambda r: r[0])
for name, c in ordered + ([rows[0]] if rows[0][0] == "All Requests" else []):
    print(fmt % (name[:42], c["6"], c["8"], c["10"], c["11"], c["3"], c["4"]))
print("(response times over all of a step's requests, OK and KO; req/s over the whole run)")
PY
  echo "report: $report/index.html"
}

compare() {
  local before="${1%/}/steps.tsv" after="${2%/}/steps.tsv"
  [ -f "$before" ] && [ -f "$after" ] || { echo "compare needs two report folders with steps.tsv (bench/load.sh table DIR makes it)" >&2; exit 2; }
  python3 - "$before" "$after" <<'PY'
import csv, sys
def read(path):
    with open(path, encoding="utf-8") as f:
        return {r["step"]: r for r in csv.DictReader(f, delimiter="\t")}
before, after = read(sys.argv[1]), read(sys.argv[2])
fmt = "%-42s %10s %10s %7s  %s"
print(fmt % ("step", "p99 before", "p99 after", "ratio", ""))
worst = 0.0
for step in sorted(set(before) & set(after)):
    b, a = float(before[step]["p99_ms"]), float(after[step]["p99_ms"])
    ratio = a / b if b > 0 else float("inf") if a > 0 else 1.0
    worst = max(worst, ratio) if step != "All Requests" else worst
    print(fmt % (step[:42], int(b), int(a), "%.2f" % ratio, "over 1.5" if ratio > 1.5 else ""))
for step in sorted(set(before) ^ set(after)):
    print("%-42s only in %s" % (step[:42], "before" if step in before else "after"))
print("largest p99 ratio of a step: %.2f (goal: at most 1.5)" % worst)
PY
}

case "${1:-}" in
  table)
    report="${2:-$(ls -1dt "$RESULTS"/*/ 2>/dev/null | head -n 1)}"
    [ -n "$report" ] || { echo "no report under $RESULTS" >&2; exit 1; }
    table "$report"
    exit 0
    ;;
  compare)
    compare "${2:?before}" "${3:?after}"
    exit 0
    ;;
esac

RATE="${1:-${USERS_PER_SEC:-2}}"
DURATION="${2:-${DURATION_SEC:-60}}"
GATEWAY="${GATEWAY:-http://localhost:8080}"
if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[5-9]|[3-9][0-9])'; then
  for candidate in /usr/lib/jvm/*; do
    if [ -x "$candidate/bin/java" ] && "$candidate/bin/java" -version 2>&1 | grep -qE 'version "(2[5-9]|[3-9][0-9])'; then
      export JAVA_HOME="$candidate"
      break
    fi
  done
fi
export PATH="$JAVA_HOME/bin:$PATH"
command -v python3 >/dev/null || { echo "python3 is needed to read the report" >&2; exit 2; }

status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$GATEWAY/api/v1/auth/jwks" || true)
[ "$status" = 200 ] || { echo "the gateway at $GATEWAY does not answer (jwks: $status): ./coachos up first" >&2; exit 1; }

args=(-Dgateway="$GATEWAY" -Dusers.per.sec="$RATE" -Dduration.sec="$DURATION")
# RAMP_SEC, MAX_SEC, STUDENTS, TEACHERS, THINK_SCALE and PLANS_WAIT_SEC reach the simulation through the environment.
# The database's per-table scan counters before and after, when psql reaches it: a table read by
# sequential scans under the load is where cost grows with the data.
DB=(psql -X -q -tA -F ' ' -h "${COACHOS_DB_HOST:-localhost}" -p "${COACHOS_DB_PORT:-5432}" -U "${PGUSER:-postgres}"
  -d "${COACHOS_DB_NAME:-coachos}")
scans() {
  command -v psql >/dev/null && "${DB[@]}" -c "select schemaname || '.' || relname, seq_scan, seq_tup_read,
    coalesce(idx_scan, 0), n_live_tup from pg_stat_user_tables" 2>/dev/null || true
}

mkdir -p "$RESULTS"
marker="$RESULTS/.started"
before_scans=$(scans)
touch "$marker"
echo "journey load test: $RATE journeys/s for $DURATION s against $GATEWAY"
run=0
"$ROOT/mvnw" -B -q -f "$LOAD/pom.xml" gatling:test "${args[@]}" || run=$?
report=$(find "$RESULTS" -mindepth 1 -maxdepth 1 -type d -newer "$marker" | sort | tail -n 1)
[ -n "$report" ] || { echo "the run made no report (exit $run)" >&2; exit 1; }
after_scans=$(scans)
echo
table "$report"
if [ -n "$before_scans" ] && [ -n "$after_scans" ]; then
  printf '%s\n' "$before_scans" > "$report/scans-before.txt"
  printf '%s\n' "$after_scans" > "$report/scans-after.txt"
  echo
  echo "tables most read by sequential scans during the run (the whole database, not only this run's requests):"
  python3 - "$report" <<'PY'
import sys
report = sys.argv[1]
def read(name):
    rows = {}
    for line in open(report + "/" + name, encoding="utf-8"):
        parts = line.split()
        if len(parts) == 5:
            rows[parts[0]] = [int(x) for x in parts[1:]]
    return rows
before, after = read("scans-before.txt"), read("scans-after.txt")
diff = []
for table, (seq, tup, idx, live) in after.items():
    b = before.get(table, [0, 0, 0, 0])
    diff.append((tup - b[1], seq - b[0], idx - b[2], live, table))
diff.sort(reverse=True)
print("%-40s %10s %14s %10s %10s" % ("table", "seq scans", "rows seq-read", "idx scans", "live rows"))
for tup, seq, idx, live, table in diff[:12]:
    if seq > 0:
        print("%-40s %10d %14d %10d %10d" % (table, seq, tup, idx, live))
PY
fi
exit "$run"
