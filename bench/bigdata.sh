#!/usr/bin/env bash
# A large institute's data in the suite's database, for the journey load test's cost-growth run
# (bench/load/README.md): the same journeys on a database about 100 times larger.
#   bench/bigdata.sh [scale=100]   # remove what an earlier run added, add it again, ANALYZE, print the counts
#   bench/bigdata.sh clean         # remove it all (and what the services made since for those rows), ANALYZE
#   bench/bigdata.sh counts        # how many generated rows each table holds now
# bench/bigdata-data.sql says what it adds at a scale (100: 20 branches, 12,000 students, ...), in
# every service's schema, read models included, with ids in one block that bench/bigdata-clean.sql
# removes again. The audit trail is left alone: it is append-only and hash-chained, so rows added
# behind audit-service's back could only be taken out again by breaking its chains.
# Runs with psql as the database's superuser (PGUSER, postgres) against COACHOS_DB_NAME (coachos)
# on COACHOS_DB_HOST (localhost); the suite may be running.
set -euo pipefail
cd "$(dirname "$0")"
DB="${COACHOS_DB_NAME:-coachos}"
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h "${COACHOS_DB_HOST:-localhost}" -p "${COACHOS_DB_PORT:-5432}"
  -U "${PGUSER:-postgres}" -d "$DB")
ACTION="${1:-100}"

# Every table the generator writes, for ANALYZE and the counts.
TABLES=(identity.branch identity.app_user identity.student_profile identity.teacher_profile identity.staff_profile
  identity.known_batch course.course course.curriculum course.module course.lesson course.course_teacher
  course.enrolled_student course.course_enrollment enrollment.course_view enrollment.curriculum_view
  enrollment.curriculum_lesson enrollment.known_user enrollment.batch enrollment.enrollment enrollment.attendance
  enrollment.lesson_progress enrollment.quiz_view enrollment.quiz_result assessment.course_view
  assessment.curriculum_view assessment.curriculum_lesson assessment.course_teacher assessment.batch_view
  assessment.enrollment_view assessment.quiz assessment.question assessment.question_option assessment.answer_key
  assessment.attempt assessment.response finance.branch_view finance.student_view finance.payee_view
  finance.batch_view finance.fee_plan finance.installment finance.payment finance.allocation finance.receipt
  finance.receipt_line finance.receipt_counter marketing.branch_view marketing.batch_view marketing.staff_view
  marketing.lead marketing.lead_activity communication.recipient communication.batch communication.enrollment
  communication.notification)

# The column of each table that holds a generated id.
key_of() {
  case "$1" in
    identity.student_profile | identity.teacher_profile | identity.staff_profile) echo user_id ;;
    identity.known_batch | enrollment.attendance | finance.batch_view | marketing.batch_view | communication.batch | assessment.batch_view) echo batch_id ;;
    course.course_teacher | course.enrolled_student | enrollment.course_view | assessment.course_view | assessment.course_teacher) echo course_id ;;
    course.module | course.lesson | enrollment.curriculum_view | enrollment.curriculum_lesson | assessment.curriculum_view | assessment.curriculum_lesson) echo curriculum_id ;;
    course.course_enrollment | assessment.enrollment_view | communication.enrollment) echo enrollment_id ;;
    enrollment.known_user | finance.payee_view | marketing.staff_view | communication.recipient | communication.notification) echo user_id ;;
    enrollment.lesson_progress | enrollment.quiz_result | finance.student_view) echo student_id ;;
    enrollment.quiz_view) echo quiz_id ;;
    assessment.question) echo quiz_id ;;
    assessment.question_option | assessment.answer_key) echo question_id ;;
    assessment.response) echo attempt_id ;;
    finance.branch_view | marketing.branch_view) echo branch_id ;;
    finance.installment | finance.payment) echo plan_id ;;
    finance.allocation) echo payment_id ;;
    finance.receipt | finance.receipt_line) echo "${1#*.}" ;;
    marketing.lead_activity) echo lead_id ;;
    *) echo id ;;
  esac
}

counts() {
  local table key where sql="" total
  for table in "${TABLES[@]}"; do
    key=$(key_of "$table")
    case "$key" in
      receipt) where="payment_id between '$LO' and '$HI'" ;;
      receipt_line) where="receipt_id in (select id from finance.receipt where payment_id between '$LO' and '$HI')" ;;
      *) where="$key between '$LO' and '$HI'" ;;
    esac
    [ "$table" = finance.receipt_counter ] && where="series in (select receipt_series from finance.branch_view where branch_id between '$LO' and '$HI')"
    sql+="select '$table', (select count(*) from $table where $where), (select count(*) from $table) union all "
  done
  sql="${sql% union all }"
  printf '%-32s %12s %12s\n' table generated "all rows"
  "${PSQL[@]}" -tA -F ' ' -c "$sql" | while read -r name generated all; do
    printf '%-32s %12s %12s\n' "$name" "$generated" "$all"
  done
  total=$("${PSQL[@]}" -tA -c "select sum(n) from ($sql) x(t, n, a)")
  echo "generated rows in all: $total"
}

analyze() {
  "${PSQL[@]}" -c "analyze $(IFS=,; echo "${TABLES[*]}")"
}

LO=b16da7a0-0000-0000-0000-000000000000
HI=b16da7a0-ffff-ffff-ffff-ffffffffffff
case "$ACTION" in
  clean)
    start=$SECONDS
    "${PSQL[@]}" -f bigdata-clean.sql
    analyze
    echo "removed the generated rows in $((SECONDS - start)) s"
    ;;
  counts)
    counts
    ;;
  *[!0-9]* | "" | 0)
    echo "usage: bench/bigdata.sh [scale (a positive number, 100 by default) | clean | counts]" >&2
    exit 2
    ;;
  *)
    start=$SECONDS
    "${PSQL[@]}" -f bigdata-clean.sql
    "${PSQL[@]}" -v scale="$ACTION" -f bigdata-data.sql
    analyze
    echo "added a large institute at scale $ACTION in $((SECONDS - start)) s (ANALYZE included)"
    counts
    ;;
esac
