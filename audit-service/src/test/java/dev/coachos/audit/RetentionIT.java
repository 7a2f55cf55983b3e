package dev.coachos.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

import dev.coachos.audit.trail.AuditRecord;
import dev.coachos.audit.trail.Kind;
import dev.coachos.audit.trail.Partitions;
import dev.coachos.audit.trail.Retention;
import dev.coachos.testing.ApiClient.Response;
import tools.jackson.databind.JsonNode;

/**
 * Monthly partitions made ahead, and retention: whole months dropped, the chain verified across
 * the gap from the anchor each drop leaves. Records of past months are made by turning the
 * service's clock back; every date here is relative to the machine's own.
 */
@TestPropertySource(properties = {"coachos.audit.retention.login-months=24",
        "coachos.audit.retention.finance-months=96", "coachos.audit.retention.general-months="})
class RetentionIT extends AuditIntegrationTest {

    @Autowired
    Partitions partitions;
    @Autowired
    Retention retention;
    @Autowired
    MovableClock clock;

    @TestConfiguration
    static class Clocks {

        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

    /** The machine's clock, moved by an offset a test sets. */
    static final class MovableClock extends Clock {

        private volatile Duration offset = Duration.ZERO;

        void set(Duration offset) {
            this.offset = offset;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.offset(Clock.system(zone), offset);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }

    @Test
    void thisMonthsAndNextMonthsPartitionsExistForEveryKindFromTheStart() {
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        for (Kind kind : Kind.values()) {
            List<YearMonth> months = partitions.months(kind);
            // (A month may have turned between the start and this line: then next month's is the current one.)
            assertThat(months).as(kind.name()).containsAnyOf(now, now.minusMonths(1));
            assertThat(months).as(kind.name()).containsAnyOf(now.plusMonths(1), now);
            assertThat(months).as(kind.name()).hasSizeGreaterThanOrEqualTo(2);
        }
        assertThat(count("""
                select count(*) from pg_indexes where schemaname = 'audit' and tablename like 'audit_record_login_%'
                and indexname like '%actor%'""")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void retentionDropsWholeMonthsPastTheirTimeAndVerifyContinuesFromTheAnchor() {
        // Login records about 40 and 30 months ago, and now; a general record of long ago (kept for ever).
        List<AuditRecord> old = new ArrayList<>();
        clock.set(Duration.ofDays(-40 * 31));
        YearMonth oldest = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
        for (int i = 0; i < 3; i++) {
            old.add(append(login()));
        }
        AuditRecord ancientGeneral = append(event("ThingCreated", UUID.randomUUID().toString()));
        clock.set(Duration.ofDays(-30 * 31));
        YearMonth older = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
        List<AuditRecord> middle = List.of(append(login()), append(login()));
        clock.set(Duration.ZERO);
        AuditRecord recent = append(login());
        assertThat(partitions.months(Kind.LOGIN)).contains(oldest, older);
        Response before = api.get("/api/v1/audit/verify", auditor());
        assertThat(before.json().path("intact").asBoolean()).as(before.toString()).isTrue();

        List<Retention.Dropped> dropped = retention.apply();

        assertThat(dropped).extracting(Retention.Dropped::kind).containsOnly(Kind.LOGIN);
        assertThat(dropped).extracting(Retention.Dropped::month).contains(oldest, older);
        assertThat(dropped.stream().mapToLong(Retention.Dropped::records).sum()).isEqualTo(5);
        assertThat(partitions.months(Kind.LOGIN)).doesNotContain(oldest, older);
        assertThat(count("select count(*) from audit_record where id = ?", old.get(0).id())).isZero();
        assertThat(count("select count(*) from audit_record where id = ?", middle.get(1).id())).isZero();
        assertThat(count("select count(*) from audit_record where id = ?", ancientGeneral.id())).isOne();
        assertThat(jdbc.queryForObject(
                "select last_hash from chain_anchor where kind = 'LOGIN' order by last_seq desc limit 1",
                String.class)).isEqualTo(middle.get(1).chain().hash());

        Response after = api.get("/api/v1/audit/verify", auditor());
        JsonNode login = after.json().path("chains").valueStream()
                .filter(c -> c.path("kind").asString().equals("LOGIN")).findFirst().orElseThrow();
        assertThat(after.json().path("intact").asBoolean()).as(after.toString()).isTrue();
        assertThat(login.path("anchoredAfterSeq").asLong()).isEqualTo(middle.get(1).chain().seq());
        assertThat(login.path("checked").asLong()).isEqualTo(1);
        assertThat(recent.chain().previousHash()).isEqualTo(middle.get(1).chain().hash());
        // Running again drops nothing more.
        assertThat(retention.apply()).isEmpty();
    }

    @Test
    void theServiceRoleCanNeitherDropTheCurrentMonthNorSkipAnOlderOne() {
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        assertThatThrownBy(() -> jdbc.queryForObject("select drop_audit_month('GENERAL', ?)", Long.class,
                now.atDay(1))).rootCause().hasMessageContaining("current month");
        clock.set(Duration.ofDays(-20 * 31));
        YearMonth first = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
        append(event("ThingCreated", UUID.randomUUID().toString()));
        clock.set(Duration.ofDays(-10 * 31));
        YearMonth second = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
        append(event("ThingCreated", UUID.randomUUID().toString()));
        clock.set(Duration.ZERO);
        assertThat(partitions.months(Kind.GENERAL)).contains(first, second);
        assertThatThrownBy(() -> jdbc.queryForObject("select drop_audit_month('GENERAL', ?)", Long.class,
                second.atDay(1))).rootCause().hasMessageContaining("only the oldest month");
        assertThatThrownBy(() -> jdbc.update("drop table audit_record_general_" + first.toString().replace('-', '_')))
                .rootCause().hasMessageContaining("must be owner");
    }

    private static dev.coachos.audit.trail.NewRecord login() {
        return event(Kind.LOGIN, "UserLoggedIn", "identity-service", "User", UUID.randomUUID().toString(),
                UUID.randomUUID(), null, "{}");
    }
}
