package dev.coachos.identity.marketing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.events.identity.LeadAccountReady;
import dev.coachos.events.identity.LeadAccountRefused;
import dev.coachos.events.marketing.LeadConversionRequested;
import dev.coachos.identity.IdentityEvents;
import dev.coachos.identity.branch.Branches;
import dev.coachos.identity.role.Role;
import dev.coachos.identity.user.User;
import dev.coachos.identity.user.UserAdministration;
import dev.coachos.identity.user.Users;

/**
 * The second step of a lead's conversion: the lead gets a student account and marketing-service
 * hears which ({@code LeadAccountReady}), or why not ({@code LeadAccountRefused}).
 *
 * <ul>
 * <li>An account the lead already got (a redelivered request, or another attempt for the same
 * lead) is named again: {@code lead_account} keeps one account per lead.</li>
 * <li>Otherwise the live account with the lead's e-mail address (whatever its case) or, failing
 * that, with the lead's phone number (on its last ten digits, however either was typed) is linked
 * if it is an active student's.</li>
 * <li>An e-mail address or phone of a staff, teacher or deactivated account, or an e-mail address
 * of one student with the phone of another, is an {@code ACCOUNT_CONFLICT} for staff to resolve.</li>
 * <li>Nobody found: a student account is made in the lead's branch, without a password (a
 * set-password link is sent once the transaction commits).</li>
 * </ul>
 * The answer, the account and its record share the transaction of the event's inbox entry.
 * Requests for one lead are serialised by a transaction-scoped advisory lock, and the primary key
 * on the lead stops a second record should anything slip past it.
 */
@Service
class LeadAccounts {

    static final String ACCOUNT_CONFLICT = "ACCOUNT_CONFLICT";
    static final String INVALID_DETAILS = "INVALID_DETAILS";

    /** The same rule as the user API's ({@code NewUser}): something@something.something, no spaces. */
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");
    /** What the user API accepts as a phone number ({@code NewUser.PHONE}); E.164 always fits. */
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 -]{6,19}");

    private static final Logger log = LoggerFactory.getLogger(LeadAccounts.class);

    private final JdbcClient jdbc;
    private final Users users;
    private final UserAdministration administration;
    private final Branches branches;
    private final IdentityEvents events;

    LeadAccounts(JdbcClient jdbc, Users users, UserAdministration administration, Branches branches,
            IdentityEvents events) {
        this.jdbc = jdbc;
        this.users = users;
        this.administration = administration;
        this.branches = branches;
        this.events = events;
    }

    /** Answers one request; the caller applies it once per event, in this transaction. */
    @Transactional
    void answer(LeadConversionRequested request) {
        UUID leadId = UUID.fromString(request.leadId());
        // One request per lead at a time: a second waits here and then finds the first one's record.
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(hashtextextended(?, 0))) locked")
                .param("lead_account:" + leadId).query(Integer.class).single();
        Optional<Recorded> recorded = jdbc.sql("select user_id, created from lead_account where lead_id = ?")
                .param(leadId).query(Recorded.class).optional();
        if (recorded.isPresent()) {
            Recorded earlier = recorded.get();
            User user = users.findById(earlier.userId()).orElseThrow();
            if (request.email() == null || !user.getEmail().equalsIgnoreCase(request.email().trim())) {
                // The lead's e-mail was corrected after its account was made (or linked): never hand the
                // lead an account whose login is not the lead's address.
                refuse(request, ACCOUNT_CONFLICT, "This lead was given a student account for another e-mail"
                        + " address by an earlier conversion; correct that account's e-mail address (or the lead's"
                        + " back) and convert again.");
                return;
            }
            log.info("Lead {} already has account {}; answering again", leadId, user.getId());
            ready(request, user, earlier.created());
            return;
        }
        String email = request.email() == null ? "" : request.email().trim();
        String name = request.name() == null ? "" : request.name().trim();
        if (email.isEmpty() || email.length() > 254 || !EMAIL.matcher(email).matches()) {
            refuse(request, INVALID_DETAILS, "The lead has no valid e-mail address; it becomes the student's login,"
                    + " so correct it and convert again.");
            return;
        }
        if (name.isEmpty() || name.length() > 120) {
            refuse(request, INVALID_DETAILS, "The lead's name is missing or longer than 120 characters; correct it"
                    + " and convert again.");
            return;
        }
        UUID branchId;
        try {
            branchId = request.branchId() == null ? null : UUID.fromString(request.branchId());
        } catch (IllegalArgumentException e) {
            refuse(request, INVALID_DETAILS, "The lead's branch is not a branch id; correct it and convert again.");
            return;
        }
        if (branchId != null && !branches.existsById(branchId)) {
            refuse(request, INVALID_DETAILS, "The lead's branch is not known to the institute's directory; choose"
                    + " an existing branch and convert again.");
            return;
        }
        String digits = request.phone() == null ? "" : request.phone().replaceAll("[^0-9]", "");
        List<User> byPhone = digits.length() >= 6 ? users.findLiveByPhoneDigits(digits) : List.of();
        Optional<User> byEmail = users.findLiveByEmail(email);

        if (byEmail.isPresent()) {
            User user = byEmail.get();
            Optional<String> conflict = unusable(user, "e-mail address " + email);
            if (conflict.isEmpty() && byPhone.stream().anyMatch(p -> !p.getId().equals(user.getId()) && student(p))) {
                conflict = Optional.of("The e-mail address " + email + " belongs to one student and the phone number"
                        + " to another; correct the lead's details or the students' accounts and convert again.");
            }
            if (conflict.isEmpty() && branchId != null && user.getBranchId() != null
                    && !branchId.equals(user.getBranchId())) {
                conflict = Optional.of("The e-mail address " + email + " belongs to a student of another branch;"
                        + " that branch (or head office) converts this lead, or the student moves branch first.");
            }
            conflict.ifPresentOrElse(detail -> refuse(request, ACCOUNT_CONFLICT, detail),
                    () -> link(request, leadId, user));
            return;
        }
        if (!byPhone.isEmpty()) {
            // Found by phone only: the account's login is another address. Linking on the phone alone would
            // let whoever knows a number attach (and learn of) someone else's account, so staff must give the
            // lead the student's own e-mail address instead.
            refuse(request, ACCOUNT_CONFLICT, "The phone number " + request.phone() + " belongs to an existing"
                    + " account with another e-mail address; give the lead that person's own e-mail address (the"
                    + " account's login) and convert again, or correct the lead's phone number.");
            return;
        }
        String phone = request.phone() != null && PHONE.matcher(request.phone()).matches() ? request.phone() : null;
        User user = administration.createStudentForLead(email, name, phone, branchId);
        record(leadId, user, true);
        ready(request, user, true);
    }

    /** Why an account found by {@code what} cannot be the lead's, if it cannot. */
    private static Optional<String> unusable(User user, String what) {
        if (!student(user)) {
            return Optional.of("The " + what + " belongs to a staff or teacher account, not a student's; use the"
                    + " lead's own details and convert again.");
        }
        if (!user.isActive()) {
            return Optional.of("The " + what + " belongs to a deactivated student account; reactivate it (or"
                    + " correct the lead's details) and convert again.");
        }
        return Optional.empty();
    }

    private static boolean student(User user) {
        return user.getRole().getProfileType() == Role.ProfileType.STUDENT;
    }

    private void link(LeadConversionRequested request, UUID leadId, User user) {
        record(leadId, user, false);
        log.info("Lead {} linked to the existing student {}", leadId, user.getId());
        ready(request, user, false);
    }

    private void record(UUID leadId, User user, boolean created) {
        jdbc.sql("insert into lead_account (lead_id, user_id, created, created_at) values (?, ?, ?, ?)")
                .params(leadId, user.getId(), created, Timestamp.from(Instant.now())).update();
    }

    private void ready(LeadConversionRequested request, User user, boolean created) {
        events.leadAccountReady(new LeadAccountReady(request.leadId(), request.conversionId(),
                user.getId().toString(), created, user.getName(), user.getEmail(), request.branchId(),
                request.batchId(), request.discountType(), request.discount()));
    }

    private void refuse(LeadConversionRequested request, String reason, String detail) {
        log.info("Lead {} gets no account ({}): {}", request.leadId(), reason, detail);
        events.leadAccountRefused(new LeadAccountRefused(request.leadId(), request.conversionId(), reason, detail));
    }

    record Recorded(UUID userId, boolean created) {
    }
}
