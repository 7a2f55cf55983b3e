package dev.coachos.communication.delivery;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.platform.data.PagedQuery;
import dev.coachos.platform.data.Sorting;
import dev.coachos.platform.data.Where;
import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.PageResponse;
import dev.coachos.platform.web.Paging;
import dev.coachos.platform.web.Problems;

/**
 * The delivery log as people read it: everything (read:messages with every branch), a branch's
 * (read:messages in a branch: messages to users the directory places in it; guardians' messages,
 * which name no user, only with every branch), and each user's own.
 */
@Service
class DeliveryLog {

    static final Set<String> STATUSES = Set.of("QUEUED", "SENDING", "SENT", "DELIVERED", "FAILED", "SKIPPED",
            "CANCELLED");
    private static final Sorting SORTING = Sorting.of(Map.of("createdAt", "d.created_at"), "d.created_at desc", "d.id");

    private final JdbcClient jdbc;

    DeliveryLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Filter(String status, Channel channel, Purpose purpose, UUID recipientUserId, String address, Instant from,
            Instant to) {
    }

    @Transactional(readOnly = true)
    PageResponse<DeliveryView> search(Filter filter, Caller caller, Paging paging) {
        Where where = Where.always();
        if (!caller.seesAllBranches()) {
            if (caller.branchId().isEmpty()) {
                throw Problems.forbidden("The delivery log is read within a branch or with every branch");
            }
            where.and("d.recipient_user_id in (select r.user_id from recipient r where r.branch_id = :branch)",
                    "branch", caller.branchId().get());
        }
        if (filter.status() != null) {
            String status = filter.status().strip().toUpperCase(Locale.ROOT);
            if (!STATUSES.contains(status)) {
                throw Problems.invalidField("status", "is one of " + String.join(", ", STATUSES.stream().sorted().toList()));
            }
            where.and("d.status = :status", "status", status);
        }
        if (filter.from() != null && filter.to() != null && filter.to().isBefore(filter.from())) {
            throw Problems.invalidField("to", "must not be before from");
        }
        if (filter.address() != null && filter.address().strip().length() > 320) {
            throw Problems.invalidField("address", "is at most 320 characters");
        }
        where.andIfPresent(filter.channel() == null ? null : filter.channel().name(), "d.channel = :channel", "channel");
        where.andIfPresent(filter.purpose() == null ? null : filter.purpose().name(), "d.purpose = :purpose", "purpose");
        where.andIfPresent(filter.recipientUserId(), "d.recipient_user_id = :user", "user");
        if (filter.address() != null && !filter.address().isBlank()) {
            where.and("lower(d.address) like :address escape '\\'", "address",
                    "%" + like(filter.address().strip().toLowerCase(Locale.ROOT)) + "%");
        }
        where.andIfPresent(filter.from() == null ? null : Timestamp.from(filter.from()), "d.created_at >= :from", "from");
        where.andIfPresent(filter.to() == null ? null : Timestamp.from(filter.to()), "d.created_at < :to", "to");
        return PagedQuery.page(jdbc, DeliveryView.COLUMNS, "delivery d", where, SORTING, paging, DeliveryView::readRow);
    }

    @Transactional(readOnly = true)
    PageResponse<DeliveryView> mine(Caller caller, Paging paging) {
        Where where = Where.always().and("d.recipient_user_id = :me", "me", caller.userId());
        return PagedQuery.page(jdbc, DeliveryView.COLUMNS, "delivery d", where, SORTING, paging, DeliveryView::readRow);
    }

    private static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
