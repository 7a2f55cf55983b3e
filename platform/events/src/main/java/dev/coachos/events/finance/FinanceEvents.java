package dev.coachos.events.finance;

import java.util.Map;

import dev.coachos.events.DomainEvent;

/** finance-service's events on {@link dev.coachos.events.Topics#FINANCE}, by their type names. */
public final class FinanceEvents {

    /** Type name to payload class; every type is at {@link #SCHEMA_VERSION}. */
    public static final Map<String, Class<? extends DomainEvent>> TYPES = Map.of(
            "ExpenseApproved", ExpenseApproved.class,
            "ExpenseRecorded", ExpenseRecorded.class,
            "ExpenseReversed", ExpenseReversed.class,
            "FeePlanCreated", FeePlanCreated.class,
            "InstallmentDue", InstallmentDue.class,
            "InstallmentOverdue", InstallmentOverdue.class,
            "PaymentReceived", PaymentReceived.class,
            "PaymentReversed", PaymentReversed.class,
            "ReceiptCancelled", ReceiptCancelled.class);

    public static final int SCHEMA_VERSION = 1;

    private FinanceEvents() {
    }

    /** The type name a payload travels under. */
    public static String typeOf(DomainEvent event) {
        return TYPES.entrySet().stream().filter(e -> e.getValue().isInstance(event)).map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("Not a finance event: " + event));
    }
}
