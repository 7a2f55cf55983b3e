package dev.coachos.finance;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * finance-service: students' fee plans, raised from enrollment-service's EnrollmentCreated; the
 * installments they are split into; payments at the counter (cash, UPI, bank transfer, card,
 * cheque) and online through Razorpay payment links, allocated oldest first; gap-free receipts per
 * branch and financial year, tax invoices where the branch has a GSTIN; what is owed and how
 * long; the institute's expenses, approved above a threshold; the payroll of teachers and staff.
 * It keeps read models of identity-service (branches, students) and enrollment-service (batches),
 * and publishes FeePlanCreated, InstallmentDue, InstallmentOverdue, PaymentReceived,
 * PaymentReversed, ReceiptCancelled, ExpenseRecorded, ExpenseApproved, ExpenseReversed,
 * SalarySlipApproved and SalaryPaid.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class FinanceApplication {

    public static void main(String[] args) {
        SpringApplication.run(FinanceApplication.class, args);
    }

    /** The clock due dates and receipt dates are judged by; tests replace it to move time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
