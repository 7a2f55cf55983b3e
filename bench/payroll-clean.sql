-- Removes what bench/payroll-data.sql made with -v tag=...: its branch's runs and slips, structures,
-- batches and people. Paid slips refuse any change (a trigger), so this runs with
-- session_replication_role = replica, which skips triggers: as the database's superuser, on bench
-- data only.
\set ON_ERROR_STOP 1
set search_path = finance;
set session_replication_role = replica;
create temp table c_branch as select branch_id from branch_view where name = 'Bench Payroll ' || :'tag';
create temp table c_person as select user_id from payee_view where email like 'bench-payroll-' || :'tag' || '-%@bench.test';
create temp table c_batch as select batch_id from batch_pay where branch_id in (select branch_id from c_branch);
delete from salary_slip_line where slip_id in (select id from salary_slip where branch_id in (select branch_id from c_branch));
delete from salary_slip where branch_id in (select branch_id from c_branch);
delete from payroll_run_skip where run_id in (select id from payroll_run where branch_id in (select branch_id from c_branch));
delete from payroll_run where branch_id in (select branch_id from c_branch);
delete from salary_component where structure_id in (select id from salary_structure where person_id in (select user_id from c_person));
delete from salary_structure where person_id in (select user_id from c_person);
delete from batch_session where batch_id in (select batch_id from c_batch);
delete from seat_period where batch_id in (select batch_id from c_batch);
delete from batch_teacher where batch_id in (select batch_id from c_batch);
delete from batch_pay where batch_id in (select batch_id from c_batch);
delete from payee_view where user_id in (select user_id from c_person);
delete from branch_view where branch_id in (select branch_id from c_branch);
set session_replication_role = origin;
