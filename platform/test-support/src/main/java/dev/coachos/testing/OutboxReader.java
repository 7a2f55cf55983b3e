package dev.coachos.testing;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What a service put in its outbox: the events a test expects to be published, oldest first. */
public final class OutboxReader {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;

    public OutboxReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The envelopes (as JSON text) of one type of event about one aggregate. */
    public List<String> events(String type, String aggregateId) {
        return jdbc.queryForList("select envelope::text from outbox_event where type = ? and record_key = ? order by seq",
                String.class, type, aggregateId);
    }

    /** The payloads of one type of event about one aggregate. */
    public List<JsonNode> payloads(String type, String aggregateId) {
        return events(type, aggregateId).stream().map(e -> JSON.readTree(e).path("payload")).toList();
    }

    /** Who or what caused each event of one type about one aggregate (the envelope's {@code actor}). */
    public List<JsonNode> actors(String type, String aggregateId) {
        return events(type, aggregateId).stream().map(e -> JSON.readTree(e).path("actor")).toList();
    }

    /** How many events of a type the service has stored, about any aggregate. */
    public int count(String type) {
        Integer n = jdbc.queryForObject("select count(*) from outbox_event where type = ?", Integer.class, type);
        return n == null ? 0 : n;
    }
}
