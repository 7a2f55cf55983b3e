package dev.coachos.finance.payment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A payment taken at the counter.
 *
 * @param reference UPI: the 12-digit UTR; BANK_TRANSFER: its UTR (12, 16 or 22 characters) or the bank's
 *                  reference; CARD: the terminal's reference; CHEQUE: the cheque number; CASH: nothing
 * @param chequeBank the drawee bank (CHEQUE only)
 * @param chequeDate the date on the cheque (CHEQUE only)
 */
public record NewPayment(
        @NotNull UUID planId,
        @NotNull @DecimalMin(value = "0.01", message = "must be at least 0.01") @Digits(integer = 10, fraction = 2) BigDecimal amount,
        @NotNull Method method,
        @Size(max = 40) String reference,
        @Size(max = 80) String chequeBank,
        LocalDate chequeDate,
        @Size(max = 300) String note) {

    /** How money is taken at the counter (ONLINE payments come only through Razorpay). */
    public enum Method {
        CASH, UPI, BANK_TRANSFER, CARD, CHEQUE
    }
}
