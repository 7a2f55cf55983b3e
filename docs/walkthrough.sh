#!/usr/bin/env bash
# The walkthrough of docs/walkthrough.md as a script: every step through the gateway, each answer's
# status checked. UserJourneysIT runs it against the suite it starts, so these steps cannot drift
# from the code.
#
#   docs/walkthrough.sh                      # against ./coachos up on this machine
#   COACHOS_GATEWAY_URL=http://host:8080 COACHOS_ADMIN_EMAIL=... COACHOS_ADMIN_PASSWORD=... docs/walkthrough.sh
#
# Needs bash, curl and jq. Every run makes its own branch, users and course (names carry a run id),
# so it can run again against the same database. It makes 7 calls to the auth paths, which the
# gateway limits per client IP (COACHOS_AUTH_RATE_PER_MINUTE, 20 by default).
set -euo pipefail

GW="${COACHOS_GATEWAY_URL:-http://localhost:8080}"
GW="${GW%/}"
DIRECTOR_EMAIL="${COACHOS_ADMIN_EMAIL:-director@coachos.local}"
DIRECTOR_PASSWORD="${COACHOS_ADMIN_PASSWORD:-local-director-pass}"
# How long to wait, in seconds, for something that arrives by event or through service discovery.
WAIT="${COACHOS_WALKTHROUGH_WAIT:-90}"

for tool in curl jq; do
  command -v "$tool" >/dev/null || { echo "walkthrough: $tool is needed" >&2; exit 2; }
done

RUN="$(date +%y%m%d%H%M%S)$((RANDOM % 1000))"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
STEP="start"

step() { STEP="$1"; printf '%s\n' "$1"; }
fail() { printf 'walkthrough FAILED at step "%s": %s\n' "$STEP" "$*" >&2; exit 1; }

# call EXPECTED METHOD PATH [TOKEN] [JSON] [HEADER...]
# Sends one request through the gateway and fails the step unless the status is EXPECTED.
# The answer's body is left in BODY, its headers in $TMP/headers.
call() {
  local expected="$1" method="$2" path="$3" token="${4:-}" json="${5:-}"
  shift $(($# < 5 ? $# : 5))
  local args=(-sS -o "$TMP/body" -D "$TMP/headers" -w '%{http_code}' --max-time 30 -X "$method" "$GW$path")
  [ -z "$token" ] || args+=(-H "Authorization: Bearer $token")
  [ -z "$json" ] || args+=(-H 'Content-Type: application/json' --data-binary "$json")
  local header
  for header in "$@"; do args+=(-H "$header"); done
  local status
  status="$(curl "${args[@]}")" || fail "$method $path: no answer from $GW"
  BODY="$(cat "$TMP/body")"
  [ "$status" = "$expected" ] || fail "$method $path answered $status, expected $expected: $BODY"
}

# Fails the step unless the jq filter holds for BODY.
expect() { jq -e "$@" <<<"$BODY" >/dev/null || fail "expected $* in: $BODY"; }

# Reads one field of BODY, failing the step when it is missing.
field() {
  local value
  value="$(jq -r "$1 // empty" <<<"$BODY")"
  [ -n "$value" ] || fail "no $1 in: $BODY"
  printf '%s' "$value"
}

# wait_until WHAT COMMAND...: runs COMMAND every half second until it succeeds, for at most WAIT seconds.
wait_until() {
  local what="$1" deadline=$((SECONDS + WAIT))
  shift
  until "$@"; do
    ((SECONDS < deadline)) || fail "waited ${WAIT}s for $what"
    sleep 0.5
  done
}

answers() { # STATUS PATH [TOKEN]: true when a GET answers STATUS
  local auth=()
  [ -z "${3:-}" ] || auth=(-H "Authorization: Bearer $3")
  [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "${auth[@]}" "$GW$2" || true)" = "$1" ]
}

notified() { # TOKEN TITLE LINK: true when the user has a notification with that title and link
  local mine
  mine="$(curl -s --max-time 10 -H "Authorization: Bearer $1" "$GW/api/v1/notifications?size=100")" || return 1
  jq -e --arg title "$2" --arg link "$3" \
    'any(.content[]?; .title == $title and .link == $link)' <<<"$mine" >/dev/null 2>&1
}

completes() { # TOKEN COURSE LESSON: true once enrollment-service knows the lesson and records it
  call_status="$(curl -s -o "$TMP/body" -w '%{http_code}' --max-time 10 -X POST -H "Authorization: Bearer $1" \
    "$GW/api/v1/progress/courses/$2/lessons/$3/complete" || true)"
  BODY="$(cat "$TMP/body")"
  [ "$call_status" = 200 ]
}

echo "Walkthrough against $GW (run $RUN)"

step "0. The gateway routes to identity-service"
wait_until "the gateway to route to identity-service" answers 200 /api/v1/auth/jwks

step "1. The director logs in"
call 200 POST /api/v1/auth/login "" "$(jq -n --arg email "$DIRECTOR_EMAIL" --arg password "$DIRECTOR_PASSWORD" \
  '{email: $email, password: $password}')"
DIRECTOR="$(field .accessToken)"
wait_until "the gateway to route to course-service" answers 200 /api/v1/courses
wait_until "the gateway to route to enrollment-service" answers 200 /api/v1/batches "$DIRECTOR"
wait_until "the gateway to route to communication-service" answers 200 /api/v1/notifications "$DIRECTOR"

step "2. The director creates a branch"
call 201 POST /api/v1/branches "$DIRECTOR" "$(jq -n --arg code "DEL-$RUN" \
  '{code: $code, name: "Delhi Centre", city: "New Delhi", state: "Delhi", phone: "+91 11 4000 1000"}')"
BRANCH="$(field .id)"

step "3. ... a back-office staff member in that branch, with a password"
call 201 POST /api/v1/users "$DIRECTOR" "$(jq -n --arg email "ravi.$RUN@delhi.example" --arg branch "$BRANCH" \
  '{email: $email, name: "Ravi Kumar", phone: "+91 98100 00001", roleName: "BACKOFFICE", branchId: $branch,
    password: "ravi-office-pass"}')"
expect '.role == "BACKOFFICE"'

step "4. ... and a student in the same branch"
ASHA_EMAIL="asha.$RUN@student.example"
call 201 POST /api/v1/users "$DIRECTOR" "$(jq -n --arg email "$ASHA_EMAIL" --arg branch "$BRANCH" \
  '{email: $email, name: "Asha Rao", roleName: "STUDENT", branchId: $branch, password: "asha-study-pass"}')"
ASHA_ID="$(field .id)"
expect --arg branch "$BRANCH" '.branchId == $branch'

step "5. The student logs in and reads her account and profile"
call 200 POST /api/v1/auth/login "" "$(jq -n --arg email "$ASHA_EMAIL" '{email: $email, password: "asha-study-pass"}')"
STUDENT="$(field .accessToken)"
REFRESH="$(field .refreshToken)"
call 200 GET /api/v1/users/me "$STUDENT"
expect --arg id "$ASHA_ID" '.id == $id'
call 200 GET /api/v1/profiles/me "$STUDENT"
expect '.student.id != null'

step "5b. A welcome notification is waiting for her (UserRegistered, handled by communication-service)"
wait_until "the welcome notification" notified "$STUDENT" "Welcome to Coaching Center OS" "/profile"

step "6. A student may not list users: 403 forbidden"
call 403 GET /api/v1/users "$STUDENT"
expect '.type == "urn:coachos:problem:forbidden"'

step "7. Refresh: a new pair; the old refresh token is used up"
call 200 POST /api/v1/auth/refresh "" "$(jq -n --arg token "$REFRESH" '{refreshToken: $token}')"
REFRESH="$(field .refreshToken)"

step "8. Log out: 204; after that the refresh token is refused"
call 204 POST /api/v1/auth/logout "" "$(jq -n --arg token "$REFRESH" '{refreshToken: $token}')"
call 401 POST /api/v1/auth/refresh "" "$(jq -n --arg token "$REFRESH" '{refreshToken: $token}')"

step "9. The director publishes a course; anyone browses the catalogue without a token"
COURSE_TITLE="JEE Physics 2027 run $RUN"
call 201 POST /api/v1/courses "$DIRECTOR" "$(jq -n --arg title "$COURSE_TITLE" \
  '{title: $title, price: 18500, level: "ADVANCED", durationHours: 200,
    whatYouWillLearn: ["Mechanics", "Electrostatics"], featured: true}')"
COURSE="$(field .id)"
expect --arg slug "jee-physics-2027-run-$RUN" '.slug == $slug'
call 200 GET "/api/v1/courses?q=phys%20$RUN&level=ADVANCED"
expect --arg id "$COURSE" 'any(.content[]; .id == $id)'

step "10. ... and writes its official curriculum: a module with two lessons"
call 200 GET "/api/v1/courses/$COURSE/curricula" "$DIRECTOR"
OFFICIAL="$(field 'map(select(.teacherId == null))[0].id')"
call 201 POST "/api/v1/curricula/$OFFICIAL/modules" "$DIRECTOR" '{"title": "Mechanics"}'
MODULE="$(field .id)"
for title in "Newton's laws" "Work and energy"; do
  call 201 POST "/api/v1/modules/$MODULE/lessons" "$DIRECTOR" "$(jq -n --arg title "$title" \
    '{title: $title, weightage: 2, richTextContent: "<p>Notes</p><script>alert(1)</script>"}')"
  expect '.richTextContent | contains("<script") | not'
done

step "11. A teacher account, assigned to the course"
TEACHER_EMAIL="meera.$RUN@teacher.example"
call 201 POST /api/v1/users "$DIRECTOR" "$(jq -n --arg email "$TEACHER_EMAIL" \
  '{email: $email, name: "Meera Iyer", roleName: "TEACHER", password: "meera-teach-pass"}')"
TEACHER_ID="$(field .id)"
call 204 PUT "/api/v1/courses/$COURSE/teachers/$TEACHER_ID" "$DIRECTOR"
call 200 POST /api/v1/auth/login "" "$(jq -n --arg email "$TEACHER_EMAIL" '{email: $email, password: "meera-teach-pass"}')"
TEACHER="$(field .accessToken)"

step "12. The teacher drafts her version (a copy of the official one), adds a lesson and submits it"
call 201 POST "/api/v1/courses/$COURSE/curricula" "$TEACHER" '{"versionName": "Meera 2027"}'
VERSION="$(field .id)"
TEACHER_MODULE="$(field '.modules[0].id')"
call 201 POST "/api/v1/modules/$TEACHER_MODULE/lessons" "$TEACHER" '{"title": "Friction in daily life"}'
call 200 POST "/api/v1/curricula/$VERSION/submit" "$TEACHER"
expect '.status == "PENDING_APPROVAL"'

step "13. The director is told (CurriculumSubmitted) and approves"
wait_until "the director's approval request" notified "$DIRECTOR" "Curriculum waiting for approval" "/curricula/$VERSION"
call 200 POST "/api/v1/curricula/$VERSION/approve" "$DIRECTOR"
expect '.status == "APPROVED"'

step "14. Meera's students follow her version; she is told; a student not enrolled reads nothing"
call 200 GET "/api/v1/courses/$COURSE/curriculum?teacherId=$TEACHER_ID" "$TEACHER"
expect --arg id "$VERSION" '.id == $id'
expect '[.modules[].lessons[].title] == ["Newton'"'"'s laws", "Work and energy", "Friction in daily life"]'
wait_until "the teacher's approval notification" notified "$TEACHER" "Curriculum approved" "/curricula/$VERSION"
call 200 POST /api/v1/auth/login "" "$(jq -n --arg email "$ASHA_EMAIL" '{email: $email, password: "asha-study-pass"}')"
STUDENT="$(field .accessToken)"
call 404 GET "/api/v1/courses/$COURSE/curriculum?teacherId=$TEACHER_ID" "$STUDENT"

step "15. A batch of the course, taught by Meera on Mondays and Thursdays"
call 201 POST /api/v1/batches "$DIRECTOR" "$(jq -n --arg course "$COURSE" --arg teacher "$TEACHER_ID" \
  --arg start "$(date -d '-14 days' +%F)" --arg name "JEE Physics Jan 2027 run $RUN" \
  '{courseId: $course, name: $name, startDate: $start, teacherId: $teacher,
    schedule: {mon: "10:00-12:00", thu: "16:00-18:00"}, feeFrequency: "MONTHLY"}')"
BATCH="$(field .id)"
expect '.fee == 18500'

step "16. Asha is enrolled with a 10% discount; a retry with the same Idempotency-Key creates nothing"
ENROLL="$(jq -n --arg student "$ASHA_ID" --arg course "$COURSE" --arg batch "$BATCH" \
  '{studentId: $student, courseId: $course, batchId: $batch, discountType: "PERCENTAGE", discount: 10}')"
call 201 POST /api/v1/enrollments "$DIRECTOR" "$ENROLL" "Idempotency-Key: asha-jee-$RUN"
ENROLLMENT="$(field .id)"
expect '.netFee == 16650 and .status == "ACTIVE"'
call 201 POST /api/v1/enrollments "$DIRECTOR" "$ENROLL" "Idempotency-Key: asha-jee-$RUN"
expect --arg id "$ENROLLMENT" '.id == $id'
grep -qi '^Idempotent-Replayed: true' "$TMP/headers" || fail "the retry was not answered as a replay"
wait_until "the enrollment confirmation" notified "$STUDENT" "Enrollment confirmed" "/enrollments/$ENROLLMENT"

step "17. Meera marks yesterday's session; Asha reads her attendance"
call 200 POST /api/v1/attendance "$TEACHER" "$(jq -n --arg batch "$BATCH" --arg student "$ASHA_ID" \
  --arg date "$(date -d yesterday +%F)" '{batchId: $batch, date: $date, records: [{studentId: $student, status: "PRESENT"}]}')"
expect --arg student "$ASHA_ID" '.records[0].studentId == $student and .records[0].status == "PRESENT"'
call 200 GET "/api/v1/attendance/students/$ASHA_ID/summary" "$STUDENT"
expect '.counts.present == 1 and .counts.attendanceRate == 100'

step "18. Enrolled, Asha reads Meera's version and completes its first lesson (weights 2, 2 and 1): 40%"
wait_until "course-service to hear of the enrollment" answers 200 \
  "/api/v1/courses/$COURSE/curriculum?teacherId=$TEACHER_ID" "$STUDENT"
call 200 GET "/api/v1/courses/$COURSE/curriculum?teacherId=$TEACHER_ID" "$STUDENT"
LESSON="$(field '.modules[0].lessons[0].id')"
wait_until "enrollment-service to know Meera's lessons" completes "$STUDENT" "$COURSE" "$LESSON"
call 200 GET "/api/v1/progress/courses/$COURSE" "$STUDENT"
expect --arg version "$VERSION" '.percent == 40 and .completedLessons == 1 and .totalLessons == 3 and .curriculumId == $version'

step "19. Her timetable as an address for any calendar app (no token needed)"
call 200 POST /api/v1/calendar/feed "$STUDENT"
FEED="$(field .path)"
call 200 GET "$FEED"
grep -q '^BEGIN:VCALENDAR' "$TMP/body" || fail "the feed is not an iCalendar document: $(head -c 200 "$TMP/body")"

echo "Walkthrough passed (run $RUN)"
