-- Removes what bench/bigdata-data.sql added: every row whose id (or the id it belongs to) lies in
-- the generator's block of ids, b16da7a0-0000-0000-0000-000000000000 to b16da7a0-ffff-ffff-ffff-ffffffffffff,
-- and what the running services made since for those rows (notifications and messages to the
-- generated users, payments and receipts on their fee plans, attempts at their quizzes, ...).
--   psql -v ON_ERROR_STOP=1 -f bench/bigdata-clean.sql      (bench/bigdata.sh clean runs it)
-- Every delete is by an indexed key in that range, so it is quick when there is nothing to remove.
\set ON_ERROR_STOP 1
\set lo '''b16da7a0-0000-0000-0000-000000000000'''
\set hi '''b16da7a0-ffff-ffff-ffff-ffffffffffff'''
begin;

-- communication-service
delete from communication.notification where user_id between :lo and :hi;
delete from communication.delivery where recipient_user_id between :lo and :hi;
delete from communication.announcement_recipient where user_id between :lo and :hi;
delete from communication.attendance_mark where batch_id between :lo and :hi;
delete from communication.absence_streak where batch_id between :lo and :hi;
delete from communication.installment_paid where installment_id between :lo and :hi;
delete from communication.enrollment where enrollment_id between :lo and :hi;
delete from communication.batch where batch_id between :lo and :hi;
delete from communication.student_guardian where student_id between :lo and :hi;
delete from communication.recipient where user_id between :lo and :hi;

-- marketing-service
delete from marketing.lead_activity where lead_id between :lo and :hi;
delete from marketing.lead_conversion where lead_id between :lo and :hi;
delete from marketing.lead where id between :lo and :hi;
delete from marketing.fee_plan_view where plan_id between :lo and :hi;
delete from marketing.payment_view where student_id between :lo and :hi;
delete from marketing.staff_view where user_id between :lo and :hi;
delete from marketing.batch_view where batch_id between :lo and :hi;
delete from marketing.branch_view where branch_id between :lo and :hi;

-- finance-service: payments on the generated plans (the generator's and any taken since)
create temp table big_payment on commit drop as
select id from finance.payment where plan_id between :lo and :hi;
delete from finance.receipt_line where receipt_id in
    (select r.id from finance.receipt r where r.payment_id in (select id from big_payment));
delete from finance.receipt where payment_id in (select id from big_payment);
delete from finance.allocation where payment_id in (select id from big_payment);
delete from finance.payment_link where plan_id between :lo and :hi;
delete from finance.payment where plan_id between :lo and :hi;
delete from finance.installment_reminder where installment_id between :lo and :hi;
delete from finance.installment where plan_id between :lo and :hi;
delete from finance.fee_plan where id between :lo and :hi;
delete from finance.receipt_counter where series in
    (select receipt_series from finance.branch_view where branch_id between :lo and :hi);
delete from finance.seat_period where enrollment_id between :lo and :hi;
delete from finance.batch_session where batch_id between :lo and :hi;
delete from finance.batch_teacher where batch_id between :lo and :hi;
delete from finance.batch_pay where batch_id between :lo and :hi;
delete from finance.batch_view where batch_id between :lo and :hi;
delete from finance.student_view where student_id between :lo and :hi;
delete from finance.payee_view where user_id between :lo and :hi;
delete from finance.branch_view where branch_id between :lo and :hi;

-- assessment-service
delete from assessment.response where attempt_id in
    (select id from assessment.attempt where quiz_id between :lo and :hi or student_id between :lo and :hi);
delete from assessment.attempt where quiz_id between :lo and :hi or student_id between :lo and :hi;
delete from assessment.answer_key where question_id between :lo and :hi;
delete from assessment.question_option where question_id between :lo and :hi;
delete from assessment.question where quiz_id between :lo and :hi;
delete from assessment.quiz where id between :lo and :hi;
delete from assessment.enrollment_view where enrollment_id between :lo and :hi;
delete from assessment.batch_view where batch_id between :lo and :hi;
delete from assessment.course_teacher where course_id between :lo and :hi;
delete from assessment.curriculum_lesson where curriculum_id between :lo and :hi;
delete from assessment.curriculum_view where curriculum_id between :lo and :hi;
delete from assessment.course_view where course_id between :lo and :hi;

-- enrollment-service
delete from enrollment.attendance where batch_id between :lo and :hi;
delete from enrollment.lesson_progress where student_id between :lo and :hi;
delete from enrollment.quiz_result where student_id between :lo and :hi;
delete from enrollment.quiz_view where quiz_id between :lo and :hi;
delete from enrollment.calendar_feed where user_id between :lo and :hi;
delete from enrollment.calendar_event where batch_id between :lo and :hi;
delete from enrollment.lead_enrollment where enrollment_id between :lo and :hi;
delete from enrollment.enrollment where batch_id between :lo and :hi;
delete from enrollment.batch_slot where batch_id between :lo and :hi;
delete from enrollment.batch where id between :lo and :hi;
delete from enrollment.known_user where user_id between :lo and :hi;
delete from enrollment.curriculum_lesson where curriculum_id between :lo and :hi;
delete from enrollment.curriculum_view where curriculum_id between :lo and :hi;
delete from enrollment.course_view where course_id between :lo and :hi;

-- course-service
delete from course.enrolled_student where course_id between :lo and :hi;
delete from course.course_enrollment where enrollment_id between :lo and :hi;
delete from course.course_teacher where course_id between :lo and :hi;
delete from course.lesson_bookmark where user_id between :lo and :hi;
delete from course.lesson_highlight where user_id between :lo and :hi;
delete from course.lesson where curriculum_id between :lo and :hi;
delete from course.module where curriculum_id between :lo and :hi;
delete from course.curriculum where course_id between :lo and :hi;
delete from course.course where id between :lo and :hi;

-- identity-service (tokens go with their users)
delete from identity.student_profile where user_id between :lo and :hi;
delete from identity.teacher_profile where user_id between :lo and :hi;
delete from identity.staff_profile where user_id between :lo and :hi;
delete from identity.app_user where id between :lo and :hi;
delete from identity.known_batch where batch_id between :lo and :hi;
delete from identity.branch where id between :lo and :hi;

commit;
