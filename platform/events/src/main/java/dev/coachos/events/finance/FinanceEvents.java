package dev.coachos.events.finance;

import java.util.Map;

import dev.coachos.events.DomainEvent;

/** finance-service's events on {@link dev.coachos.events.Topics#FINANCE}, by their type names. */
public final class FinanceEvents {

    /** Type name to payload class; every type is at {@link #SCHEMA_VERSION}. */
    public static final Map<String, Class<? extends DomainEvent>> TYPES = Map.ofEntries(
            Map.entry("ExpenseApproved", ExpenseApproved.class),
            Map.entry("ExpenseRecorded", ExpenseRecorded.class),
            Map.entry("ExpenseReversed", ExpenseReversed.class),
            Map.entry("FeePlanCreated", FeePlanCreated.class),
            Map.entry("InstallmentDue", InstallmentDue.class),
            Map.entry("InstallmentOverdue", InstallmentOverdue.class),
            Map.entry("PaymentReceived", PaymentReceived.class),
            Map.entry("PaymentReversed", PaymentReversed.class),
            Map.entry("ReceiptCancelled", ReceiptCancelled.class),
            Map.entry("SalaryPaid", SalaryPaid.class),
            Map.entry("SalarySlipApproved", SalarySlipApproved.class));

    public static final int SCHEMA_VERSION = 1;

    private FinanceEvents() {
    }

    /** The type name a payload travels under. */
    public static String typeOf(DomainEvent event) {
        return TYPES.entrySet().stream().filter(e -> e.getValue().isInstance(event)).map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("Not a finance event: " + event));
    }
}
