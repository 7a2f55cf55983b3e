#!/usr/bin/env bash
# course-service benchmark: how the catalogue page and the effective-curriculum tree cost grow
# with size, small and large measured in one run. Start the suite on a database of its own first:
#   COACHOS_DB_NAME=coachos_bench COACHOS_USER_RATE_PER_MINUTE=100000000 ./coachos up
# then: bench/course.sh   (needs wrk and psql; it empties the course tables of that database)
set -euo pipefail
cd "$(dirname "$0")"
DB="${COACHOS_DB_NAME:-coachos_bench}"
COURSE="${COURSE:-http://localhost:8082}"
IDENTITY="${IDENTITY:-http://localhost:8081}"
DURATION="${DURATION:-15s}"
CONNECTIONS="${CONNECTIONS:-8}"
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h "${COACHOS_DB_HOST:-localhost}" -U "${PGUSER:-postgres}" -d "$DB")
case "$DB" in *bench*) ;; *) echo "refusing: COACHOS_DB_NAME must name a benchmark database (it is emptied)" >&2; exit 1 ;; esac
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }

login() { curl -sf -X POST "$IDENTITY/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$1\",\"password\":\"$2\"}" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/'; }
DIRECTOR=$(login "${BENCH_EMAIL:-director@coachos.local}" "${BENCH_PASSWORD:-local-director-pass}")
curl -s -o /dev/null -X POST "$IDENTITY/api/v1/users" -H "Authorization: Bearer $DIRECTOR" -H 'Content-Type: application/json' \
  -d '{"email":"bench.student@coachos.local","name":"Bench Student","roleName":"STUDENT","password":"bench-student-pass"}'
STUDENT=$(login bench.student@coachos.local bench-student-pass)

courses() { # from to: courses with their official curricula; every tenth inactive, every twentieth featured
  "${PSQL[@]}" <<SQL
SET search_path TO course;
INSERT INTO course (id, title, slug, description, price, level, duration_hours, active, featured,
                    what_you_will_learn, features, created_at, updated_at)
SELECT gen_random_uuid(), 'Bench course ' || g, 'bench-course-' || g,
       'A course about topic ' || g || ' with worked examples, weekly tests and doubt sessions.',
       1000 + g % 5000, (ARRAY['BEGINNER','INTERMEDIATE','ADVANCED'])[1 + g % 3], 10 + g % 100,
       g % 10 <> 0, g % 20 = 0, ARRAY['Outcome one','Outcome two','Outcome three'], ARRAY['Recorded lectures'],
       now() - make_interval(mins => g), now()
FROM generate_series($1, $2) g;
INSERT INTO curriculum (id, course_id, teacher_id, status, version_name, created_at, updated_at)
SELECT gen_random_uuid(), c.id, NULL, 'APPROVED', 'Official', now(), now() FROM course c
WHERE NOT EXISTS (SELECT 1 FROM curriculum cu WHERE cu.course_id = c.id AND cu.teacher_id IS NULL);
SQL
}

tree() { # slug modules lessons-per-module: a course whose official curriculum has that shape, ~1 KB of text and one resource per lesson
  "${PSQL[@]}" <<SQL
SET search_path TO course;
INSERT INTO course (id, title, slug, price, level, active, featured, created_at, updated_at)
VALUES (gen_random_uuid(), 'Tree $1', '$1', 5000, 'ADVANCED', true, false, now() - interval '1 year', now());
INSERT INTO curriculum (id, course_id, teacher_id, status, version_name, created_at, updated_at)
SELECT gen_random_uuid(), id, NULL, 'APPROVED', 'Official', now(), now() FROM course WHERE slug = '$1';
INSERT INTO module (id, curriculum_id, title, position, active, created_at)
SELECT gen_random_uuid(), cu.id, 'Module ' || m, m, true, now()
FROM curriculum cu JOIN course c ON c.id = cu.course_id, generate_series(1, $2) m WHERE c.slug = '$1';
INSERT INTO lesson (id, module_id, curriculum_id, title, position, content_url, rich_text_content, video_url,
                    weightage, created_at, updated_at)
SELECT gen_random_uuid(), m.id, m.curriculum_id, m.title || ' lesson ' || l, l, '/content/' || l || '.mdx',
       '<p>' || repeat('Worked example and explanation. ', 30) || '</p>', 'https://video.example.in/' || l, 1, now(), now()
FROM module m JOIN curriculum cu ON cu.id = m.curriculum_id JOIN course c ON c.id = cu.course_id,
     generate_series(1, $3) l WHERE c.slug = '$1';
INSERT INTO lesson_resource (id, lesson_id, title, type, url, created_at)
SELECT gen_random_uuid(), l.id, 'Worksheet', 'FILE', 'https://files.example.in/' || l.id || '.pdf', now()
FROM lesson l JOIN curriculum cu ON cu.id = l.curriculum_id JOIN course c ON c.id = cu.course_id WHERE c.slug = '$1';
ANALYZE;
SQL
}

measure() { # label url token
  local out
  BENCH_TOKEN="$3" wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -s get.lua "$2" >/tmp/wrk.$$ 2>&1
  out=$(grep RESULT /tmp/wrk.$$ | sed 's/RESULT //')
  rm -f /tmp/wrk.$$
  printf '%-44s %s\n' "$1" "$out"
}

"${PSQL[@]}" -c "SET client_min_messages = warning" -c "TRUNCATE course.course, course.roadmap, course.resource, course.outbox_event CASCADE"
courses 1 100
tree bench-tree-small 2 5
tree bench-tree-large 20 30
small=$("${PSQL[@]}" -tAc "SELECT id FROM course.course WHERE slug = 'bench-tree-small'")
large=$("${PSQL[@]}" -tAc "SELECT id FROM course.course WHERE slug = 'bench-tree-large'")
bytes() { curl -s -H "Authorization: Bearer $STUDENT" "$1" | wc -c; }
# Warm the JIT and the caches on every path first; these runs are not reported.
for path in "/api/v1/courses?size=20" "/api/v1/courses?size=20&q=course%2042" "/api/v1/courses/$small/curriculum" \
            "/api/v1/courses/$large/curriculum"; do
  BENCH_TOKEN="$STUDENT" wrk -t2 -c"$CONNECTIONS" -d5s -s get.lua "$COURSE$path" >/dev/null 2>&1
done
echo "wrk, $CONNECTIONS connections, $DURATION each, straight at course-service ($COURSE)"
echo "effective curriculum 2x5 = $(bytes "$COURSE/api/v1/courses/$small/curriculum") bytes, 20x30 = $(bytes "$COURSE/api/v1/courses/$large/curriculum") bytes"
measure "catalogue page 20, 100 courses" "$COURSE/api/v1/courses?size=20" ""
measure "catalogue text filter, 100 courses" "$COURSE/api/v1/courses?size=20&q=course%2042" ""
measure "catalogue level+sort price, 100 courses" "$COURSE/api/v1/courses?size=20&level=ADVANCED&sort=price,asc" ""
measure "effective curriculum 2 x 5 lessons" "$COURSE/api/v1/courses/$small/curriculum" "$STUDENT"
measure "effective curriculum 20 x 30 lessons" "$COURSE/api/v1/courses/$large/curriculum" "$STUDENT"
courses 101 10000
"${PSQL[@]}" -c "ANALYZE course.course"
measure "catalogue page 20, 10,000 courses" "$COURSE/api/v1/courses?size=20" ""
measure "catalogue text filter, 10,000 courses" "$COURSE/api/v1/courses?size=20&q=course%2042" ""
measure "catalogue level+sort price, 10,000 courses" "$COURSE/api/v1/courses?size=20&level=ADVANCED&sort=price,asc" ""
measure "catalogue page 500 of 10,000 courses" "$COURSE/api/v1/courses?size=20&page=400" ""
