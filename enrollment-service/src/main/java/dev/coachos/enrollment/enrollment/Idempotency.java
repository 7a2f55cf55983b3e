package dev.coachos.enrollment.enrollment;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.coachos.enrollment.support.Sha256;
import dev.coachos.platform.web.Problems;

/**
 * {@code Idempotency-Key} for writes: the first request with a key claims it inside its own
 * transaction and stores its answer there; a retry with the same key gets that answer back and
 * changes nothing. A parallel retry waits on the claim until the first commits (or rolls back, in
 * which case it runs itself). The same key with a different request is refused (422).
 */
@Component
class Idempotency {

    private final JdbcClient jdbc;

    Idempotency(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the key for this request, or returns the answer stored for it. Call inside the write's transaction. */
    Optional<Stored> claim(UUID caller, String key, String requestJson) {
        String hash = Sha256.hex(requestJson);
        int claimed = jdbc.sql("""
                insert into idempotent_request (caller_id, key, request_hash, status, body, created_at)
                values (?, ?, ?, 0, '', ?) on conflict do nothing""")
                .params(caller, key, hash, Timestamp.from(Instant.now())).update();
        if (claimed == 1) {
            return Optional.empty();
        }
        Stored stored = jdbc.sql("select request_hash, status, body from idempotent_request where caller_id = ? and key = ?")
                .params(caller, key)
                .query((rs, n) -> new Stored(rs.getString("request_hash"), rs.getInt("status"), rs.getString("body")))
                .single();
        if (!stored.hash().equals(hash)) {
            throw reused();
        }
        return Optional.of(stored);
    }

    /** The stored answer of a finished request with this key, if any (same request only, else 422). */
    Optional<Stored> completed(UUID caller, String key, String requestJson) {
        Optional<Stored> stored = jdbc.sql("""
                select request_hash, status, body from idempotent_request where caller_id = ? and key = ? and status > 0""")
                .params(caller, key)
                .query((rs, n) -> new Stored(rs.getString("request_hash"), rs.getInt("status"), rs.getString("body")))
                .optional();
        if (stored.isPresent() && !stored.get().hash().equals(Sha256.hex(requestJson))) {
            throw reused();
        }
        return stored;
    }

    void remember(UUID caller, String key, int status, String body) {
        jdbc.sql("update idempotent_request set status = ?, body = ? where caller_id = ? and key = ?")
                .params(status, body, caller, key).update();
    }

    private static RuntimeException reused() {
        return Problems.raise(HttpStatus.UNPROCESSABLE_CONTENT, Problems.type("idempotency-key-reused"),
                "Idempotency key reused", "This Idempotency-Key was used for a different request");
    }


    /** A stored answer. */
    record Stored(String hash, int status, String body) {
    }
}
