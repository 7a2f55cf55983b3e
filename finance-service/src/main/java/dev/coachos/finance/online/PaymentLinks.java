package dev.coachos.finance.online;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.coachos.finance.Reach;
import dev.coachos.finance.directory.Directory;
import dev.coachos.finance.money.Money;
import dev.coachos.finance.payment.Payments;
import dev.coachos.finance.plan.FeePlans;
import dev.coachos.platform.data.UuidV7;
import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.Problems;

/**
 * Payment links for installments, and what happens when one is paid. A link asks for what is
 * unpaid of its installment; the call to Razorpay runs outside any transaction, so no row is
 * locked while the provider answers. A paid link becomes a payment with a receipt exactly once:
 * the link's row is locked and marked PAID in the payment's transaction, and Razorpay's payment id
 * is unique among payments.
 */
@Service
public class PaymentLinks {

    private static final Logger log = LoggerFactory.getLogger(PaymentLinks.class);

    private final JdbcClient jdbc;
    private final Razorpay razorpay;
    private final FeePlans plans;
    private final Payments payments;
    private final Directory directory;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PaymentLinks(JdbcClient jdbc, Razorpay razorpay, FeePlans plans, Payments payments, Directory directory,
            TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.razorpay = razorpay;
        this.plans = plans;
        this.payments = payments;
        this.directory = directory;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * A link for what is unpaid of an installment: the student's own, or back office's for their
     * branch. An unpaid link made earlier for the same amount is given again rather than a second.
     */
    public LinkView create(UUID installmentId, Caller caller) {
        record Target(UUID planId, UUID studentId, UUID branchId, int seq, String status, BigDecimal unpaid,
                String course) {
        }
        Target target = jdbc.sql("""
                select i.plan_id, i.student_id, i.branch_id, i.seq, i.status, i.amount - i.paid as unpaid,
                       p.course_title || ' (' || p.batch_name || ')' as course
                from installment i join fee_plan p on p.id = i.plan_id where i.id = ?""").param(installmentId)
                .query((rs, n) -> new Target(rs.getObject("plan_id", UUID.class), rs.getObject("student_id", UUID.class),
                        rs.getObject("branch_id", UUID.class), rs.getInt("seq"), rs.getString("status"),
                        rs.getBigDecimal("unpaid"), rs.getString("course")))
                .optional().orElseThrow(() -> Problems.notFound("installment", installmentId));
        if (!caller.is(target.studentId()) && !Reach.manages(caller, target.branchId())) {
            Reach.requireRead(caller, "installment", installmentId, target.studentId(), target.branchId());
            throw Problems.forbidden("A payment link is asked for by the student or by back office (manage:fees)");
        }
        if (!List.of("DUE", "PARTIALLY_PAID").contains(target.status()) || target.unpaid().signum() <= 0) {
            throw Problems.raise(HttpStatus.CONFLICT, Problems.CONFLICT, "Conflict",
                    "Installment " + installmentId + " is " + target.status() + ": nothing is left to pay on it");
        }
        Optional<LinkView> existing = jdbc.sql("""
                select id, installment_id, amount, provider_link_id, short_url, status, created_at from payment_link
                where installment_id = ? and status = 'CREATED' and amount = ? order by created_at desc limit 1""")
                .params(installmentId, target.unpaid()).query((rs, n) -> LinkView.read(rs)).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        int earlier = jdbc.sql("select count(*) from payment_link where installment_id = ?").param(installmentId)
                .query(Integer.class).single();
        // Razorpay keeps reference ids unique: the first link carries the installment's id, later ones a suffix.
        String reference = earlier == 0 ? installmentId.toString() : installmentId + "-" + (earlier + 1);
        Optional<Directory.Student> student = directory.student(target.studentId());
        UUID linkId = UuidV7.next();
        Razorpay.Link link = razorpay.create(Money.toPaise(target.unpaid()), reference,
                "Fee installment " + target.seq() + ": " + target.course(),
                student.map(Directory.Student::name).orElse(null), student.map(Directory.Student::email).orElse(null),
                Map.of("installment_id", installmentId.toString(), "plan_id", target.planId().toString(),
                        "link_id", linkId.toString()));
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into payment_link (id, installment_id, plan_id, student_id, branch_id, amount, provider_link_id,
                    short_url, status, requested_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'CREATED', ?, ?)""")
                .params(linkId, installmentId, target.planId(), target.studentId(), target.branchId(), target.unpaid(),
                        link.id(), link.shortUrl(), caller.userId(), now)
                .update();
        return new LinkView(linkId, installmentId, target.unpaid(), link.id(), link.shortUrl(), "CREATED",
                now.toInstant());
    }

    /** Links of an installment, newest first, for whoever may read it. */
    public List<LinkView> ofInstallment(UUID installmentId, Caller caller) {
        record Owner(UUID studentId, UUID branchId) {
        }
        Owner owner = jdbc.sql("select student_id, branch_id from installment where id = ?").param(installmentId)
                .query((rs, n) -> new Owner(rs.getObject("student_id", UUID.class), rs.getObject("branch_id", UUID.class)))
                .optional().orElseThrow(() -> Problems.notFound("installment", installmentId));
        Reach.requireRead(caller, "installment", installmentId, owner.studentId(), owner.branchId());
        return jdbc.sql("""
                select id, installment_id, amount, provider_link_id, short_url, status, created_at from payment_link
                where installment_id = ? order by created_at desc""").param(installmentId)
                .query((rs, n) -> LinkView.read(rs)).list();
    }

    /**
     * A captured payment of a link: becomes a payment with its receipt, once. Whatever order and
     * however often the news comes (webhook deliveries, the reconciler), the link's row lock and the
     * unique payment reference let one through and turn the others into no-ops.
     *
     * @return whether a payment was made now
     */
    public boolean paid(String providerLinkId, String providerPaymentId, long amountPaise) {
        Boolean made = transactions.execute(status -> {
            record Row(UUID id, UUID planId, String status) {
            }
            Optional<Row> link = jdbc.sql("select id, plan_id, status from payment_link where provider_link_id = ? for update")
                    .param(providerLinkId)
                    .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getObject("plan_id", UUID.class),
                            rs.getString("status")))
                    .optional();
            if (link.isEmpty()) {
                throw new UnknownLink(providerLinkId);
            }
            if ("PAID".equals(link.get().status())) {
                return false;
            }
            Optional<UUID> recorded = jdbc.sql("select id from payment where method = 'ONLINE' and reference = ?")
                    .param(providerPaymentId).query(UUID.class).optional();
            boolean known = recorded.isPresent();
            UUID paymentId = recorded.orElse(null);
            if (!known) {
                FeePlans.Locked plan = plans.lock(link.get().planId());
                // Money already received is never refused: beyond what is pending it is an advance.
                paymentId = payments.take(plan, Money.fromPaise(amountPaise), "ONLINE", providerPaymentId, null, null,
                        "Razorpay payment link " + providerLinkId, null, true);
            }
            jdbc.sql("update payment_link set status = 'PAID', payment_id = ?, paid_at = ? where id = ?")
                    .params(paymentId, Timestamp.from(clock.instant()), link.get().id()).update();
            return !known;
        });
        if (Boolean.TRUE.equals(made)) {
            log.info("Razorpay link {} paid by {}: payment recorded", providerLinkId, providerPaymentId);
        }
        return Boolean.TRUE.equals(made);
    }

    /** A link as Razorpay sees it now. */
    Optional<Razorpay.Link> fetch(String providerLinkId) {
        return razorpay.fetch(providerLinkId);
    }

    /** A link expired or was cancelled at Razorpay; a paid one never goes back. */
    public void closed(String providerLinkId, String status) {
        jdbc.sql("update payment_link set status = ?, checked_at = ? where provider_link_id = ? and status = 'CREATED'")
                .params(status, Timestamp.from(clock.instant()), providerLinkId).update();
    }

    /** A webhook or answer named a link this service never made. */
    static final class UnknownLink extends RuntimeException {
        UnknownLink(String id) {
            super("no payment link " + id + " was made here");
        }
    }

    /** A payment link as the API shows it. */
    public record LinkView(UUID id, UUID installmentId, BigDecimal amount, String providerLinkId, String shortUrl,
            String status, Instant createdAt) {

        static LinkView read(java.sql.ResultSet rs) throws java.sql.SQLException {
            return new LinkView(rs.getObject("id", UUID.class), rs.getObject("installment_id", UUID.class),
                    rs.getBigDecimal("amount"), rs.getString("provider_link_id"), rs.getString("short_url"),
                    rs.getString("status"), rs.getTimestamp("created_at").toInstant());
        }
    }
}
