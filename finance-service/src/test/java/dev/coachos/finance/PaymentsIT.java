package dev.coachos.finance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import dev.coachos.finance.money.FeeSchedule;
import dev.coachos.finance.payment.Payments;
import dev.coachos.testing.ApiClient.Response;
import tools.jackson.databind.JsonNode;

/**
 * Payments at the counter: what each method needs, oldest-first allocation, one payment per
 * Idempotency-Key and per bank reference, never more than is pending, and receipt numbers without
 * gaps, even when payments race or roll back.
 */
class PaymentsIT extends FinanceTestBase {

    @Autowired
    Payments payments;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void aUpiPartPaymentGoesToTheOldestInstallmentAndIsAnsweredWithItsReceipt() {
        UUID branch = branch("DEL", "07", null);
        UUID student = student("Asha Verma", "07");
        UUID batch = batch(branch, LocalDate.of(2026, 12, 1), LocalDate.of(2027, 2, 28));
        UUID plan = plan(student, branch, batch, "15000.00", FeeSchedule.Frequency.MONTHLY);
        List<JsonNode> before = installments(backOffice(branch), plan);
        assertThat(before).extracting(i -> i.path("dueDate").asString())
                .containsExactly("2026-12-02", "2027-01-02", "2027-02-02");
        assertThat(before).allMatch(i -> money(i.path("amount")).compareTo(new BigDecimal("15000.00")) == 0);

        JsonNode paid = pay(backOffice(branch), plan, "20000.00", "UPI", upi("4012 3456 7890"));
        assertThat(paid.path("reference").asString()).isEqualTo("401234567890");
        assertThat(paid.path("status").asString()).isEqualTo("CLEARED");
        assertThat(paid.path("receiptNumber").asString()).isEqualTo("DEL/26-27/00001");
        assertThat(money(paid.path("pendingAfter"))).isEqualByComparingTo("25000.00");
        assertThat(paid.path("allocations").valueStream().map(a -> a.path("installmentSeq").asInt() + ":"
                + money(a.path("amount")).toPlainString()).toList()).containsExactly("1:15000.00", "2:5000.00");
        List<JsonNode> after = installments(backOffice(branch), plan);
        assertThat(after).extracting(i -> i.path("status").asString()).containsExactly("PAID", "PARTIALLY_PAID", "DUE");
        assertThat(money(after.get(1).path("pending"))).isEqualByComparingTo("10000.00");

        JsonNode event = outbox.payloads("PaymentReceived", student.toString()).getFirst();
        assertThat(event.path("receiptNumber").asString()).isEqualTo("DEL/26-27/00001");
        assertThat(event.path("amount").asString()).isEqualTo("20000.00");
        assertThat(event.path("pendingAfter").asString()).isEqualTo("25000.00");
        assertThat(event.path("method").asString()).isEqualTo("UPI");
        // Every installment the payment paid into, oldest first, with its status after it; the third is untouched.
        assertThat(event.path("installments").valueStream()
                .map(i -> i.path("installmentId").asString() + ":" + i.path("status").asString()).toList())
                .containsExactly(after.get(0).path("id").asString() + ":PAID",
                        after.get(1).path("id").asString() + ":PARTIALLY_PAID");

        // The student reads their own payment and receipt; another student and another branch are told nothing.
        assertThat(api.get("/api/v1/payments/" + paid.path("id").asString(), studentToken(student)).status()).isEqualTo(200);
        Response receipt = api.get("/api/v1/receipts/" + paid.path("receiptId").asString(), studentToken(student));
        assertThat(receipt.status()).as(receipt.toString()).isEqualTo(200);
        assertThat(receipt.json().path("kind").asString()).isEqualTo("RECEIPT");
        assertThat(receipt.json().path("totalInWords").asString()).isEqualTo("Twenty Thousand Rupees Only");
        assertThat(money(receipt.json().path("pendingAfter"))).isEqualByComparingTo("25000.00");
        assertThat(receipt.json().path("recipient").path("name").asString()).isEqualTo("Asha Verma");
        assertThat(api.get("/api/v1/receipts/" + paid.path("receiptId").asString(),
                studentToken(UUID.randomUUID())).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/receipts/" + paid.path("receiptId").asString(),
                accountant(UUID.randomUUID())).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/receipts/" + paid.path("receiptId").asString(), accountant(branch)).status())
                .isEqualTo(200);
    }

    @Test
    void theSameIdempotencyKeyTakesNothingTwiceAndTheSameUtrIsAConflict() {
        UUID branch = branch("NOI", "09", null);
        UUID student = student("Ravi Kumar", null);
        UUID plan = oneTimePlan(student, branch, "30000.00");
        String key = UUID.randomUUID().toString();
        String office = backOffice(branch);
        Response first = payment(office, key, plan, "10000.00", "UPI", upi("111122223333"));
        Response again = payment(office, key, plan, "10000.00", "UPI", upi("111122223333"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json().path("id").asString()).isEqualTo(first.json().path("id").asString());
        assertThat(count("select count(*) from payment where plan_id = ?", plan)).isEqualTo(1);
        assertThat(count("select count(*) from receipt where series = 'NOI'")).isEqualTo(1);

        Response sameUtr = payment(office, UUID.randomUUID().toString(), plan, "500.00", "UPI",
                upi("1111 2222 3333"));
        assertThat(sameUtr.status()).as(sameUtr.toString()).isEqualTo(409);
        assertThat(sameUtr.json().path("paymentId").asString()).isEqualTo(first.json().path("id").asString());
        // Nothing of the refused payment stays: no row, no receipt number used.
        assertThat(count("select count(*) from payment where plan_id = ?", plan)).isEqualTo(1);
        JsonNode next = pay(office, plan, "500.00", "CASH", Map.of());
        assertThat(next.path("receiptNumber").asString()).isEqualTo("NOI/26-27/00002");

        Response differentBody = payment(office, key, plan, "900.00", "UPI", upi("111122223333"));
        assertThat(differentBody.status()).isEqualTo(422);
        Response noKey = payment(office, null, plan, "100.00", "CASH", Map.of());
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(noKey.errorFields()).contains("Idempotency-Key");
    }

    @Test
    void badInputIsAProblemNamingWhatIsWrongAndNothingIsTaken() {
        UUID branch = branch("GGN", "06", null);
        UUID plan = oneTimePlan(student("Meera Iyer", null), branch, "12000.00");
        String office = backOffice(branch);

        Response tooMuch = payment(office, UUID.randomUUID().toString(), plan, "12000.01", "CASH", Map.of());
        assertThat(tooMuch.status()).as(tooMuch.toString()).isEqualTo(422);
        assertThat(tooMuch.json().path("detail").asString()).contains("12000.00");
        assertThat(money(tooMuch.json().path("pending"))).isEqualByComparingTo("12000.00");

        assertThat(payment(office, UUID.randomUUID().toString(), plan, "100.00", "UPI", upi("12345")).errorFields())
                .contains("reference");
        assertThat(payment(office, UUID.randomUUID().toString(), plan, "100.00", "UPI", Map.of()).errorFields())
                .contains("reference");
        assertThat(payment(office, UUID.randomUUID().toString(), plan, "100.00", "CHEQUE",
                Map.of("reference", "123456", "chequeDate", "2026-12-01")).errorFields()).contains("chequeBank");
        assertThat(payment(office, UUID.randomUUID().toString(), plan, "100.00", "CHEQUE",
                Map.of("reference", "123456", "chequeBank", "SBI", "chequeDate", "2026-08-01")).errorFields())
                .contains("chequeDate");
        assertThat(payment(office, UUID.randomUUID().toString(), plan, "100.005", "CASH", Map.of()).status())
                .isEqualTo(400);
        assertThat(payment(office, UUID.randomUUID().toString(), plan, "0.00", "CASH", Map.of()).errorFields())
                .contains("amount");
        assertThat(payment(office, UUID.randomUUID().toString(), plan, "100.00", "BITCOIN", Map.of()).status())
                .isEqualTo(400);
        assertThat(payment(office, UUID.randomUUID().toString(), UUID.randomUUID(), "100.00", "CASH", Map.of())
                .status()).isEqualTo(404);
        // Another branch's back office, an accountant (read only) and a student cannot take payments here.
        assertThat(payment(backOffice(UUID.randomUUID()), UUID.randomUUID().toString(), plan, "100.00", "CASH",
                Map.of()).status()).isEqualTo(404);
        assertThat(payment(accountant(branch), UUID.randomUUID().toString(), plan, "100.00", "CASH", Map.of())
                .status()).isEqualTo(403);
        assertThat(count("select count(*) from payment where plan_id = ?", plan)).isZero();
        assertThat(count("select count(*) from receipt_counter where series = 'GGN'")).isZero();
    }

    @Test
    void cashOfTwoLakhOrMoreInOnePaymentIsRefused() {
        UUID branch = branch("PUN", "27", null);
        UUID plan = oneTimePlan(student("Kabir Shah", null), branch, "250000.00");
        Response cash = payment(backOffice(branch), UUID.randomUUID().toString(), plan, "200000.00", "CASH", Map.of());
        assertThat(cash.status()).isEqualTo(422);
        assertThat(cash.json().path("detail").asString()).contains("269ST");
        pay(backOffice(branch), plan, "199999.00", "CASH", Map.of());
    }

    @Test
    void aChequeIsReceivedUntilItClearsAndABouncedOneIsReversedWithItsReceiptCancelled() {
        UUID branch = branch("LKO", "09", null);
        UUID student = student("Farah Khan", null);
        UUID plan = oneTimePlan(student, branch, "10000.00");
        String office = backOffice(branch);
        JsonNode cheque = pay(office, plan, "6000.00", "CHEQUE",
                Map.of("reference", "004512", "chequeBank", "State Bank of India", "chequeDate", "2026-12-05"));
        assertThat(cheque.path("status").asString()).isEqualTo("RECEIVED");
        assertThat(installments(office, plan).getFirst().path("status").asString()).isEqualTo("PARTIALLY_PAID");

        Response bounced = api.post("/api/v1/payments/" + cheque.path("id").asString() + "/bounce", office,
                Map.of("reason", "insufficient funds", "charge", new BigDecimal("500.00")));
        assertThat(bounced.status()).as(bounced.toString()).isEqualTo(200);
        assertThat(bounced.json().path("status").asString()).isEqualTo("REVERSED");
        assertThat(bounced.json().path("allocations").valueStream().map(a -> a.path("kind").asString() + ":"
                + money(a.path("amount")).toPlainString()).toList()).containsExactly("APPLIED:6000.00", "REVERSAL:-6000.00");
        List<JsonNode> owed = installments(office, plan);
        assertThat(owed).extracting(i -> i.path("kind").asString() + ":" + i.path("status").asString() + ":"
                + money(i.path("pending")).toPlainString()).containsExactly("FEE:DUE:10000.00", "BOUNCE_CHARGE:DUE:500.00");
        Response receipt = api.get("/api/v1/receipts/" + cheque.path("receiptId").asString(), office);
        assertThat(receipt.json().path("cancelled").asBoolean()).isTrue();
        assertThat(receipt.json().path("number").asString()).isEqualTo("LKO/26-27/00001");
        assertThat(outbox.payloads("PaymentReversed", student.toString()).getFirst().path("bounceCharge").asString())
                .isEqualTo("500.00");
        assertThat(outbox.payloads("ReceiptCancelled", student.toString()).getFirst().path("receiptNumber").asString())
                .isEqualTo("LKO/26-27/00001");
        // Nothing was deleted: the payment and its receipt are still there.
        assertThat(count("select count(*) from payment where plan_id = ?", plan)).isEqualTo(1);
        assertThat(api.post("/api/v1/payments/" + cheque.path("id").asString() + "/bounce", office,
                Map.of("reason", "again")).status()).isEqualTo(409);

        // A new payment takes the next number: the cancelled one keeps its own.
        JsonNode second = pay(office, plan, "6000.00", "CHEQUE",
                Map.of("reference", "004513", "chequeBank", "State Bank of India", "chequeDate", "2026-12-05"));
        assertThat(second.path("receiptNumber").asString()).isEqualTo("LKO/26-27/00002");
        Response cleared = api.post("/api/v1/payments/" + second.path("id").asString() + "/clearance", office, Map.of());
        assertThat(cleared.json().path("status").asString()).isEqualTo("CLEARED");
        assertThat(api.post("/api/v1/payments/" + second.path("id").asString() + "/bounce", office,
                Map.of("reason", "late")).status()).isEqualTo(409);
    }

    @Test
    void aPaymentEnteredInErrorIsReversedNotDeleted() {
        UUID branch = branch("JAI", "08", null);
        UUID plan = oneTimePlan(student("Isha Rao", null), branch, "8000.00");
        JsonNode cash = pay(backOffice(branch), plan, "8000.00", "CASH", Map.of());
        assertThat(installments(backOffice(branch), plan).getFirst().path("status").asString()).isEqualTo("PAID");
        Response reversed = api.post("/api/v1/payments/" + cash.path("id").asString() + "/reversal", backOffice(branch),
                Map.of("reason", "entered twice"));
        assertThat(reversed.status()).as(reversed.toString()).isEqualTo(200);
        assertThat(installments(backOffice(branch), plan).getFirst().path("status").asString()).isEqualTo("DUE");
        assertThat(api.post("/api/v1/payments/" + cash.path("id").asString() + "/reversal", backOffice(branch),
                Map.of("reason", "again")).status()).isEqualTo(409);
        assertThat(api.post("/api/v1/payments/" + cash.path("id").asString() + "/reversal", backOffice(branch),
                Map.of()).errorFields()).contains("reason");
    }

    @Test
    void receiptNumbersHaveNoGapsWhenPaymentsRaceAndWhenOneRollsBack() throws Exception {
        UUID branch = branch("BLR", "29", null);
        String office = backOffice(branch);
        List<UUID> planIds = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            planIds.add(oneTimePlan(student("Student " + i, null), branch, "1000.00"));
        }
        // A payment whose transaction rolls back after its number was taken gives the number back.
        UUID rolledBack = planIds.removeLast();
        try {
            transactions.executeWithoutResult(status -> {
                payments.take(plans.lock(rolledBack), new BigDecimal("100.00"), "CASH", null, null, null, null, null,
                        false);
                throw new IllegalStateException("the counter's printer jammed");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        assertThat(count("select count(*) from receipt where series = 'BLR'")).isZero();

        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<String>> calls = planIds.stream().<Callable<String>>map(plan -> () ->
                    pay(office, plan, "1000.00", "CASH", Map.of()).path("receiptNumber").asString()).toList();
            Set<String> numbers = new HashSet<>();
            for (Future<String> f : pool.invokeAll(calls)) {
                numbers.add(f.get());
            }
            Set<String> expected = new HashSet<>();
            for (int i = 1; i <= 11; i++) {
                expected.add("BLR/26-27/%05d".formatted(i));
            }
            assertThat(numbers).isEqualTo(expected);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aNewFinancialYearStartsANewSeries() {
        UUID branch = branch("HYD", "36", null);
        UUID plan = oneTimePlan(student("Arjun Reddy", null), branch, "5000.00");
        assertThat(pay(backOffice(branch), plan, "1000.00", "CASH", Map.of()).path("receiptNumber").asString())
                .isEqualTo("HYD/26-27/00001");
        setDay(LocalDate.of(2027, 3, 31));
        assertThat(pay(backOffice(branch), plan, "1000.00", "CASH", Map.of()).path("receiptNumber").asString())
                .isEqualTo("HYD/26-27/00002");
        setDay(LocalDate.of(2027, 4, 1));
        assertThat(pay(backOffice(branch), plan, "1000.00", "CASH", Map.of()).path("receiptNumber").asString())
                .isEqualTo("HYD/27-28/00001");
    }

    @Test
    void aBranchWithAGstinIssuesTaxInvoicesWithCgstAndSgstInItsStateAndIgstOutside() {
        UUID branch = branch("DLH", "07", "07AAPFU0939F1ZX");
        UUID local = student("Neha Gupta", "07");
        UUID fromUp = student("Rohit Singh", "09");
        UUID unknownState = student("Sara Ali", null);
        JsonNode intra = receiptOf(pay(backOffice(branch), oneTimePlan(local, branch, "18500.00"), "18500.00", "CASH",
                Map.of()), backOffice(branch));
        assertThat(intra.path("kind").asString()).isEqualTo("TAX_INVOICE");
        assertThat(intra.path("supplier").path("gstin").asString()).isEqualTo("07AAPFU0939F1ZX");
        assertThat(intra.path("placeOfSupply").asString()).isEqualTo("07");
        JsonNode line = intra.path("lines").get(0);
        assertThat(line.path("sac").asString()).isEqualTo("999293");
        assertThat(money(line.path("taxable"))).isEqualByComparingTo("15677.97");
        assertThat(money(line.path("cgst"))).isEqualByComparingTo("1411.02");
        assertThat(money(line.path("sgst"))).isEqualByComparingTo("1411.01");
        assertThat(money(line.path("igst"))).isEqualByComparingTo("0.00");
        assertThat(money(intra.path("total"))).isEqualByComparingTo("18500.00");
        assertThat(intra.path("totalInWords").asString()).isEqualTo("Eighteen Thousand Five Hundred Rupees Only");

        JsonNode inter = receiptOf(pay(backOffice(branch), oneTimePlan(fromUp, branch, "18500.00"), "18500.00", "UPI",
                upi("998877665544")), backOffice(branch));
        assertThat(inter.path("placeOfSupply").asString()).isEqualTo("09");
        assertThat(money(inter.path("igst"))).isEqualByComparingTo("2822.03");
        assertThat(money(inter.path("cgst"))).isEqualByComparingTo("0.00");
        assertThat(money(inter.path("taxable"))).isEqualByComparingTo("15677.97");

        // No state on record: the branch's own state is the place of supply.
        JsonNode unknown = receiptOf(pay(backOffice(branch), oneTimePlan(unknownState, branch, "1000.00"), "1000.00",
                "CASH", Map.of()), backOffice(branch));
        assertThat(unknown.path("placeOfSupply").asString()).isEqualTo("07");
        assertThat(money(unknown.path("sgst")).signum()).isPositive();
    }

    @Test
    void aPaymentOverSeveralInstallmentsIsTaxedPerLineInPaise() {
        UUID branch = branch("KOL", "19", "19AAPFU0939F1ZS");
        UUID student = student("Ananya Bose", "19");
        UUID batch = batch(branch, LocalDate.of(2026, 12, 1), LocalDate.of(2027, 2, 28));
        UUID plan = plan(student, branch, batch, "1000.01", FeeSchedule.Frequency.MONTHLY);
        JsonNode receipt = receiptOf(pay(backOffice(branch), plan, "3000.03", "CASH", Map.of()), backOffice(branch));
        assertThat(receipt.path("lines")).hasSize(3);
        for (JsonNode line : receipt.path("lines")) {
            // 1000.01 inclusive: taxable 847.47, CGST 76.27, SGST 76.27.
            assertThat(money(line.path("taxable"))).isEqualByComparingTo("847.47");
            assertThat(money(line.path("cgst"))).isEqualByComparingTo("76.27");
            assertThat(money(line.path("sgst"))).isEqualByComparingTo("76.27");
        }
        assertThat(money(receipt.path("taxable"))).isEqualByComparingTo("2542.41");
        assertThat(money(receipt.path("cgst")).add(money(receipt.path("sgst"))).add(money(receipt.path("taxable"))))
                .isEqualByComparingTo("3000.03");
    }

    @Test
    void onlinePaymentWithoutRazorpayKeysIsAClearProblem() {
        UUID branch = branch("AMD", "24", null);
        UUID student = student("Dev Patel", null);
        UUID plan = oneTimePlan(student, branch, "4000.00");
        String installment = installments(backOffice(branch), plan).getFirst().path("id").asString();
        Response link = api.post("/api/v1/installments/" + installment + "/payment-link", studentToken(student), Map.of());
        assertThat(link.status()).as(link.toString()).isEqualTo(503);
        assertThat(link.json().path("type").asString()).endsWith("online-payment-off");
        assertThat(link.json().path("detail").asString()).contains("COACHOS_RAZORPAY_KEY_ID");
    }

    private JsonNode receiptOf(JsonNode payment, String token) {
        Response receipt = api.get("/api/v1/receipts/" + payment.path("receiptId").asString(), token);
        assertThat(receipt.status()).as(receipt.toString()).isEqualTo(200);
        return receipt.json();
    }
}
