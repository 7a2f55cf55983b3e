#!/usr/bin/env bash
# Soak sampler: what every process of a running suite holds on to, sampled at a steady interval,
# and a report saying whether each series stays flat. See bench/soak.md.
#
#   bench/soak.sh sample OUT.csv [INTERVAL_S]   sample every INTERVAL_S (15) seconds until killed,
#                                               or for SOAK_SECONDS when that is set
#   bench/soak.sh report OUT.csv                the table (value at minute 2, at the end, min, max,
#                                               slope per minute, verdict) and a plot
#   bench/soak.sh run [load.sh arguments...]    sample in the background while bench/load.sh runs
#                                               (if it exists; default arguments: SOAK_RATE (2) users
#                                               per second for SOAK_SECONDS (600)), then report
#
# The CSV is long, one row per (time, process, metric):
#   time,elapsed_s,process,pid,metric,value
# process is a suite process (discovery-server, identity-service, ..., gateway, kafka),
# pg:<role>/<application_name> for PostgreSQL connections, or outbox:<schema>. Values in KiB end in _kb.
#
# Environment: COACHOS_RUN_DIR (where ./coachos keeps pids/; default: .run of this checkout, or of
# the main checkout when this is a linked git worktree), COACHOS_DB_HOST/PORT/NAME, SOAK_PGUSER
# (postgres), SOAK_SECONDS, SOAK_SKIP_S (60: the first minute is warm-up and left out of the
# verdicts), SOAK_PLOT (PNG path; default target/soak/<csv name>.png); for run: SOAK_INTERVAL (15),
# SOAK_OUT (target/soak/soak-<UTC time>.csv), SOAK_LOAD (the load script, bench/load.sh), SOAK_RATE.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PROCS=(discovery-server identity-service course-service enrollment-service communication-service
  audit-service assessment-service finance-service marketing-service gateway kafka)
DB_HOST="${COACHOS_DB_HOST:-localhost}"
DB_PORT="${COACHOS_DB_PORT:-5432}"
DB_NAME="${COACHOS_DB_NAME:-coachos}"
PG_USER="${SOAK_PGUSER:-postgres}"
SKIP_S="${SOAK_SKIP_S:-60}"

die() { printf 'soak: %s\n' "$*" >&2; exit 1; }

run_dir() {
  if [ -n "${COACHOS_RUN_DIR:-}" ]; then printf '%s' "$COACHOS_RUN_DIR"; return; fi
  if [ -d "$ROOT/.run/pids" ]; then printf '%s' "$ROOT/.run"; return; fi
  # A linked worktree: the suite is usually started from the main checkout.
  local main
  main=$(git -C "$ROOT" worktree list --porcelain 2>/dev/null | sed -n '1s/^worktree //p')
  printf '%s' "${main:-$ROOT}/.run"
}
RUN="$(run_dir)"

cmdline() { tr '\0' ' ' 2>/dev/null <"/proc/$1/cmdline"; }

# Whether a command line is the given process of the suite: a service by its jar (plain or
# extracted for the ahead-of-time cache, both named <module>-<version>.jar), the broker by its class.
is_proc() { # name "command line"
  # Not a build's training run of the jar (pom.xml, aot-train): it records a cache and exits.
  [[ "$2" == *AOTCacheOutput* ]] && return 1
  case "$1" in
    kafka) [[ "$2" == *"kafka.Kafka "* ]] ;;
    *) [[ "$2" =~ /$1-[0-9][^\ /]*\.jar ]] ;;
  esac
}

# "name pid" for every process of the suite that runs now (a pid of 0 when it does not). The pid
# file of ./coachos first; when it is missing or stale, any JVM on this machine whose command line
# names the process (JVMs are found through their /tmp/hsperfdata_<user>/<pid> files).
resolve() {
  local name pid cand found
  for name in "${PROCS[@]}"; do
    found=0
    pid=$(cat "$RUN/pids/$name.pid" 2>/dev/null || true)
    if [ -n "$pid" ] && is_proc "$name" "$(cmdline "$pid")"; then
      found=$pid
    else
      for cand in /tmp/hsperfdata_*/*; do
        cand=${cand##*/}
        [[ "$cand" =~ ^[0-9]+$ ]] || continue
        if is_proc "$name" "$(cmdline "$cand")"; then found=$cand; break; fi
      done
    fi
    printf '%s %s\n' "$name" "$found"
  done
}

# Heap retained after the last collection, from the JVM's own performance counters.
#
# Why this source: the JVMs run the Serial collector (jvm/aot.options). With it, the old generation
# and the survivor spaces change only during a collection (promotion, compaction); eden only fills
# between them. So survivors + old generation, read at any moment, is what the last collection
# (young or full) left behind, give or take objects too large for eden that are allocated straight
# into the old generation. That is the "heap after GC" to watch for a leak; eden is not. The
# counters are the ones jstat prints (jstat -gc: S0U+S1U+OU), read here straight from the
# /tmp/hsperfdata_<user>/<pid> file the JVM keeps up to date in shared memory: no attach, no
# safepoint, no collection forced, and no JVM started per sample (jstat costs about 0.25 s of CPU
# per call, which on two cores and eleven processes would disturb the soak it measures).
# jcmd GC.heap_info reports current use (eden included) and GC.run would force the collections we
# want to observe; the actuator's jvm.gc.live.data.size needs an operator token on the services
# (read:metrics) and is not exposed at all by the gateway, the registry or the broker.
#
# The file format (hotspot perfMemory/perfData): a prologue with the byte order at offset 4, the
# first entry's offset at 24 and the entry count at 28; each entry has its length, the offset of its
# NUL-terminated name, a vector length, a type byte ('J' = 74 for a long) and the offset of its value.
perf_counters() { # pid -> name=value lines
  local file
  for file in /tmp/hsperfdata_*/"$1"; do
    [ -r "$file" ] || continue
    od -An -v -tu1 "$file" | awk -v want='^(java\\.threads\\.live|sun\\.gc\\.collector\\.[01]\\.invocations|sun\\.gc\\.generation\\.[01]\\.capacity|sun\\.gc\\.generation\\.0\\.space\\.[12]\\.used|sun\\.gc\\.generation\\.1\\.space\\.0\\.used)$' '
      { for (i = 1; i <= NF; i++) b[n++] = $i + 0 }
      function num(at, size,   v, k) {
        v = 0
        if (little) { for (k = size - 1; k >= 0; k--) v = v * 256 + b[at + k] }
        else        { for (k = 0; k < size; k++) v = v * 256 + b[at + k] }
        return v
      }
      END {
        if (n < 32) exit
        little = (b[4] == 1)
        at = num(24, 4); entries = num(28, 4)
        for (e = 0; e < entries && at < n; e++) {
          size = num(at, 4)
          if (size <= 0) break
          name = ""
          for (k = at + num(at + 4, 4); k < n && b[k] != 0; k++) name = name sprintf("%c", b[k])
          if (b[at + 12] == 74 && num(at + 8, 4) == 0 && name ~ want) print name "=" num(at + num(at + 16, 4), 8)
          at += size
        }
      }'
    return
  done
}

# One sample of every process, of PostgreSQL and of the outboxes, as CSV rows on stdout.
sample_once() { # now elapsed
  local now=$1 elapsed=$2 name pid
  local -a live=()
  while read -r name pid; do
    if [ "$pid" = 0 ] || [ ! -d "/proc/$pid" ]; then
      printf '%s,%s,%s,,up,0\n' "$now" "$elapsed" "$name"
      continue
    fi
    live+=("$name:$pid")
    printf '%s,%s,%s,%s,up,1\n' "$now" "$elapsed" "$name" "$pid"
    perf_counters "$pid" | awk -F= -v pre="$now,$elapsed,$name,$pid" '
      { c[$1] = $2 }
      END {
        if (!("sun.gc.generation.1.space.0.used" in c)) exit
        kb = 1024
        printf "%s,heap_after_gc_kb,%d\n", pre, (c["sun.gc.generation.0.space.1.used"] + c["sun.gc.generation.0.space.2.used"] + c["sun.gc.generation.1.space.0.used"]) / kb
        printf "%s,old_gen_kb,%d\n", pre, c["sun.gc.generation.1.space.0.used"] / kb
        printf "%s,heap_committed_kb,%d\n", pre, (c["sun.gc.generation.0.capacity"] + c["sun.gc.generation.1.capacity"]) / kb
        printf "%s,young_gcs,%d\n", pre, c["sun.gc.collector.0.invocations"]
        printf "%s,full_gcs,%d\n", pre, c["sun.gc.collector.1.invocations"]
        printf "%s,java_threads,%d\n", pre, c["java.threads.live"]
      }'
    awk -v pre="$now,$elapsed,$name,$pid" '
      $1 == "VmRSS:" { printf "%s,rss_kb,%d\n", pre, $2 }
      $1 == "Threads:" { printf "%s,threads,%d\n", pre, $2 }' "/proc/$pid/status" 2>/dev/null
  done < <(resolve)

  # Open TCP connections per process: its socket inodes (/proc/PID/fd) looked up in the kernel's
  # TCP tables, IPv4 and IPv6, by state (01 established, 08 close-wait: the peer closed, we did not).
  if [ "${#live[@]}" -gt 0 ]; then
    local entry
    for entry in "${live[@]}"; do
      printf '%s %s none\n' "${entry%%:*}" "${entry#*:}"   # a row even for a process with no socket
      find "/proc/${entry#*:}/fd" -lname 'socket:*' -printf "${entry%%:*} ${entry#*:} %l\n" 2>/dev/null
    done | awk -v pre="$now,$elapsed" '
      FILENAME == "-" {
        if (!(($1 "," $2) in procs)) { procs[$1 "," $2] = 1; order[++count] = $1 "," $2 }
        if (gsub(/[^0-9]/, "", $3)) owner[$3] = $1 "," $2
        next
      }
      FNR > 1 && ($10 in owner) {
        if ($4 == "01") estab[owner[$10]]++
        else if ($4 == "08") closewait[owner[$10]]++
      }
      END {
        for (i = 1; i <= count; i++) {
          p = order[i]
          printf "%s,%s,tcp_established,%d\n", pre, p, estab[p]
          printf "%s,%s,tcp_close_wait,%d\n", pre, p, closewait[p]
        }
      }' - /proc/net/tcp /proc/net/tcp6
  fi

  # PostgreSQL: connections to the suite's database per role and application name (this
  # session left out), and every schema's outbox: events not yet published and not set aside
  # (published_at and parked_at null, as the relay selects them), and those set aside (parked).
  local pg=(psql -h "$DB_HOST" -p "$DB_PORT" -U "$PG_USER" -d "$DB_NAME" -X -q -At -F ',' -v ON_ERROR_STOP=1)
  PGCONNECT_TIMEOUT=3 PGOPTIONS='-c statement_timeout=5000' "${pg[@]}" -c "
    select 'pg:' || coalesce(nullif(usename, ''), '-') || '/'
           || case application_name when 'PostgreSQL JDBC Driver' then 'jdbc' when '' then '-'
                   else replace(application_name, ',', ' ') end,
           'connections', count(*)
      from pg_stat_activity
     where datname = current_database() and pid <> pg_backend_pid()
     group by 1" 2>/dev/null | sed "s/^/$now,$elapsed,/; s/^\([^,]*,[^,]*,[^,]*\),/\1,,/"
  local schemas sql="" s
  schemas=$(PGCONNECT_TIMEOUT=3 "${pg[@]}" -c "
    select table_schema from information_schema.tables where table_name = 'outbox_event' order by 1" 2>/dev/null)
  for s in $schemas; do
    [[ "$s" =~ ^[a-z_][a-z0-9_]*$ ]] || continue
    sql+="${sql:+ union all }select 'outbox:$s',
      (select count(*) from \"$s\".outbox_event where published_at is null and parked_at is null),
      (select count(*) from \"$s\".outbox_event where parked_at is not null)"
  done
  if [ -n "$sql" ]; then
    PGCONNECT_TIMEOUT=3 PGOPTIONS='-c statement_timeout=5000' "${pg[@]}" -c "$sql" 2>/dev/null |
      awk -F, -v pre="$now,$elapsed" '{ printf "%s,%s,,pending,%d\n%s,%s,,parked,%d\n", pre, $1, $2, pre, $1, $3 }'
  fi
}

sample() { # out [interval]
  local out="$1" interval="${2:-15}" start now next elapsed
  [[ "$interval" =~ ^[0-9]+$ ]] && [ "$interval" -gt 0 ] || die "interval must be a whole number of seconds"
  command -v psql >/dev/null || die "psql is needed"
  mkdir -p "$(dirname "$out")"
  printf 'time,elapsed_s,process,pid,metric,value\n' >"$out"
  # Stopped (run does it with TERM when the load is over), the sampler finishes the sample it is
  # taking, so that the last one is whole.
  local stop=0
  trap 'stop=1; kill $! 2>/dev/null' TERM INT
  start=$(date +%s)
  next=$start
  printf 'soak: sampling every %s s into %s (pid files in %s)%s\n' "$interval" "$out" "$RUN/pids" \
    "${SOAK_SECONDS:+ for $SOAK_SECONDS s}" >&2
  while :; do
    now=$(date +%s)
    elapsed=$((now - start))
    sample_once "$now" "$elapsed" >>"$out"
    [ "$stop" = 0 ] || break
    # The next tick on the start's grid, so that a slow sample does not shift the later ones.
    next=$((next + interval))
    now=$(date +%s)
    while [ "$next" -le "$now" ]; do next=$((next + interval)); done
    if [ -n "${SOAK_SECONDS:-}" ] && [ $((next - start)) -gt "$SOAK_SECONDS" ]; then break; fi
    sleep $((next - now)) &
    wait $!
    [ "$stop" = 0 ] || break
  done
}

report() { # csv
  local csv="$1"
  [ -s "$csv" ] || die "no samples in $csv"
  local rows
  rows=$(awk -F, -v skip="$SKIP_S" '
    NR == 1 { next }
    {
      key = $3 SUBSEP $5
      # Rows grouped by process (in the order they first appear), metrics in their order within it.
      if (!($3 in procseen)) { procseen[$3] = 1; procs_in_order[++nprocs] = $3 }
      if (!(key in seen)) { seen[key] = 1; metrics_of[$3, ++nmetrics[$3]] = $5 }
      n[key]++; t[key, n[key]] = $2; v[key, n[key]] = $6 + 0
      if ($4 != "") { if (!((key, $4) in pidseen)) { pidseen[key, $4] = 1; pids[key]++ } }
      if ($2 > last) last = $2
    }
    function human(metric, x) {
      if (metric ~ /_kb$/) return sprintf("%.1f", x / 1024)
      if (x == int(x)) return sprintf("%d", x)
      return sprintf("%.2f", x)
    }
    # A sparkline of the window: up to 24 points (means of equal slices), scaled from min to max.
    function spark(key, from, to,   glyph, m, slices, s, a, z, i, sum, cnt, lo, hi, p, out) {
      split("\342\226\201 \342\226\202 \342\226\203 \342\226\204 \342\226\205 \342\226\206 \342\226\207 \342\226\210", glyph, " ")
      m = to - from + 1; slices = (m < 24) ? m : 24
      lo = ""; hi = ""
      for (s = 0; s < slices; s++) {
        a = from + int(s * m / slices); z = from + int((s + 1) * m / slices) - 1
        sum = 0; cnt = 0
        for (i = a; i <= z; i++) { sum += v[key, i]; cnt++ }
        p[s] = sum / cnt
        if (lo == "" || p[s] < lo) lo = p[s]
        if (hi == "" || p[s] > hi) hi = p[s]
      }
      out = ""
      for (s = 0; s < slices; s++) out = out glyph[(hi > lo) ? 1 + int(7 * (p[s] - lo) / (hi - lo) + 0.5) : 1]
      return out
    }
    # Least-squares slope per minute of samples i..j (optionally only those flagged in use[]).
    function slope(key, from, to,   i, x, sx, sy, sxx, sxy, k) {
      sx = sy = sxx = sxy = k = 0
      for (i = from; i <= to; i++) { x = t[key, i] / 60; sx += x; sy += v[key, i]; sxx += x * x; sxy += x * v[key, i]; k++ }
      if (k < 2 || k * sxx - sx * sx == 0) return 0
      return (k * sxy - sx * sy) / (k * sxx - sx * sx)
    }
    # The same through the lowest value of each slice of width seconds (a minute): the floor a leak
    # raises, unmoved by the saw-tooth of objects promoted between full collections.
    function floor_slope(key, from, to, width,   i, m, lo, cnt, sx, sy, sxx, sxy, x) {
      delete lo
      for (i = from; i <= to; i++) {
        m = int((t[key, i] - t[key, from]) / width)
        if (!(m in lo) || v[key, i] < lo[m]) lo[m] = v[key, i]
      }
      sx = sy = sxx = sxy = cnt = 0
      for (m in lo) { x = (m + 0.5) * width / 60; sx += x; sy += lo[m]; sxx += x * x; sxy += x * lo[m]; cnt++ }
      if (cnt < 2 || cnt * sxx - sx * sx == 0) return 0
      return (cnt * sxy - sx * sy) / (cnt * sxx - sx * sx)
    }
    END {
      for (q = 1; q <= nprocs; q++) for (r = 1; r <= nmetrics[procs_in_order[q]]; r++) {
        proc = procs_in_order[q]; metric = metrics_of[proc, r]; key = proc SUBSEP metric
        from = 0
        for (i = 1; i <= n[key]; i++) if (t[key, i] >= skip) { from = i; break }
        if (!from) { printf "%s\t%s\t0\t-\t-\t-\t-\t-\ttoo short (nothing after %s s)\t\n", proc, metric, skip; continue }
        to = n[key]
        lo = hi = v[key, from]; sum = 0
        for (i = from; i <= to; i++) { x = v[key, i]; if (x < lo) lo = x; if (x > hi) hi = x; sum += x }
        mean = sum / (to - from + 1)
        span = (t[key, to] - t[key, from]) / 60
        b = slope(key, from, to)
        rise = b * span
        # The first and the last minute of the window (a third of it when shorter than three
        # minutes), for the rules on whole-number counts.
        edge = (span * 60 < 180) ? span * 20 : 60
        firstmax = ""; lastmin = ""
        for (i = from; i <= to; i++) {
          if (t[key, i] <= t[key, from] + edge && (firstmax == "" || v[key, i] > firstmax)) firstmax = v[key, i]
          if (t[key, i] >= t[key, to] - edge && (lastmin == "" || v[key, i] < lastmin)) lastmin = v[key, i]
        }
        verdict = "flat"
        if (to - from + 1 < 3) verdict = "too few samples"
        else if (metric == "up") {
          if (hi == 0) verdict = "NOT FLAT (not running)"
          else if (lo == 0) verdict = "NOT FLAT (down at times" (pids[key] > 1 ? ", " pids[key] " pids)" : ")")
          else if (pids[key] > 1) verdict = "NOT FLAT (restarted, " pids[key] " pids)"
        } else if (pids[key] > 1) verdict = "restarted: " pids[key] " pids, not judged"
        else if (metric ~ /^(young_gcs|full_gcs)$/) {
          verdict = sprintf("counter: %+d", v[key, to] - v[key, from])
        } else if (metric == "heap_committed_kb" || metric == "old_gen_kb") {
          verdict = "info"
        } else if (metric == "heap_after_gc_kb" || metric == "rss_kb") {
          # Growth over the window above 10 % of the mean, both through every sample and through the
          # per-minute floor.
          fr = floor_slope(key, from, to, edge > 0 ? edge : 60) * span
          if (rise > 0.10 * mean && fr > 0.10 * mean) {
            verdict = sprintf("NOT FLAT (+%.0f%%)", 100 * rise / mean)
            # Without a full collection in the window, the growth may be garbage the old
            # generation has not been collected of yet: say so.
            fk = proc SUBSEP "full_gcs"
            if (metric == "heap_after_gc_kb" && (fk in n)) {
              for (i = 1; i <= n[fk] && t[fk, i] < skip; i++) ;
              if (i <= n[fk] && v[fk, n[fk]] == v[fk, i]) verdict = verdict ", no full GC"
            }
          }
        } else if (metric == "pending") {
          # The relay sends on every commit and at least every 200 ms: a healthy backlog is
          # mostly 0. Above 0 in every sample of the last minute means it no longer catches up.
          if (lastmin > 0) verdict = "NOT FLAT (backlog stays)"
        } else if (metric == "parked") {
          if (v[key, to] > v[key, from]) verdict = "NOT FLAT (events set aside)"
        } else {
          # Threads and connections: any steady growth. The fitted line gains a whole one over the
          # window, and the last minute never comes back down to the highest count of the first.
          if (rise >= 1 && lastmin > firstmax) verdict = "NOT FLAT (grows)"
        }
        unit = (metric ~ /_kb$/) ? "MiB" : ""
        name = metric; sub(/_kb$/, "_mib", name)
        printf "%s\t%s\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", proc, name, to - from + 1, human(metric, v[key, from]),
          human(metric, v[key, to]), human(metric, lo), human(metric, hi),
          (metric ~ /_kb$/) ? sprintf("%+.2f", b / 1024) : sprintf("%+.2f", b), verdict, spark(key, from, to)
      }
      printf "#window\t%d\t%d\n", skip, last
    }' "$csv")
  local window
  window=$(grep '^#window' <<<"$rows")
  rows=$(grep -v '^#window' <<<"$rows")
  printf 'Soak report: %s\n' "$csv"
  printf 'Window: from %s s after the first sample (SOAK_SKIP_S) to %s s; memory in MiB; slope per minute.\n\n' \
    "$(cut -f2 <<<"$window")" "$(cut -f3 <<<"$window")"
  {
    printf 'PROCESS\tMETRIC\tN\tAT_MIN2\tEND\tMIN\tMAX\tSLOPE/MIN\tVERDICT\tSERIES\n'
    printf '%s\n' "$rows"
  } | column -t -s $'\t'
  local bad
  bad=$(awk -F'\t' '$9 ~ /^NOT FLAT/' <<<"$rows" | wc -l)
  printf '\n%s series NOT FLAT%s\n' "$bad" "$([ "$bad" = 0 ] && echo . || echo :)"
  awk -F'\t' '$9 ~ /^NOT FLAT/ { printf "  %-30s %-18s %s\n", $1, $2, $9 }' <<<"$rows"
  plot "$csv"
  [ "$bad" = 0 ]
}

# A PNG with gnuplot when it is installed: heap after GC, RSS, threads and established connections
# per suite process, PostgreSQL connections per role and outbox backlog per schema, against minutes.
plot() { # csv
  local csv="$1" png="${SOAK_PLOT:-$ROOT/target/soak/$(basename "${1%.csv}").png}"
  if ! command -v gnuplot >/dev/null; then
    printf '(no plot: gnuplot is not installed; apt-get install -y gnuplot-nox)\n'
    return 0
  fi
  local dir
  dir=$(mktemp -d)
  mkdir -p "$(dirname "$png")"
  # One data file per panel; in it one block per series (separated by two blank lines) and its name.
  awk -F, -v dir="$dir" '
    NR == 1 { next }
    {
      panel = ""
      if ($5 == "heap_after_gc_kb") panel = "heap"; else if ($5 == "rss_kb") panel = "rss"
      else if ($5 == "threads") panel = "threads"; else if ($5 == "tcp_established") panel = "tcp"
      else if ($5 == "connections") panel = "pg"; else if ($5 == "pending") panel = "outbox"
      if (panel == "") next
      y = ($5 ~ /_kb$/) ? $6 / 1024 : $6
      s = panel SUBSEP $3
      if (!(s in idx)) { idx[s] = count[panel]++; name[panel, idx[s]] = $3 }
      # A restart (another pid) breaks the line: a blank line inside a block.
      if ((s in lastpid) && $4 != lastpid[s]) data[panel, idx[s]] = data[panel, idx[s]] "\n"
      lastpid[s] = $4
      data[panel, idx[s]] = data[panel, idx[s]] sprintf("%.3f %s\n", $2 / 60, y)
    }
    END {
      for (p in count) {
        f = dir "/" p
        titles = ""
        for (i = 0; i < count[p]; i++) {
          printf "%s\n\n", data[p, i] > f
          t = name[p, i]; sub(/^(pg|outbox):/, "", t); gsub(/ /, "_", t)
          titles = titles " " t
        }
        close(f)
        print count[p] > (f ".n"); print substr(titles, 2) > (f ".t")
        close(f ".n"); close(f ".t")
      }
    }' "$csv"
  {
    printf 'set terminal pngcairo size 1400,1050 font ",9"\nset output "%s"\n' "$png"
    printf 'set multiplot layout 3,2 title "Soak: %s"\nset xlabel "minutes"\nset key outside right font ",7"\nset grid\n' "$(basename "$csv")"
    # Some room above and below the lines, and a dashed line where the verdicts' window starts.
    printf 'set termoption noenhanced\nset yrange [0:*]\nset offsets 0, 0, graph 0.05, 0\n'
    printf 'set arrow 1 from %s, graph 0 to %s, graph 1 nohead dashtype 2\n' "$(awk -v s="$SKIP_S" 'BEGIN { print s / 60 }')" "$(awk -v s="$SKIP_S" 'BEGIN { print s / 60 }')"
    local panel label
    for panel in heap rss threads tcp pg outbox; do
      case $panel in
        heap) label="heap after GC (MiB)" ;; rss) label="RSS (MiB)" ;; threads) label="threads" ;;
        tcp) label="TCP established" ;; pg) label="PostgreSQL connections" ;; outbox) label="outbox pending" ;;
      esac
      printf 'set title "%s"\n' "$label"
      if [ -f "$dir/$panel" ]; then
        printf 'titles = "%s"\n' "$(cat "$dir/$panel.t")"
        printf 'plot for [i=0:%d] "%s" index i using 1:2 with lines linecolor i+1 dashtype i/8+1 title word(titles, i+1)\n' \
          "$(($(cat "$dir/$panel.n") - 1))" "$dir/$panel"
      else
        printf 'set label 1 "no data" at graph 0.5,0.5 center\nplot [0:1] [0:1] -1 notitle\nunset label 1\n'
      fi
    done
    printf 'unset multiplot\n'
  } >"$dir/plot.gp"
  if gnuplot "$dir/plot.gp" 2>"$dir/err"; then
    printf 'Plot: %s\n' "$png"
  else
    printf '(plot failed: %s)\n' "$(head -n 3 "$dir/err")"
  fi
  rm -rf "$dir"
}

run() { # [load.sh arguments...]
  local seconds="${SOAK_SECONDS:-600}" interval="${SOAK_INTERVAL:-15}" load="${SOAK_LOAD:-$ROOT/bench/load.sh}"
  local out="${SOAK_OUT:-$ROOT/target/soak/soak-$(date -u +%Y%m%dT%H%M%SZ).csv}" sampler status=0
  # No deadline for the sampler: it runs until the load is over (its set-up included).
  SOAK_SECONDS="" sample "$out" "$interval" &
  sampler=$!
  if [ -x "$load" ]; then
    # bench/load.sh [users_per_sec] [duration_sec]: a steady rate of new journeys for the whole time.
    local args=("$@")
    [ ${#args[@]} -gt 0 ] || args=("${SOAK_RATE:-2}" "$seconds")
    printf 'soak: %s %s\n' "$load" "${args[*]}" >&2
    "$load" "${args[@]}" || status=$?
    printf 'soak: %s exited with %s\n' "$load" "$status" >&2
  else
    printf 'soak: no %s: sampling only, for %s s\n' "$load" "$seconds" >&2
    sleep "$seconds"
  fi
  kill "$sampler" 2>/dev/null
  wait "$sampler" 2>/dev/null
  printf '\n'
  report "$out" || status=1
  return "$status"
}

case "${1:-}" in
  sample) [ $# -ge 2 ] || die "usage: bench/soak.sh sample OUT.csv [INTERVAL_S]"; sample "$2" "${3:-15}" ;;
  report) [ $# -ge 2 ] || die "usage: bench/soak.sh report OUT.csv"; report "$2" ;;
  run) shift; run "$@" ;;
  *) printf 'usage: bench/soak.sh sample OUT.csv [INTERVAL_S] | report OUT.csv | run [load.sh arguments...]\n' >&2; exit 2 ;;
esac
