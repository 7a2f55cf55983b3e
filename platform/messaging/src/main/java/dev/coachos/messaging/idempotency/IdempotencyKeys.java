package dev.coachos.messaging.idempotency;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import dev.coachos.platform.security.OpaqueSecret;
import dev.coachos.platform.web.Problems;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} for writes that move money or seats. The first request with a key claims
 * it inside the write's own transaction and stores its answer there; a retry with the same key and
 * the same request gets that answer back and changes nothing; a parallel retry waits on the claim
 * until the first commits (or rolls back, and then runs itself). The same key with another request
 * is a 422. Keys belong to a caller: two callers may use the same key. The table is
 * {@code META-INF/idempotency-table.sql}, copied into the service's migrations.
 */
public class IdempotencyKeys {

    public static final int MAX_KEY_LENGTH = 200;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json;

    public IdempotencyKeys(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        // Its own mapper: the fingerprint of a request must not change with a service's JSON settings.
        this.json = JsonMapper.builder().build();
    }

    /** A key as a client sent it: absent is fine, blank or longer than {@value #MAX_KEY_LENGTH} is a 400. */
    public static String validKey(String key) {
        if (key != null && (key.isBlank() || key.length() > MAX_KEY_LENGTH)) {
            throw Problems.invalidField("Idempotency-Key", "must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        return key;
    }

    /**
     * The answer of a finished request with this key, if any: call it before re-checking the request,
     * so that a retry of what succeeded is answered even if the world changed since.
     */
    public Optional<Answer> finished(UUID caller, String key, Object request) {
        if (key == null) {
            return Optional.empty();
        }
        return stored(caller, key, fingerprint(request), true).map(Answer::asReplay);
    }

    /**
     * Runs the write once per key, in one transaction with the claim and the stored answer; without a
     * key it just runs the write in a transaction.
     */
    public Answer once(UUID caller, String key, Object request, Supplier<Answer> write) {
        return transactions.execute(status -> {
            if (key == null) {
                return write.get();
            }
            String hash = fingerprint(request);
            int claimed = jdbc.sql("""
                    insert into idempotent_request (caller_id, key, request_hash, status, body, created_at)
                    values (?, ?, ?, 0, '', ?) on conflict do nothing""")
                    .params(caller, key, hash, Timestamp.from(Instant.now())).update();
            if (claimed == 0) {
                // Someone else holds or held the claim: once they committed, their answer is ours.
                return stored(caller, key, hash, false).map(Answer::asReplay)
                        .orElseThrow(() -> new IllegalStateException("a claimed idempotency key has no row"));
            }
            Answer answer = write.get();
            jdbc.sql("update idempotent_request set status = ?, body = ? where caller_id = ? and key = ?")
                    .params(answer.status(), answer.body(), caller, key).update();
            return answer;
        });
    }

    private Optional<Answer> stored(UUID caller, String key, String hash, boolean finishedOnly) {
        record Row(String hash, int status, String body) {
        }
        Optional<Row> row = jdbc.sql("select request_hash, status, body from idempotent_request where caller_id = ? and key = ?"
                + (finishedOnly ? " and status > 0" : ""))
                .params(caller, key)
                .query((rs, n) -> new Row(rs.getString("request_hash"), rs.getInt("status"), rs.getString("body")))
                .optional();
        if (row.isPresent() && !row.get().hash().equals(hash)) {
            throw Problems.raise(HttpStatus.UNPROCESSABLE_CONTENT, Problems.type("idempotency-key-reused"),
                    "Idempotency key reused", "This Idempotency-Key was used for a different request");
        }
        return row.map(r -> new Answer(r.status(), r.body(), false));
    }

    private String fingerprint(Object request) {
        return OpaqueSecret.hashOf(json.writeValueAsString(request));
    }

    /** What a write answered: its HTTP status and JSON body, and whether it is a stored answer given again. */
    public record Answer(int status, String body, boolean replayed) {

        /** A new answer (not replayed). */
        public static Answer of(int status, String body) {
            return new Answer(status, body, false);
        }

        Answer asReplay() {
            return new Answer(status, body, true);
        }

        /**
         * The answer as the API gives it: its status and JSON body, {@code Idempotent-Replayed}, and the
         * {@code Location} of the thing it made ({@code collection} + "/" + the body's {@code id}).
         */
        public ResponseEntity<String> toResponse(String collection) {
            String id = BODY_READER.readTree(body).path("id").asString();
            return ResponseEntity.status(status).location(URI.create(collection + "/" + id))
                    .header("Idempotent-Replayed", Boolean.toString(replayed))
                    .contentType(MediaType.APPLICATION_JSON).body(body);
        }

        private static final JsonMapper BODY_READER = JsonMapper.builder().build();
    }
}
