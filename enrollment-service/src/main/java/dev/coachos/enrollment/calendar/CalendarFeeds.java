package dev.coachos.enrollment.calendar;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.enrollment.batch.Batch;
import dev.coachos.enrollment.batch.Batches;
import dev.coachos.enrollment.identity.AccountDeactivated;
import dev.coachos.platform.security.Caller;
import dev.coachos.platform.security.OpaqueSecret;
import dev.coachos.platform.web.Problems;

/**
 * Private iCalendar feeds: one secret address per user, which calendar apps subscribe to without
 * a token. Only the secret's hash is stored; a new address ends the old one, and deactivating the
 * account ends it too.
 */
@Service
public class CalendarFeeds {

    private final JdbcClient jdbc;
    private final Batches batches;
    private final Calendar calendar;
    private final IcsFeed ics;
    private final String publicUrl;

    CalendarFeeds(JdbcClient jdbc, Batches batches, Calendar calendar, IcsFeed ics,
            @Value("${coachos.enrollment.public-url:http://localhost:8080}") String publicUrl) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.calendar = calendar;
        this.ics = ics;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /** A new secret feed address for the caller (any earlier one stops working). Shown once. */
    @Transactional
    public FeedAddress renew(Caller caller) {
        OpaqueSecret secret = OpaqueSecret.generate();
        jdbc.sql("""
                insert into calendar_feed (token_hash, user_id, teacher, created_at) values (?, ?, ?, ?)
                on conflict (user_id) do update set token_hash = excluded.token_hash, teacher = excluded.teacher,
                    created_at = excluded.created_at""")
                .params(secret.hash(), caller.userId(), caller.teacherProfileId().isPresent(), Timestamp.from(Instant.now()))
                .update();
        String path = "/api/v1/calendar/feeds/" + secret.value() + ".ics";
        return new FeedAddress(publicUrl + path, path);
    }

    /** The feed behind a secret address, as iCalendar text; 404 for an unknown or revoked secret. */
    @Transactional(readOnly = true)
    public String render(String secret) {
        record Owner(UUID user, boolean teacher) {
        }
        Owner owner = jdbc.sql("select user_id, teacher from calendar_feed where token_hash = ?")
                .param(OpaqueSecret.hashOf(secret))
                .query((rs, n) -> new Owner(rs.getObject("user_id", UUID.class), rs.getBoolean("teacher"))).optional()
                .orElseThrow(() -> Problems.notFound("calendar feed", "given"));
        List<Batch> own = owner.teacher() ? batches.taughtBy(owner.user()) : batches.studiedBy(owner.user());
        return ics.render(own, calendar.events(own));
    }

    /** A deactivated account's feed stops working. */
    @EventListener
    void revoke(AccountDeactivated deactivated) {
        jdbc.sql("delete from calendar_feed where user_id = ?").param(deactivated.userId()).update();
    }

    /** Where a feed is: the full address for calendar apps and its path behind the gateway. */
    public record FeedAddress(String url, String path) {
    }
}
