package dev.coachos.finance;

import org.springframework.stereotype.Component;

import dev.coachos.events.DomainEvent;
import dev.coachos.events.Topics;
import dev.coachos.events.finance.ExpenseApproved;
import dev.coachos.events.finance.ExpenseRecorded;
import dev.coachos.events.finance.ExpenseReversed;
import dev.coachos.events.finance.FeePlanCreated;
import dev.coachos.events.finance.InstallmentDue;
import dev.coachos.events.finance.InstallmentOverdue;
import dev.coachos.events.finance.PaymentReceived;
import dev.coachos.events.finance.PaymentReversed;
import dev.coachos.events.finance.ReceiptCancelled;
import dev.coachos.events.finance.SalaryPaid;
import dev.coachos.events.finance.SalarySlipApproved;
import dev.coachos.messaging.outbox.Outbox;

/**
 * The events finance-service publishes, one method each, and the only caller of the outbox: each
 * is stored in the transaction of the change it reports and relayed to
 * {@value dev.coachos.events.Topics#FINANCE} afterwards, keyed by the student so a student's
 * events arrive in order (an expense's events by the expense, a salary slip's by the slip).
 */
@Component
public class FinanceEvents {

    private final Outbox outbox;

    FinanceEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void feePlanCreated(FeePlanCreated event) {
        publish(event);
    }

    public void installmentDue(InstallmentDue event) {
        publish(event);
    }

    public void installmentOverdue(InstallmentOverdue event) {
        publish(event);
    }

    public void paymentReceived(PaymentReceived event) {
        publish(event);
    }

    public void paymentReversed(PaymentReversed event) {
        publish(event);
    }

    public void receiptCancelled(ReceiptCancelled event) {
        publish(event);
    }

    public void expenseRecorded(ExpenseRecorded event) {
        publish(event);
    }

    public void expenseApproved(ExpenseApproved event) {
        publish(event);
    }

    public void expenseReversed(ExpenseReversed event) {
        publish(event);
    }

    public void salarySlipApproved(SalarySlipApproved event) {
        publish(event);
    }

    public void salaryPaid(SalaryPaid event) {
        publish(event);
    }

    private void publish(DomainEvent event) {
        outbox.publish(Topics.FINANCE, dev.coachos.events.finance.FinanceEvents.typeOf(event),
                dev.coachos.events.finance.FinanceEvents.SCHEMA_VERSION, event);
    }
}
