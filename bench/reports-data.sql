-- Fills finance's schema with :months months of a mid-size institute for bench/reports.sh: 10
-- branches, 5,000 students (one monthly plan each, 12 installments of 6,000.00), 200 batches (pay
-- terms, a teacher each), 20 payments a student a year (100,000; 3,000.00 each, two to an
-- installment, every method, about 1 in 100 reversed with its reversal entries), 20,000 expenses a
-- year, 500 people's salary slips every month (200 teachers with a batch line; 50 people at head
-- office), all in the :months whole months before the current one (in Asia/Kolkata).
--   psql -v months=12 -v tag=1700000000 -f bench/reports-data.sql
-- :tag makes this run's names and references its own (the branch names carry it, so
-- bench/reports-clean.sql finds the rows again). Set-based, with generate_series: seconds, not minutes.
\set ON_ERROR_STOP 1
set search_path = finance;

create temp table bench_period as
select (date_trunc('month', (now() at time zone 'Asia/Kolkata')::date) - make_interval(months => :months))::date as first_day,
       (date_trunc('month', (now() at time zone 'Asia/Kolkata')::date) - interval '1 day')::date as last_day,
       :months as months;

-- ---- Branches, students, batches, people ----
create temp table b_branch as select gen_random_uuid() as id, n from generate_series(1, 10) n;
insert into branch_view (branch_id, code, name, city, state, state_code, gstin, receipt_series, active, updated_at)
select id, 'BR' || :'tag' || '-' || n, 'Bench Reports ' || :'tag' || ' Branch ' || n, 'Delhi', 'Delhi', '07', null,
       'B' || n, true, now()
from b_branch;

create temp table b_batch as
select gen_random_uuid() as id, n, (select id from b_branch where b_branch.n = (s.n % 10) + 1) as branch_id
from generate_series(1, 200) s(n);
insert into batch_view (batch_id, course_id, branch_id, name, start_date, end_date, updated_at)
select b.id, gen_random_uuid(), b.branch_id, 'Bench batch ' || b.n, p.first_day, null, now()
from b_batch b, bench_period p;
-- One batch in ten starts within the first month (its overhead prorated there); one in twenty has ended.
insert into batch_pay (batch_id, course_id, branch_id, name, start_date, end_date, status, teacher_compensation,
                       teacher_commission, monthly_overhead, session_rate, updated_at)
select b.id, gen_random_uuid(), b.branch_id, 'Bench batch ' || b.n,
       p.first_day + case when b.n % 10 = 0 then 9 else 0 end,
       case when b.n % 20 = 1 then p.last_day - 10 end,
       case when b.n % 20 = 1 then 'CLOSED' else 'OPEN' end,
       20000.00, 150.00, 15000.00 + b.n * 100, case when b.n % 4 = 0 then 500.00 end, now()
from b_batch b, bench_period p;

create temp table b_person as
select gen_random_uuid() as id, n,
       case when n <= 450 then (select id from b_branch where b_branch.n = (s.n % 10) + 1) end as branch_id,
       case when n <= 200 then 'TEACHER' else 'STAFF' end as profile_type
from generate_series(1, 500) s(n);
insert into payee_view (user_id, name, email, phone, branch_id, profile_type, active, updated_at)
select id, 'Bench Person ' || n, 'bench-person-' || :'tag' || '-' || n || '@bench.test', null, branch_id,
       profile_type, true, now()
from b_person;
insert into batch_teacher (batch_id, teacher_id, from_date, to_date)
select b.id, t.id, p.first_day, null from b_batch b join b_person t on t.n = b.n, bench_period p;

create temp table b_student as
select gen_random_uuid() as id, gen_random_uuid() as plan_id, n, (select b_batch.id from b_batch where b_batch.n = (s.n % 200) + 1) as batch_id
from generate_series(1, 5000) s(n);
insert into student_view (student_id, name, email, branch_id, state_code, updated_at)
select s.id, 'Bench Student ' || s.n, 'bench-student-' || :'tag' || '-' || s.n || '@bench.test', b.branch_id, '07', now()
from b_student s join b_batch b on b.id = s.batch_id;

-- ---- Plans and installments: 12 monthly installments of 6,000.00, due on the 5th ----
insert into fee_plan (id, enrollment_id, student_id, branch_id, course_id, batch_id, course_title, batch_name,
                      frequency, fee, net_fee, status, created_at, updated_at, version)
select s.plan_id, gen_random_uuid(), s.id, b.branch_id, gen_random_uuid(), b.id, 'Bench course', 'Bench batch ' || b.n,
       'MONTHLY', 72000.00, 72000.00, 'ACTIVE', p.first_day, now(), 0
from b_student s join b_batch b on b.id = s.batch_id, bench_period p;

create temp table b_installment as
select gen_random_uuid() as id, s.plan_id, s.id as student_id, b.branch_id, k,
       (p.first_day + make_interval(months => k - 1))::date + 4 as due_date
from b_student s join b_batch b on b.id = s.batch_id, bench_period p, generate_series(1, 12) k;
insert into installment (id, plan_id, seq, kind, student_id, branch_id, due_date, amount, paid, status, created_at, updated_at)
select id, plan_id, k, 'FEE', student_id, branch_id, due_date, 6000.00, 0, 'DUE', now(), now() from b_installment;

-- ---- Payments: 20 a student a year (2 a student for one month), two halves of an installment ----
create temp table b_payment as
select gen_random_uuid() as id, i.id as installment_id, i.plan_id, i.student_id, i.branch_id, i.k, j, s.n,
       ((i.due_date + case when j = 1 then -((s.n + i.k) % 5) else (s.n + i.k) % 15 end)
           + make_interval(mins => 540 + (s.n * 7 + j) % 600)) at time zone 'Asia/Kolkata' as received_at,
       (array['CASH', 'UPI', 'BANK_TRANSFER', 'CARD', 'CHEQUE', 'ONLINE'])[1 + (s.n + i.k + j) % 6] as method,
       (s.n * 31 + i.k * 7 + j) % 100 = 0 as reversed
from b_installment i join b_student s on s.plan_id = i.plan_id, bench_period p, generate_series(1, 2) j
where i.k <= greatest(1, round(10.0 * p.months / 12))::int;
insert into payment (id, plan_id, student_id, branch_id, amount, method, reference, cheque_bank, cheque_date, status,
                     note, recorded_by, received_at, cleared_at, reversed_at, reversal_reason, version)
select id, plan_id, student_id, branch_id, 3000.00, method,
       case when method = 'CASH' then null
            when method = 'CHEQUE' then lpad(((n * 24 + k * 2 + j) % 1000000)::text, 6, '0')
            else 'BR' || :'tag' || 'N' || n || 'K' || k || 'J' || j end,
       case when method = 'CHEQUE' then 'State Bank of India' end,
       case when method = 'CHEQUE' then (received_at at time zone 'Asia/Kolkata')::date end,
       case when reversed then 'REVERSED' else 'CLEARED' end, null, null, received_at, received_at,
       case when reversed then received_at + interval '3 days' end,
       case when reversed then 'bench: bounced' end, 0
from b_payment;
insert into allocation (id, payment_id, installment_id, amount, kind, created_at)
select gen_random_uuid(), id, installment_id, 3000.00, 'APPLIED', received_at from b_payment;
insert into allocation (id, payment_id, installment_id, amount, kind, created_at)
select gen_random_uuid(), id, installment_id, -3000.00, 'REVERSAL', received_at + interval '3 days' from b_payment
where reversed;
update installment i set paid = a.paid,
       status = case when a.paid = i.amount then 'PAID' when a.paid > 0 then 'PARTIALLY_PAID' else 'DUE' end
from (select a.installment_id, sum(a.amount) as paid from allocation a join b_payment p on p.id = a.payment_id
      group by a.installment_id) a
where i.id = a.installment_id;

-- ---- Expenses: 20,000 a year; 1 in 40 waiting for approval, 1 in 50 reversed ----
insert into expense (id, title, amount, category, spent_on, branch_id, campaign_id, bill_url, status, recorded_by,
                     recorded_at, approved_by, approved_at, reversed_by, reversed_at, reason, version)
select gen_random_uuid(), 'Bench expense ' || e.n, case when e.n % 40 = 0 then 30000.00 else 100 + (e.n * 37) % 20000 + 0.50 end,
       (array['RENT', 'UTILITIES', 'MARKETING', 'OPERATIONAL', 'EQUIPMENT', 'TRAVEL', 'OTHER'])[1 + e.n % 7],
       p.first_day + (e.n % (p.last_day - p.first_day + 1)), b.id, null, null,
       case when e.n % 50 = 0 then 'REVERSED' when e.n % 40 = 0 then 'PENDING_APPROVAL' else 'COUNTED' end,
       gen_random_uuid(), now(), null, null, null,
       case when e.n % 50 = 0 then now() end, case when e.n % 50 = 0 then 'bench: entered twice' end, 0
from bench_period p, generate_series(1, (20000 * :months / 12)) e(n) join b_branch b on b.n = (e.n % 10) + 1;

-- ---- Payroll: a run per month and branch (head office: none), a slip per person and month ----
create temp table b_month as
select (p.first_day + make_interval(months => m - 1))::date as month, m = p.months as latest
from bench_period p, generate_series(1, :months) m;
insert into payroll_run (id, month, branch_id, created_by, created_at)
select gen_random_uuid(), m.month, b.id, gen_random_uuid(), now()
from b_month m, (select id from b_branch union all select null) b
on conflict do nothing;
create temp table b_slip as
select gen_random_uuid() as id, r.id as run_id, pe.id as person_id, pe.n, pe.branch_id, pe.profile_type, m.month,
       case when not m.latest or pe.n % 10 < 3 then 'PAID' when pe.n % 10 = 9 then 'DRAFT' else 'APPROVED' end as status,
       (18000 + pe.n * 50)::numeric(12,2) as gross
from b_person pe cross join b_month m
join payroll_run r on r.month = m.month
 and coalesce(r.branch_id, '00000000-0000-0000-0000-000000000000'::uuid)
   = coalesce(pe.branch_id, '00000000-0000-0000-0000-000000000000'::uuid);
insert into salary_slip (id, run_id, person_id, person_name, branch_id, month, status, working_days, payment_days,
                         gross, total_deductions, net, net_in_words, created_at)
select id, run_id, person_id, 'Bench Person ' || n, branch_id, month, 'DRAFT', 26, 26, gross,
       round(gross * 0.12, 2), gross - round(gross * 0.12, 2), 'Bench rupees', now()
from b_slip;
insert into salary_slip_line (slip_id, seq, kind, code, name, amount, batch_id, basis)
select s.id, 1, 'EARNING', 'BASIC', 'Basic', case when s.profile_type = 'TEACHER' then s.gross - 8000 else s.gross end,
       null, 'bench'
from b_slip s
union all
select s.id, 2, 'EARNING', 'BATCH', 'Batch pay', 8000.00, b.id, 'bench' from b_slip s join b_batch b on b.n = s.n
where s.profile_type = 'TEACHER'
union all
select s.id, 3, 'DEDUCTION', 'PF', 'Provident fund', round(s.gross * 0.12, 2), null, 'bench' from b_slip s;
update salary_slip s set status = 'APPROVED', approved_by = gen_random_uuid(), approved_at = now()
from b_slip b where b.id = s.id and b.status <> 'DRAFT';
update salary_slip s set status = 'PAID', paid_by = gen_random_uuid(), paid_at = now(), paid_method = 'BANK_TRANSFER'
from b_slip b where b.id = s.id and b.status = 'PAID';

analyze branch_view; analyze student_view; analyze batch_view; analyze batch_pay; analyze fee_plan;
analyze installment; analyze payment; analyze allocation; analyze expense; analyze payroll_run;
analyze salary_slip; analyze salary_slip_line; analyze payee_view;

select 'period ' || first_day || ' to ' || last_day from bench_period;
select 'branches ' || (select count(*) from b_branch) || ', students ' || (select count(*) from b_student)
    || ', batches ' || (select count(*) from b_batch) || ', people ' || (select count(*) from b_person)
    || ', installments ' || (select count(*) from b_installment) || ', payments ' || (select count(*) from b_payment)
    || ' (' || (select count(*) from b_payment where reversed) || ' reversed), expenses '
    || (select count(*) from expense e join b_branch b on b.id = e.branch_id)
    || ', slips ' || (select count(*) from b_slip)
    || ', slip lines ' || (select count(*) from salary_slip_line l join b_slip s on s.id = l.slip_id);
