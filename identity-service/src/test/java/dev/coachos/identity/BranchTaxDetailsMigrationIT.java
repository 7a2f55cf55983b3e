package dev.coachos.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.coachos.events.Actor;
import dev.coachos.events.EventEnvelope;
import dev.coachos.events.Topics;
import dev.coachos.events.identity.BranchUpdated;
import dev.coachos.events.identity.IdentityEvents;
import dev.coachos.messaging.inbox.IncomingEvent;
import dev.coachos.testing.TestDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * V10 on a database that already has branches: each gets a receipt series from its code (a taken
 * one ends in a number) and one BranchUpdated waiting in the outbox, in the envelope the outbox
 * itself writes, so finance-service learns the branches opened before the events existed.
 */
class BranchTaxDetailsMigrationIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Map<String, String> db;
    private static final Map<String, UUID> BRANCHES = new LinkedHashMap<>();

    @BeforeAll
    static void branchesOpenedBeforeV10() throws SQLException {
        db = TestDatabase.create("identityv10").springProperties("identity");
        flyway("9").migrate();
        Instant opened = Instant.parse("2026-04-01T09:00:00Z");
        try (Connection c = connect()) {
            int order = 0;
            for (String code : List.of("DEL-01", "del-02", "MUMBAI", "mumb-x", "A-B")) {
                UUID id = UUID.randomUUID();
                try (PreparedStatement insert = c.prepareStatement("""
                        insert into branch (id, code, name, city, state, is_active, created_at, updated_at, version)
                        values (?, ?, ?, ?, ?, ?, ?, ?, 0)""")) {
                    Timestamp at = Timestamp.from(opened.plusSeconds(order++));
                    insert.setObject(1, id);
                    insert.setString(2, code);
                    insert.setString(3, "Branch " + code);
                    insert.setString(4, code.startsWith("M") || code.startsWith("m") ? "Mumbai" : null);
                    insert.setString(5, null);
                    insert.setBoolean(6, !code.equals("MUMBAI"));
                    insert.setTimestamp(7, at);
                    insert.setTimestamp(8, at);
                    insert.executeUpdate();
                }
                BRANCHES.put(code, id);
            }
        }
        flyway(null).migrate();
    }

    @Test
    void everyBranchGetsAUniqueReceiptSeriesFromItsCodeOldestFirst() throws SQLException {
        Map<String, String> series = new LinkedHashMap<>();
        try (Connection c = connect(); ResultSet rs = c.createStatement()
                .executeQuery("select code, receipt_series from branch order by created_at")) {
            while (rs.next()) {
                series.put(rs.getString(1), rs.getString(2));
            }
        }
        assertThat(series).containsExactly(Map.entry("DEL-01", "DEL"), Map.entry("del-02", "DEL1"),
                Map.entry("MUMBAI", "MUMB"), Map.entry("mumb-x", "MUM1"), Map.entry("A-B", "AB"));
    }

    @Test
    void everyBranchIsAnnouncedOnceInTheEnvelopeTheOutboxWrites() throws SQLException {
        List<String> keys = new ArrayList<>();
        List<String> envelopes = new ArrayList<>();
        try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery("""
                select record_key, topic, type, envelope::text from outbox_event
                where published_at is null and parked_at is null and next_attempt_at <= now() and attempts = 0
                order by seq""")) {
            while (rs.next()) {
                keys.add(rs.getString(1));
                assertThat(rs.getString(2)).isEqualTo(Topics.IDENTITY);
                assertThat(rs.getString(3)).isEqualTo("BranchUpdated");
                envelopes.add(rs.getString(4));
            }
        }
        assertThat(keys).as("pending for the relay, oldest branch first")
                .containsExactlyElementsOf(BRANCHES.values().stream().map(UUID::toString).toList());

        // The same names as an envelope the platform writes, so every consumer reads it alike.
        JsonNode written = JSON.readTree(JSON.writeValueAsString(new EventEnvelope<>(UUID.randomUUID(), "BranchUpdated",
                1, Instant.now(), "identity-service", null, new Actor(null, List.of(), null, null, "system"),
                new BranchUpdated("b", "c", "n", null, null, null, null, "S", true))));
        JsonNode stored = JSON.readTree(envelopes.get(1));
        assertThat(stored.propertyNames()).containsExactlyInAnyOrderElementsOf(written.propertyNames());
        assertThat(stored.path("actor").propertyNames())
                .containsExactlyInAnyOrderElementsOf(written.path("actor").propertyNames());
        assertThat(stored.path("payload").propertyNames())
                .containsExactlyInAnyOrderElementsOf(written.path("payload").propertyNames());
        assertThat(stored.path("actor").path("via").asString()).isEqualTo("system");

        IncomingEvent event = IncomingEvent.read(envelopes.get(1));
        assertThat(event.type()).isEqualTo("BranchUpdated");
        assertThat(event.source()).isEqualTo("identity-service");
        assertThat(event.occurredAt()).isNotNull();
        assertThat(IdentityEvents.TYPES.get(event.type())).isEqualTo(BranchUpdated.class);
        BranchUpdated payload = event.payloadAs(BranchUpdated.class, IdentityEvents.SCHEMA_VERSION);
        assertThat(payload).isEqualTo(new BranchUpdated(BRANCHES.get("del-02").toString(), "del-02", "Branch del-02",
                null, null, null, null, "DEL1", true));
        BranchUpdated closed = IncomingEvent.read(envelopes.get(2)).payloadAs(BranchUpdated.class, 1);
        assertThat(closed.city()).isEqualTo("Mumbai");
        assertThat(closed.active()).isFalse();
        assertThat(envelopes.stream().map(e -> IncomingEvent.read(e).eventId()).distinct()).hasSize(BRANCHES.size());
    }

    @Test
    void theDatabaseKeepsTheTaxDetailsConsistent() throws SQLException {
        try (Connection c = connect()) {
            UUID delhi = BRANCHES.get("DEL-01");
            assertThat(c.createStatement().executeUpdate("update branch set state_code = '07', gstin = '07AAACC1206D1ZI'"
                    + " where id = '" + delhi + "'")).isEqualTo(1);
            assertThatThrownBy(() -> c.createStatement().executeUpdate(
                    "update branch set state_code = '27' where id = '" + delhi + "'"))
                    .hasMessageContaining("branch_gstin_in_its_state_ck");
            assertThatThrownBy(() -> c.createStatement().executeUpdate(
                    "update branch set state_code = null where id = '" + delhi + "'"))
                    .hasMessageContaining("branch_gstin_in_its_state_ck");
            assertThatThrownBy(() -> c.createStatement().executeUpdate(
                    "update branch set receipt_series = 'del' where id = '" + BRANCHES.get("A-B") + "'"))
                    .hasMessageContaining("branch_receipt_series_ck");
            assertThatThrownBy(() -> c.createStatement().executeUpdate(
                    "update branch set receipt_series = 'DEL' where id = '" + BRANCHES.get("A-B") + "'"))
                    .hasMessageContaining("branch_receipt_series_uk");
            try (ResultSet rs = c.createStatement().executeQuery(
                    "select count(*) from pg_constraint where conname = 'student_profile_state_code_ck'")) {
                assertThat(rs.next() && rs.getInt(1) == 1).as("a student's state code is checked too").isTrue();
            }
            assertThat(c.createStatement().executeUpdate("update branch set state_code = '99', gstin = null"
                    + " where id = '" + delhi + "'")).isEqualTo(1);
        }
    }

    private static Flyway flyway(String target) {
        var configuration = Flyway.configure()
                .dataSource(db.get("spring.datasource.url"), db.get("spring.datasource.username"),
                        db.get("spring.datasource.password"))
                .schemas("identity").defaultSchema("identity").createSchemas(false)
                .locations("classpath:db/migration");
        if (target != null) {
            configuration.target(target);
        }
        return configuration.load();
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(db.get("spring.datasource.url"), db.get("spring.datasource.username"),
                db.get("spring.datasource.password"));
    }
}
