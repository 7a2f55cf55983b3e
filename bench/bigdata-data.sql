-- A large institute's data, added to every service's schema of the suite's database for the
-- cost-growth run of bench/load/README.md: :scale times what one journey load run makes with its
-- defaults (its setup: 1 branch, 3 teachers, 3 staff, 120 students, 1 course of 8 lessons, 3
-- batches, 1 quiz of 10 questions, 20 leads; and what the journeys add), so 100 gives 20 branches,
-- 12,000 students, 300 teachers, 300 staff, 100 courses, 300 batches, 12,000 enrollments and fee
-- plans (144,000 installments, 36,000 payments with receipts), 240,000 attendance marks, 48,000
-- lessons done, 12,000 graded quiz attempts (120,000 answers), 6,000 leads (18,000 activities) and
-- 63,000 notifications, with the read models each service keeps of the others' data.
--   psql -v scale=100 -f bench/bigdata-data.sql      (bench/bigdata.sh runs it, after the clean-up)
-- Every id is in one block (b16da7a0-<kind>-4000-8000-<number>), which is how bench/bigdata-clean.sql
-- finds the rows again; names and addresses say "Big institute". Nobody can sign in as the generated
-- users (their password hash matches no password). Set-based, with generate_series, in one transaction.
\set ON_ERROR_STOP 1
begin;

create function pg_temp.big_id(kind int, n bigint) returns uuid language sql immutable as $$
    select ('b16da7a0-' || lpad(to_hex(kind), 4, '0') || '-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid
$$;

-- The sizes, from :scale.
create temp table big_size on commit drop as
select greatest(1, :scale / 5) as branches, 120 * :scale as students, 3 * :scale as teachers, 3 * :scale as staff,
       :scale as courses, 3 * :scale as batches, 60 * :scale as leads, 2 as modules, 4 as lessons_per_module,
       10 as questions, 20 as sessions, 12 as installments, 3 as paid_installments, 5 as notifications,
       (current_date - 75) as batch_start;

create temp table big_role on commit drop as
select name, id from identity.role where name in ('STUDENT', 'TEACHER', 'BACKOFFICE', 'DIGITAL_MARKETING', 'ADMIN');

-- ---- Who and where: branches, users, batches (kept here to join the rest against) ----
create temp table big_branch on commit drop as
select n, pg_temp.big_id(1, n) as id, 'BIG-' || lpad(n::text, 3, '0') as code, 'Big institute branch ' || n as name,
       'Q' || lpad(n::text, 3, '0') as series
from big_size, generate_series(1, branches) n;

create temp table big_course on commit drop as
select n, pg_temp.big_id(10, n) as id, pg_temp.big_id(11, n) as curriculum_id, pg_temp.big_id(30, n) as quiz_id,
       'Big institute ' || (array['Physics', 'Chemistry', 'Mathematics', 'Biology', 'English'])[1 + n % 5]
           || ' course ' || n as title
from big_size, generate_series(1, courses) n;

create temp table big_teacher on commit drop as
select n, pg_temp.big_id(3, n) as id, 'Big Teacher ' || n as name, 'big.teacher' || n || '@bigdata.example' as email,
       (select id from big_branch where big_branch.n = 1 + (t.n - 1) % (select branches from big_size)) as branch_id
from big_size, generate_series(1, teachers) t(n);

create temp table big_staff on commit drop as
select n, pg_temp.big_id(4, n) as id, 'Big Staff ' || n as name, 'big.staff' || n || '@bigdata.example' as email,
       (array['BACKOFFICE', 'DIGITAL_MARKETING', 'ADMIN'])[1 + n % 3] as role,
       (select id from big_branch where big_branch.n = 1 + (s.n - 1) % (select branches from big_size)) as branch_id
from big_size, generate_series(1, staff) s(n);

-- Batch b: the course (b - 1) / 3 + 1, teacher b (in the teacher's branch).
create temp table big_batch on commit drop as
select b.n, pg_temp.big_id(20, b.n) as id, c.id as course_id, c.curriculum_id, c.quiz_id, c.title as course_title,
       t.id as teacher_id, t.branch_id, 'Big batch ' || b.n as name
from big_size s cross join lateral generate_series(1, s.batches) b(n)
join big_course c on c.n = (b.n - 1) / 3 + 1
join big_teacher t on t.n = b.n;

-- Student i: batch 1 + (i - 1) mod batches; enrollment and fee plan numbered as the student.
create temp table big_student on commit drop as
select i as n, pg_temp.big_id(2, i) as id, 'Big Student ' || i as name, 'big.student' || i || '@bigdata.example' as email,
       b.id as batch_id, b.course_id, b.curriculum_id, b.quiz_id, b.course_title, b.name as batch_name, b.teacher_id,
       b.branch_id, pg_temp.big_id(21, i) as enrollment_id, pg_temp.big_id(40, i) as plan_id
from big_size s cross join lateral generate_series(1, s.students) i
join big_batch b on b.n = 1 + (i - 1) % s.batches;

create temp table big_user on commit drop as
select id, name, email, 'STUDENT' as role, 'STUDENT' as profile_type, branch_id from big_student
union all select id, name, email, 'TEACHER', 'TEACHER', branch_id from big_teacher
union all select id, name, email, role, 'STAFF', branch_id from big_staff;

-- ---- identity-service ----
insert into identity.branch (id, code, name, city, state, phone, is_active, created_at, updated_at, version,
                             state_code, receipt_series)
select id, code, name, 'Pune', 'Maharashtra', '+91 20 4000 ' || lpad(n::text, 4, '0'), true, now(), now(), 0, '27', series
from big_branch;

insert into identity.app_user (id, email, password_hash, name, role_id, branch_id, is_active, is_verified,
                               created_at, updated_at, version)
select u.id, u.email, '{bigdata}no-password', u.name, r.id, u.branch_id, true, true,
       now() - interval '90 days', now() - interval '90 days', 0
from big_user u join big_role r on r.name = u.role;

insert into identity.student_profile (id, user_id, enrollment_date, batch_id, discount, created_at, updated_at, version, state_code)
select pg_temp.big_id(5, n), id, batch_start, batch_id, 0, now(), now(), 0, '27' from big_student, big_size;
insert into identity.teacher_profile (id, user_id, domain, qualification, created_at, updated_at, version)
select pg_temp.big_id(6, n), id, 'Science', 'M.Sc.', now(), now(), 0 from big_teacher;
insert into identity.staff_profile (id, user_id, department, designation, created_at, updated_at, version)
select pg_temp.big_id(7, n), id, 'Operations', initcap(lower(role)), now(), now(), 0 from big_staff;
insert into identity.known_batch (batch_id, course_id, branch_id, recorded_at)
select id, course_id, branch_id, now() from big_batch;

-- ---- course-service ----
insert into course.course (id, title, slug, description, price, level, duration_hours, active, featured,
                           what_you_will_learn, created_at, updated_at, revision)
select id, title, 'big-institute-course-' || n, 'A course of the big institute: ' || title, 60000,
       (array['BEGINNER', 'INTERMEDIATE', 'ADVANCED'])[1 + n % 3], 120, true, false,
       array['Concepts', 'Problems', 'Revision'], now() - interval '120 days', now() - interval '120 days', 1
from big_course;
insert into course.curriculum (id, course_id, teacher_id, status, lessons_revision, created_at, updated_at)
select curriculum_id, id, null, 'APPROVED', 1, now() - interval '120 days', now() - interval '120 days' from big_course;

create temp table big_lesson on commit drop as
select c.id as course_id, c.curriculum_id, c.quiz_id, m,
       pg_temp.big_id(12, (c.n - 1) * s.modules + m) as module_id, l,
       pg_temp.big_id(13, ((c.n - 1) * s.modules + m - 1) * s.lessons_per_module + l) as id,
       (m - 1) * s.lessons_per_module + l as position
from big_course c, big_size s, generate_series(1, s.modules) m, generate_series(1, s.lessons_per_module) l;

insert into course.module (id, curriculum_id, title, position, active, created_at)
select distinct module_id, curriculum_id, 'Unit ' || m, m, true, now() - interval '120 days' from big_lesson;
insert into course.lesson (id, module_id, curriculum_id, title, position, rich_text_content, weightage, created_at, updated_at)
select id, module_id, curriculum_id, 'Lesson ' || m || '.' || l, l, '<p>Notes for lesson ' || m || '.' || l || '</p>', 1,
       now() - interval '120 days', now() - interval '120 days'
from big_lesson;
insert into course.course_teacher (course_id, teacher_id, assigned_by, assigned_at)
select course_id, teacher_id, teacher_id, now() - interval '100 days' from big_batch;
insert into course.enrolled_student (student_id, course_id, status, updated_at)
select id, course_id, 'ACTIVE', now() - interval '75 days' from big_student;
insert into course.course_enrollment (enrollment_id, student_id, course_id, status, updated_at)
select enrollment_id, id, course_id, 'ACTIVE', now() - interval '75 days' from big_student;

-- ---- enrollment-service ----
insert into enrollment.course_view (course_id, title, price, active, revision, updated_at)
select id, title, 60000, true, 1, now() from big_course;
insert into enrollment.curriculum_view (curriculum_id, course_id, teacher_id, revision, updated_at)
select curriculum_id, id, null, 1, now() from big_course;
insert into enrollment.curriculum_lesson (curriculum_id, lesson_id, position, weightage)
select curriculum_id, id, position, 1 from big_lesson;
insert into enrollment.known_user (user_id, role, profile_type, branch_id, active, updated_at)
select id, role, profile_type, branch_id, true, now() from big_user;
insert into enrollment.batch (id, course_id, name, start_date, capacity, seats_taken, schedule, teacher_id, branch_id,
                              fee, fee_frequency, created_by, created_at, status)
select b.id, b.course_id, b.name, s.batch_start, 60,
       (select count(*) from big_student st where st.batch_id = b.id), '{}'::jsonb, b.teacher_id, b.branch_id,
       60000, 'MONTHLY', b.teacher_id, now() - interval '80 days', 'OPEN'
from big_batch b, big_size s;
insert into enrollment.enrollment (id, student_id, course_id, batch_id, branch_id, status, fee, fee_frequency, net_fee,
                                   enrolled_at, updated_at)
select enrollment_id, id, course_id, batch_id, branch_id, 'ACTIVE', 60000, 'MONTHLY', 60000,
       now() - interval '75 days', now() - interval '75 days'
from big_student;
-- A session every third day for the last 20 sessions, every student of the batch marked.
insert into enrollment.attendance (id, batch_id, student_id, date, status, marked_by, marked_at)
select pg_temp.big_id(22, (st.n - 1) * s.sessions + k), st.batch_id, st.id, current_date - 3 * k,
       case when (st.n + k) % 13 = 0 then 'ABSENT' when (st.n + k) % 17 = 0 then 'LATE' else 'PRESENT' end,
       st.teacher_id, (current_date - 3 * k) + time '18:00'
from big_student st, big_size s, generate_series(1, s.sessions) k;
insert into enrollment.lesson_progress (student_id, lesson_id, course_id, completed_at)
select st.id, l.id, st.course_id, now() - make_interval(days => 60 - 10 * l.position)
from big_student st join big_lesson l on l.course_id = st.course_id and l.position <= 4;
insert into enrollment.quiz_view (quiz_id, course_id, curriculum_id, title, published_at)
select quiz_id, id, curriculum_id, 'Unit test of ' || title, now() - interval '60 days' from big_course;

-- ---- assessment-service ----
insert into assessment.course_view (course_id, title, active, revision, updated_at)
select id, title, true, 1, now() from big_course;
insert into assessment.curriculum_view (curriculum_id, course_id, teacher_id, revision, updated_at)
select curriculum_id, id, null, 1, now() from big_course;
insert into assessment.curriculum_lesson (curriculum_id, lesson_id, module_id, position)
select curriculum_id, id, module_id, position from big_lesson;
insert into assessment.course_teacher (course_id, teacher_id, assigned_at)
select course_id, teacher_id, now() - interval '100 days' from big_batch;
insert into assessment.batch_view (batch_id, course_id, branch_id, teacher_id, name, updated_at)
select id, course_id, branch_id, teacher_id, name, now() from big_batch;
insert into assessment.enrollment_view (enrollment_id, student_id, course_id, batch_id, branch_id, status, updated_at)
select enrollment_id, id, course_id, batch_id, branch_id, 'ACTIVE', now() from big_student;

insert into assessment.quiz (id, curriculum_id, course_id, title, duration_minutes, passing_percent, attempts_allowed,
                             grading_method, shuffle_questions, shuffle_options, multi_select_policy, review_marks,
                             review_correctness, review_answers, status, key_version, created_by, created_at, updated_at,
                             published_at, published_by)
select c.quiz_id, c.curriculum_id, c.id, 'Unit test of ' || c.title, 60, 50, 0, 'HIGHEST', false, false,
       'ALL_OR_NOTHING', 'AFTER_SUBMIT', 'AFTER_SUBMIT', 'AFTER_CLOSE', 'PUBLISHED', 1, b.teacher_id,
       now() - interval '61 days', now() - interval '60 days', now() - interval '60 days', b.teacher_id
from big_course c join big_batch b on b.course_id = c.id and b.n % 3 = 1;

-- Question q of course c, its options o; the right option of question q is 1 + (q - 1) mod 4.
create temp table big_question on commit drop as
select c.id as course_id, c.quiz_id, q, pg_temp.big_id(31, (c.n - 1) * s.questions + q) as id
from big_course c, big_size s, generate_series(1, s.questions) q;
insert into assessment.question (id, quiz_id, position, type, text, points, negative_points)
select id, quiz_id, q, 'MULTIPLE_CHOICE', 'Question ' || q, 4, 1 from big_question;
insert into assessment.question_option (id, question_id, position, text)
select pg_temp.big_id(32, (row_number() over (order by q.id) - 1) * 4 + o), q.id, o, (array['a', 'b', 'c', 'd'])[o]
from big_question q, generate_series(1, 4) o;
insert into assessment.answer_key (question_id, version, correct_option_ids, created_by, created_at)
select q.id, 1, array[(select o.id from assessment.question_option o where o.question_id = q.id and o.position = 1 + (q.q - 1) % 4)],
       (select created_by from assessment.quiz where id = q.quiz_id), now() - interval '61 days'
from big_question q;

-- One graded attempt per student: answer to question q is option 1 + (student + q) mod 4.
insert into assessment.attempt (id, quiz_id, student_id, number, status, started_at, deadline, submitted_at, submitted_by,
                                question_order, option_order, key_version, max_score, graded_at)
select pg_temp.big_id(33, st.n), st.quiz_id, st.id, 1, 'GRADED',
       now() - interval '30 days', now() - interval '30 days' + interval '60 minutes',
       now() - interval '30 days' + interval '40 minutes', 'STUDENT',
       (select array_agg(q.id order by q.q) from big_question q where q.quiz_id = st.quiz_id),
       (select jsonb_object_agg(q.id::text, (select jsonb_agg(o.id order by o.position)
                                             from assessment.question_option o where o.question_id = q.id))
        from big_question q where q.quiz_id = st.quiz_id),
       1, 40, now() - interval '30 days' + interval '40 minutes'
from big_student st;
insert into assessment.response (attempt_id, question_id, selected_option_ids, saved_at, auto_outcome, auto_points)
select pg_temp.big_id(33, st.n), q.id, array[o.id], now() - interval '30 days' + make_interval(mins => 3 * q.q),
       case when o.position = 1 + (q.q - 1) % 4 then 'CORRECT' else 'WRONG' end,
       case when o.position = 1 + (q.q - 1) % 4 then 4 else -1 end
from big_student st
join big_question q on q.quiz_id = st.quiz_id
join assessment.question_option o on o.question_id = q.id and o.position = 1 + (st.n + q.q) % 4;
update assessment.attempt a set score = r.score, percent = round(r.score * 100 / 40, 2), passed = r.score * 100 >= 50 * 40
from (select attempt_id, sum(auto_points) as score from assessment.response
      where attempt_id between 'b16da7a0-0021-4000-8000-000000000000' and 'b16da7a0-0021-4000-8000-ffffffffffff'
      group by attempt_id) r
where a.id = r.attempt_id;
insert into enrollment.quiz_result (student_id, quiz_id, course_id, percent, passed, result_at)
select student_id, quiz_id, (select course_id from assessment.quiz q where q.id = a.quiz_id), greatest(percent, 0), passed, graded_at
from assessment.attempt a where a.id between 'b16da7a0-0021-4000-8000-000000000000' and 'b16da7a0-0021-4000-8000-ffffffffffff';

-- ---- finance-service ----
insert into finance.branch_view (branch_id, code, name, city, state, state_code, receipt_series, active, updated_at)
select id, code, name, 'Pune', 'Maharashtra', '27', series, true, now() from big_branch;
insert into finance.student_view (student_id, name, email, branch_id, state_code, updated_at)
select id, name, email, branch_id, '27', now() from big_student;
insert into finance.payee_view (user_id, name, email, branch_id, profile_type, active, updated_at)
select id, name, email, branch_id, profile_type, true, now() from big_user where profile_type <> 'STUDENT';
insert into finance.batch_view (batch_id, course_id, branch_id, name, start_date, updated_at)
select id, course_id, branch_id, name, (select batch_start from big_size), now() from big_batch;
insert into finance.fee_plan (id, enrollment_id, student_id, branch_id, course_id, batch_id, course_title, batch_name,
                              frequency, fee, net_fee, status, created_at, updated_at, version)
select plan_id, enrollment_id, id, branch_id, course_id, batch_id, course_title, batch_name, 'MONTHLY', 60000, 60000,
       'ACTIVE', now() - interval '75 days', now() - interval '75 days', 0
from big_student;
-- Twelve monthly installments of 5,000 from the batch's start; the first three paid.
insert into finance.installment (id, plan_id, seq, kind, student_id, branch_id, due_date, amount, paid, status,
                                 created_at, updated_at)
select pg_temp.big_id(41, (st.n - 1) * s.installments + k), st.plan_id, k, 'FEE', st.id, st.branch_id,
       (s.batch_start + make_interval(months => k - 1))::date, 5000,
       case when k <= s.paid_installments then 5000 else 0 end,
       case when k <= s.paid_installments then 'PAID' else 'DUE' end,
       now() - interval '75 days', now() - interval '75 days'
from big_student st, big_size s, generate_series(1, s.installments) k;

create temp table big_payment on commit drop as
select pg_temp.big_id(42, (st.n - 1) * s.paid_installments + k) as id,
       pg_temp.big_id(43, (st.n - 1) * s.paid_installments + k) as allocation_id,
       pg_temp.big_id(44, (st.n - 1) * s.paid_installments + k) as receipt_id,
       pg_temp.big_id(41, (st.n - 1) * s.installments + k) as installment_id,
       st.plan_id, st.id as student_id, st.name as student_name, st.branch_id, b.name as branch_name, b.series,
       st.course_title, k, least(current_date - 1, (s.batch_start + make_interval(months => k - 1))::date + 2) as paid_on,
       (select id from big_staff f where f.role = 'BACKOFFICE' and f.branch_id = st.branch_id limit 1) as clerk
from big_student st join big_branch b on b.id = st.branch_id
cross join big_size s cross join lateral generate_series(1, s.paid_installments) k;
alter table big_payment add column fy_start date;
update big_payment set fy_start = make_date(extract(year from paid_on)::int - case when extract(month from paid_on) < 4 then 1 else 0 end, 4, 1);
alter table big_payment add column serial bigint;
update big_payment p set serial = x.serial
from (select id, row_number() over (partition by series, fy_start order by paid_on, id) as serial from big_payment) x
where x.id = p.id;

insert into finance.payment (id, plan_id, student_id, branch_id, amount, method, status, note, recorded_by, received_at, version)
select id, plan_id, student_id, branch_id, 5000, 'CASH', 'RECEIVED', 'Big institute, installment ' || k, clerk,
       paid_on + time '11:00', 0
from big_payment;
insert into finance.allocation (id, payment_id, installment_id, amount, kind, created_at)
select allocation_id, id, installment_id, 5000, 'APPLIED', paid_on + time '11:00' from big_payment;
insert into finance.receipt (id, payment_id, number, series, financial_year, serial, kind, issued_on, student_id, branch_id,
                             institute_name, branch_name, supplier_state, supplier_state_code, recipient_name,
                             recipient_state_code, place_of_supply, taxable, cgst, sgst, igst, total, pending_after, created_at)
select receipt_id, id, series || '/' || to_char(fy_start, 'YY') || '-' || to_char(fy_start + interval '1 year', 'YY') || '/'
           || lpad(serial::text, 5, '0'),
       series, to_char(fy_start, 'YY') || '-' || to_char(fy_start + interval '1 year', 'YY'), serial, 'RECEIPT', paid_on,
       student_id, branch_id, 'Coaching Center', branch_name, 'Maharashtra', '27', student_name, '27', '27',
       5000, 0, 0, 0, 5000, 60000 - 5000 * k, paid_on + time '11:00'
from big_payment;
insert into finance.receipt_line (receipt_id, line_no, description, taxable, cgst, sgst, igst, amount)
select receipt_id, 1, 'Fee: ' || course_title || ', installment ' || k, 5000, 0, 0, 0, 5000 from big_payment;
insert into finance.receipt_counter (series, financial_year, next_number)
select series, to_char(fy_start, 'YY') || '-' || to_char(fy_start + interval '1 year', 'YY'), max(serial) + 1
from big_payment group by series, fy_start
on conflict (series, financial_year) do update set next_number = greatest(finance.receipt_counter.next_number, excluded.next_number);

-- ---- marketing-service ----
insert into marketing.branch_view (branch_id, code, name, active, updated_at) select id, code, name, true, now() from big_branch;
insert into marketing.batch_view (batch_id, course_id, branch_id, name, status, updated_at)
select id, course_id, branch_id, name, 'OPEN', now() from big_batch;
insert into marketing.staff_view (user_id, name, email, branch_id, profile_type, active, updated_at)
select id, name, email, branch_id, profile_type, true, now() from big_user where profile_type <> 'STUDENT';
-- Leads in every open stage and some lost, unassigned (so that no follow-up reminder goes out for
-- them), follow-ups in the coming month; phones +91 7xxxxxxxxx, which the journeys never use.
create temp table big_lead on commit drop as
select n, pg_temp.big_id(50, n) as id,
       (array['NEW', 'CONTACTED', 'QUALIFIED', 'NEGOTIATION', 'LOST'])[1 + n % 5] as stage,
       (select id from big_branch where big_branch.n = 1 + (l.n - 1) % (select branches from big_size)) as branch_id,
       (select id from big_course where big_course.n = 1 + (l.n - 1) % (select courses from big_size)) as course_id
from big_size, generate_series(1, leads) l(n);
insert into marketing.lead (id, name, phone, email, source, course_id, course_interest, branch_id, stage, lost_reason,
                            next_follow_up_at, notes, created_by, created_at, updated_at, stage_changed_at, version)
select l.id, (array['Aarav', 'Diya', 'Ishaan', 'Kavya', 'Rohan', 'Sneha'])[1 + l.n % 6] || ' '
           || (array['Sharma', 'Iyer', 'Patel', 'Reddy', 'Gupta', 'Nair', 'Singh'])[1 + l.n % 7] || ' ' || l.n,
       '+917' || lpad(l.n::text, 9, '0'), 'big.lead' || l.n || '@bigdata.example',
       (array['WEBSITE', 'WALK_IN', 'PHONE_CALL', 'REFERRAL', 'SOCIAL_MEDIA', 'ADVERTISEMENT'])[1 + l.n % 6],
       l.course_id, 'Weekend batch', l.branch_id, l.stage,
       case when l.stage = 'LOST' then 'Joined another institute' end,
       case when l.stage <> 'LOST' then now() + make_interval(days => 1 + l.n % 30) end,
       'Enquired about fees', null, now() - make_interval(days => l.n % 90), now() - make_interval(days => l.n % 30),
       now() - make_interval(days => l.n % 30), 0
from big_lead l;
insert into marketing.lead_activity (id, lead_id, type, notes, occurred_at, recorded_at)
select pg_temp.big_id(51, (l.n - 1) * 3 + a), l.id, (array['CALL', 'WHATSAPP', 'NOTE'])[a], 'Follow-up ' || a,
       now() - make_interval(days => l.n % 30, hours => 3 - a), now() - make_interval(days => l.n % 30, hours => 3 - a)
from big_lead l, generate_series(1, 3) a;

-- ---- communication-service ----
insert into communication.recipient (user_id, name, role, active, updated_at, email, branch_id, profile_type)
select id, name, role, true, now(), email, branch_id, profile_type from big_user;
insert into communication.batch (batch_id, course_id, branch_id, teacher_id, updated_at, name)
select id, course_id, branch_id, teacher_id, now(), name from big_batch;
insert into communication.enrollment (enrollment_id, student_id, batch_id, course_id, status, updated_at)
select enrollment_id, id, batch_id, course_id, 'ACTIVE', now() from big_student;
-- Five notifications per user over the last weeks, the older ones read.
insert into communication.notification (id, user_id, title, message, type, is_read, link, created_at, read_at, version)
select pg_temp.big_id(60, (row_number() over (order by u.id, k))), u.id,
       (array['Welcome to Coaching Center OS', 'Enrollment confirmed', 'Payment received', 'Quiz result', 'Class reminder'])[k],
       'Big institute notice ' || k, (array['INFO', 'SUCCESS', 'SUCCESS', 'INFO', 'REMINDER'])[k], k < 4,
       (array['/profile', '/enrollments', '/fees', '/quizzes', '/calendar'])[k],
       now() - make_interval(days => 70 - 14 * k), case when k < 4 then now() - make_interval(days => 69 - 14 * k) end, 0
from big_user u, big_size s, generate_series(1, s.notifications) k;

commit;
