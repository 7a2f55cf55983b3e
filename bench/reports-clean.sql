-- Removes what bench/reports-data.sql made with -v tag=...: its branches and everything of them, its
-- students, batches and people. Paid slips refuse any change (a trigger), so this runs with
-- session_replication_role = replica, which skips triggers: as the database's superuser (postgres),
-- on bench data only.
\set ON_ERROR_STOP 1
set search_path = finance;
set session_replication_role = replica;
create temp table c_branch as select branch_id from branch_view where name like 'Bench Reports ' || :'tag' || ' Branch %';
create temp table c_plan as select id from fee_plan where branch_id in (select branch_id from c_branch);
create temp table c_person as select user_id from payee_view where email like 'bench-person-' || :'tag' || '-%@bench.test';
delete from salary_slip_line where slip_id in (select id from salary_slip where person_id in (select user_id from c_person));
delete from salary_slip where person_id in (select user_id from c_person);
-- Head office's runs (branch none) may be the suite's own: they stay, without this run's slips.
delete from payroll_run where branch_id in (select branch_id from c_branch);
delete from allocation where payment_id in (select id from payment where plan_id in (select id from c_plan));
delete from payment where plan_id in (select id from c_plan);
delete from installment_reminder where installment_id in (select id from installment where plan_id in (select id from c_plan));
delete from installment where plan_id in (select id from c_plan);
delete from fee_plan where id in (select id from c_plan);
delete from expense where branch_id in (select branch_id from c_branch);
delete from batch_teacher where batch_id in (select batch_id from batch_pay where branch_id in (select branch_id from c_branch));
delete from batch_pay where branch_id in (select branch_id from c_branch);
delete from batch_view where branch_id in (select branch_id from c_branch);
delete from student_view where email like 'bench-student-' || :'tag' || '-%@bench.test';
delete from payee_view where user_id in (select user_id from c_person);
delete from branch_view where branch_id in (select branch_id from c_branch);
set session_replication_role = origin;
vacuum analyze installment, payment, allocation, expense, salary_slip, salary_slip_line, fee_plan;
