package dev.coachos.platform.sample;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.PageResponse;
import dev.coachos.platform.web.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import tools.jackson.databind.JsonNode;

/** The smallest service that uses service-defaults: what every real service gets without writing it. */
@SpringBootApplication
public class SampleApplication {

    @RestController
    static class Things {

        @GetMapping("/api/v1/things")
        @PreAuthorize("@permissions.allow('read:things')")
        PageResponse<String> list() {
            return PageResponse.of(new PageImpl<>(List.of("a", "b"), PageRequest.of(0, 2), 5), s -> s);
        }

        @PostMapping("/api/v1/things")
        @PreAuthorize("@permissions.allow('create:things')")
        Map<String, Object> create(@Valid @RequestBody NewThing thing) {
            return Map.of("name", thing.name(), "count", thing.count());
        }

        @GetMapping("/api/v1/things/me")
        Map<String, Object> me() {
            Caller caller = Caller.current();
            return Map.of("userId", caller.userId().toString(), "seesAllBranches", caller.seesAllBranches());
        }

        @GetMapping("/api/v1/things/conflict")
        void conflict() {
            throw Problems.conflict("That thing exists already");
        }

        /** Every kind of value a command record holds, read from JSON and echoed back. */
        @PostMapping("/api/v1/things/kinds")
        Kinds kinds(@RequestBody Kinds kinds) {
            return kinds;
        }

        /** Values a controller reads from the query string, a path variable and a header. */
        @GetMapping("/api/v1/things/named/{name}")
        Map<String, Object> named(@PathVariable String name, @RequestParam Optional<String> q,
                @RequestParam(required = false) LocalDate day, @RequestParam(required = false) Instant at,
                @RequestParam(required = false) OffsetDateTime when,
                @RequestHeader(name = "X-Note", required = false) String note) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("name", name);
            answer.put("q", q.orElse(null));
            answer.put("day", day);
            answer.put("at", at);
            answer.put("when", when);
            answer.put("note", note);
            return answer;
        }

        /** A public endpoint taking credentials, as a login does (public in the tests that call it). */
        @PostMapping("/api/v1/things/sign-in")
        ResponseEntity<Map<String, Object>> signIn(@RequestBody SignIn credentials) {
            boolean known = "ada@example.com".equals(credentials.email()) && "secret".equals(credentials.password());
            return known ? ResponseEntity.ok(Map.of("signedIn", true)) : ResponseEntity.status(401).build();
        }

        /** What the JDBC layer throws when the pool cannot get a connection (the database down). */
        @GetMapping("/api/v1/things/database-down")
        void databaseDown() {
            throw new org.springframework.jdbc.CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                    new java.sql.SQLTransientConnectionException("connection is not available, request timed out"));
        }

        /** What JPA throws when its rollback meets a connection the pool had closed after the database dropped it. */
        @GetMapping("/api/v1/things/rollback-lost")
        void rollbackLost() {
            throw new org.springframework.transaction.TransactionSystemException("Unable to rollback against JDBC Connection",
                    new java.sql.SQLException("Connection is closed"));
        }

        /** The same kind of failure with nothing to do with the connection: still a failure of ours. */
        @GetMapping("/api/v1/things/rollback-broken")
        void rollbackBroken() {
            throw new org.springframework.transaction.TransactionSystemException("Unable to rollback",
                    new IllegalStateException("a bug of ours"));
        }

        @GetMapping("/api/v1/things/boom")
        void boom() {
            throw new IllegalStateException("secret internals at db-host-7");
        }
    }

    record NewThing(@NotBlank String name, @Min(1) int count) {
    }

    record SignIn(String email, String password) {
    }

    record Kinds(String text, Integer number, Long big, Boolean flag, BigDecimal amount,
            Double ratio, LocalDate day, Instant at, OffsetDateTime when, Level level, List<String> tags,
            Map<String, String> labels, JsonNode extra, Map<String, Object> meta, Part part, List<Part> parts) {

        enum Level { LOW, HIGH }

        record Part(String title, Integer rank, LocalDate due) {
        }
    }
}
