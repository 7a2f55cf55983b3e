package dev.coachos.platform.web;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.dao.UncategorizedDataAccessException;
import org.springframework.data.core.PropertyReferenceException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Problems raised by the data layer: a bad sort property, a broken data rule, a concurrent change, a
 * database that cannot be reached now.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DataProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(DataProblemHandler.class);

    @ExceptionHandler(PropertyReferenceException.class)
    ResponseEntity<Object> unknownProperty(PropertyReferenceException ex) {
        return ProblemHandler.validation(List.of(new Problems.FieldProblem("sort",
                "cannot sort by " + ex.getPropertyName())));
    }

    @ExceptionHandler(InvalidDataAccessApiUsageException.class)
    ResponseEntity<Object> badUsage(InvalidDataAccessApiUsageException ex) {
        if (ex.getCause() instanceof PropertyReferenceException reference) {
            return unknownProperty(reference);
        }
        // The data layer refused what the request asked for (such as a page beyond any offset).
        log.info("Refused a request the data layer cannot serve: {}", ex.getMessage());
        return ProblemHandler.problem(HttpStatus.BAD_REQUEST, Problems.VALIDATION, "Invalid request",
                "The request asks for something that cannot be served, such as a page far beyond the last");
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> concurrentChange(OptimisticLockingFailureException ex) {
        return ProblemHandler.problem(HttpStatus.CONFLICT, Problems.CONFLICT, "Conflict",
                "Someone else changed this record at the same time; reload it and try again");
    }

    /**
     * The database cannot be reached or refuses this service now (down, restarting, its role locked
     * out, the pool exhausted, a lock or deadlock lost): nothing was changed, and the same request may
     * succeed in a moment, so a 503 with Retry-After rather than a 500.
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, CannotCreateTransactionException.class,
            TransientDataAccessResourceException.class, QueryTimeoutException.class,
            PessimisticLockingFailureException.class})
    ResponseEntity<Object> databaseUnavailable(Exception ex) {
        log.warn("The database could not serve a request: {}", ex.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .body(Problems.detail(HttpStatus.SERVICE_UNAVAILABLE, Problems.SERVICE_UNAVAILABLE,
                        "Service unavailable", "The database cannot be reached now; nothing was changed. Try again"
                                + " in a few seconds"));
    }

    /**
     * A failure the data layer could not name (with JPA, a rollback that failed because the database
     * had dropped the connection): a 503 when a lost connection is its cause, else a failure of ours.
     */
    @ExceptionHandler({UncategorizedDataAccessException.class, TransactionSystemException.class})
    ResponseEntity<Object> uncategorized(Exception ex) {
        return connectionLost(ex) ? databaseUnavailable(ex) : ProblemHandler.unexpectedProblem(ex);
    }

    /**
     * Whether a lost or refused database connection caused the failure: SQLSTATE class 08 (connection
     * exception), 57P0x (the server shutting down or terminating the session), the driver's transient or
     * recoverable connection exceptions, or the pool's own words for a connection it had closed (HikariCP
     * gives them no SQLSTATE).
     */
    static boolean connectionLost(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && (sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))
                    || "Connection is closed".equals(sql.getMessage()))) {
                return true;
            }
        }
        return false;
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> integrity(DataIntegrityViolationException ex) {
        log.info("Refused a change that breaks a data rule: {}", ex.getMostSpecificCause().getMessage());
        return ProblemHandler.problem(HttpStatus.CONFLICT, Problems.CONFLICT, "Conflict",
                "The change conflicts with existing data");
    }
}
