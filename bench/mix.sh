#!/usr/bin/env bash
# The journey mix (bench/load.sh) with what it cost each process: CPU per request of the gateway and
# of every service, and the SQL statements each service's database role ran per request
# (pg_stat_statements). Run it on the everyday database and again after bench/bigdata.sh: the
# statements per request should stay the same, and `bench/load.sh compare` gives p99 per step.
#
#   bench/mix.sh [users_per_sec=2] [duration_sec=120]     # then the load table and the cost table
#
# Needs pg_stat_statements loaded in PostgreSQL (shared_preload_libraries, a restart) and the
# extension in the suite's database; the script creates the extension when the library is loaded:
#   psql -U postgres -c "alter system set shared_preload_libraries = 'pg_stat_statements'"
#   pg_ctlcluster --skip-systemctl-redirect <version> main restart
# The statement counts are for the whole run: they include what the services do by themselves in
# that time (outbox relays, event consumers, sweeps), about the same in two runs of equal length.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
RUN_DIR="${COACHOS_RUN_DIR:-$ROOT/.run}"
DB="${COACHOS_DB_NAME:-coachos}"
RATE="${1:-2}"
DURATION="${2:-120}"
TICKS=$(getconf CLK_TCK)
PSQL=(psql -h "${COACHOS_DB_HOST:-localhost}" -U "${PGUSER:-postgres}" -d "$DB" -XAtq -v ON_ERROR_STOP=1)

processes() { ls "$RUN_DIR/pids" | sed 's/\.pid$//' | sort; }
cpu_ticks() { # pid: user + system ticks of the process so far
  awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0
}

statements=1
if [ "$("${PSQL[@]}" -c "select count(*) from pg_settings where name = 'shared_preload_libraries'
                         and setting like '%pg_stat_statements%'")" = 1 ]; then
  "${PSQL[@]}" -c "create extension if not exists pg_stat_statements" >/dev/null
  "${PSQL[@]}" -c "select pg_stat_statements_reset()" >/dev/null
else
  echo "pg_stat_statements is not loaded: no statement counts (see the header of $0)" >&2
  statements=0
fi

declare -A before pid
reports_before="$(ls -d "$ROOT"/bench/load/target/gatling/*/ 2>/dev/null | sort)"
for name in $(processes); do
  pid[$name]="$(cat "$RUN_DIR/pids/$name.pid")"
  before[$name]="$(cpu_ticks "${pid[$name]}")"
done

status=0
"$ROOT/bench/load.sh" "$RATE" "$DURATION" || status=$?

report="$(comm -13 <(echo "$reports_before") <(ls -d "$ROOT"/bench/load/target/gatling/*/ 2>/dev/null | sort) | tail -n 1)"
[ -n "$report" ] && [ -f "$report/steps.tsv" ] || { echo "the load run left no new report" >&2; exit 1; }
requests="$(awk -F'\t' 'NR > 1 && $1 != "All Requests" {n += $6 + $7} END {print n + 0}' "$report/steps.tsv")"
echo
echo "Cost of the run: $requests requests (report $report)"
printf '%-24s %14s %18s\n' process "CPU s" "CPU ms / request"
for name in "${!pid[@]}"; do
  now="$(cat "$RUN_DIR/pids/$name.pid" 2>/dev/null || true)"
  if [ "$now" != "${pid[$name]}" ]; then
    printf '%-24s %s
' "$name" "restarted during the run: no figure"
    continue
  fi
  delta=$(( $(cpu_ticks "${pid[$name]}") - ${before[$name]} ))
  awk -v n="$name" -v t="$delta" -v hz="$TICKS" -v r="$requests" \
    'BEGIN {printf "%-24s %14.1f %18.3f\n", n, t / hz, (r > 0 ? 1000 * t / hz / r : 0)}'
done | sort | tee "$report/cpu.txt"
if ((statements)); then
  echo
  printf '%-24s %14s %22s\n' "database role" statements "statements / request"
  "${PSQL[@]}" -F $'\t' -c "select r.rolname, sum(s.calls) from pg_stat_statements s
                           join pg_roles r on r.oid = s.userid join pg_database d on d.oid = s.dbid
                           where d.datname = current_database() and r.rolname like 'coachos%'
                           group by 1 order by 1" |
    awk -F'\t' -v r="$requests" '{printf "%-24s %14d %22.2f\n", $1, $2, (r > 0 ? $2 / r : 0); total += $2}
      END {printf "%-24s %14d %22.2f\n", "all", total, (r > 0 ? total / r : 0)}' | tee "$report/statements.txt"
fi
exit "$status"
