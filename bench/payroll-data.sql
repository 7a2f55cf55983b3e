-- A branch for bench/payroll.sh (psql -v tag=... -v people=500 -v batches=200): PEOPLE people, of
-- whom BATCHES teachers each hold one batch all year (fixed 20,000.00 a month, 150.00 per active
-- student, 250.00 per session held), 25 students active in each batch, 12 sessions in each of the
-- last three months; everyone but a fifth of the teachers has a salary structure (base, HRA 40 % of
-- BASIC, conveyance 1,600.00, professional tax 200.00; PF on; TDS 5 %). Rows only in finance's
-- schema, as its read models and the structures API leave them; every name carries the tag.
\set ON_ERROR_STOP 1
set search_path = finance;
create temp table b_branch as select gen_random_uuid() as branch_id;
insert into branch_view (branch_id, code, name, city, state, state_code, gstin, receipt_series, active, updated_at)
select branch_id, 'PB' || right(:'tag', 6), 'Bench Payroll ' || :'tag', 'Delhi', 'Delhi', '07', null, 'PB', true, now()
from b_branch;
create temp table b_person as
select gen_random_uuid() as user_id, n, n <= :batches as teacher from generate_series(1, :people) n;
insert into payee_view (user_id, name, email, phone, branch_id, profile_type, active, updated_at)
select p.user_id, 'Bench Person ' || p.n, 'bench-payroll-' || :'tag' || '-' || p.n || '@bench.test', null,
       b.branch_id, case when p.teacher then 'TEACHER' else 'STAFF' end, true, now()
from b_person p, b_branch b;
-- Structures from a year ago, open-ended: every staff member and four teachers in five.
create temp table b_structure as
select gen_random_uuid() as id, p.user_id, p.n from b_person p where not p.teacher or p.n % 5 <> 0;
insert into salary_structure (id, person_id, branch_id, base_pay, effective_from, effective_to, pf, esi, tds_percent,
                              note, created_by, created_at, updated_at)
select s.id, s.user_id, b.branch_id, 18000 + (s.n % 40) * 500, (date_trunc('month', now()) - interval '12 months')::date,
       null, true, false, 5, 'bench ' || :'tag', s.user_id, now(), now()
from b_structure s, b_branch b;
insert into salary_component (structure_id, seq, code, name, kind, calc, amount, percent, of_code)
select id, 1, 'HRA', 'House rent allowance', 'EARNING', 'PERCENT', null, 40, 'BASIC' from b_structure
union all
select id, 2, 'CONVEYANCE', 'Conveyance', 'EARNING', 'FIXED', 1600, null, null from b_structure
union all
select id, 3, 'PROF_TAX', 'Professional tax', 'DEDUCTION', 'FIXED', 200, null, null from b_structure;
-- One batch per teacher, the whole year.
create temp table b_batch as
select gen_random_uuid() as batch_id, p.user_id as teacher_id, p.n from b_person p where p.teacher;
insert into batch_pay (batch_id, course_id, branch_id, name, start_date, end_date, status, teacher_compensation,
                       teacher_commission, monthly_overhead, session_rate, updated_at)
select bb.batch_id, gen_random_uuid(), b.branch_id, 'Bench Batch ' || :'tag' || ' ' || bb.n,
       (date_trunc('month', now()) - interval '12 months')::date, null, 'OPEN', 20000, 150, 15000, 250, now()
from b_batch bb, b_branch b;
insert into batch_teacher (batch_id, teacher_id, from_date, to_date)
select batch_id, teacher_id, (date_trunc('month', now()) - interval '12 months')::date, null from b_batch;
insert into seat_period (enrollment_id, batch_id, student_id, from_date, to_date)
select gen_random_uuid(), bb.batch_id, gen_random_uuid(), (date_trunc('month', now()) - interval '12 months')::date, null
from b_batch bb, generate_series(1, 25);
insert into batch_session (batch_id, session_date, marked_by, students)
select bb.batch_id, (date_trunc('month', now()) - make_interval(months => m))::date + (d * 2), bb.teacher_id, 25
from b_batch bb, generate_series(1, 3) m, generate_series(0, 11) d;
analyze payee_view; analyze salary_structure; analyze salary_component; analyze batch_pay; analyze batch_teacher;
analyze seat_period; analyze batch_session;
select 'branch ' || branch_id from b_branch;
select count(*) || ' people, ' || (select count(*) from b_structure) || ' structures, '
       || (select count(*) from b_batch) || ' batches' from b_person;
