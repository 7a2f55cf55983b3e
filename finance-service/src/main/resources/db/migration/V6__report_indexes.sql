-- Indexes for the finance reports (dev.coachos.finance.report). A branch's figures already have
-- theirs (payment (branch_id, received_at), expense (branch_id, spent_on), salary_slip (branch_id,
-- month), the open installments by branch); these serve head office, whose reports cover every
-- branch over a range of days or months, so that a year of a mid-size institute is read by range
-- and not by scanning every row ever stored.

-- Money received over a range, standing payments only, with what the collections report groups and
-- adds up beside the key, so the report reads the index alone.
CREATE INDEX payment_standing_received_idx ON payment (received_at) INCLUDE (branch_id, method, amount)
    WHERE status <> 'REVERSED';

-- Counted expenses by the day spent, every branch.
CREATE INDEX expense_counted_spent_on_idx ON expense (spent_on) INCLUDE (branch_id, amount)
    WHERE status = 'COUNTED';

-- Salary slips by month, every branch (payroll cost over months, a batch's teacher pay).
CREATE INDEX salary_slip_month_idx ON salary_slip (month, status);
