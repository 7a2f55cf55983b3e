package dev.coachos.platform.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import jakarta.validation.ConstraintViolationException;
import tools.jackson.core.JacksonException;

/**
 * Every error a servlet service returns is a problem document: validation failures list their
 * fields, unexpected failures say only that they happened and under which id they were logged.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Problems.FieldProblem> errors = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            errors.add(new Problems.FieldProblem(error.getField(), error.getDefaultMessage()));
        }
        ex.getBindingResult().getGlobalErrors()
                .forEach(error -> errors.add(new Problems.FieldProblem(error.getObjectName(), error.getDefaultMessage())));
        return validation(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Problems.FieldProblem> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                errors.add(new Problems.FieldProblem(error instanceof FieldError field ? field.getField()
                        : result.getMethodParameter().getParameterName(), error.getDefaultMessage()))));
        return validation(errors);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException ex) {
        List<Problems.FieldProblem> errors = ex.getConstraintViolations().stream()
                .map(v -> new Problems.FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return validation(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof RequestSizeLimit.TooLarge tooLarge) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(RequestSizeLimit.tooLarge(tooLarge.maxBytes()));
            }
        }
        String field = fieldOf(ex);
        StrictJson.Refused refused = causeOf(ex, StrictJson.Refused.class);
        if (refused != null) {
            return validation(List.of(new Problems.FieldProblem(field == null ? "body" : field, refused.reason())));
        }
        String detail = field == null
                ? "The request body is missing or is not valid JSON"
                : "The field " + field + " has a value of the wrong type or format";
        ProblemDetail problem = Problems.detail(HttpStatus.BAD_REQUEST, Problems.MALFORMED_REQUEST,
                "Malformed request", detail);
        if (field != null) {
            problem.setProperty("errors", List.of(new Problems.FieldProblem(field, "wrong type or format")));
        }
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return validation(List.of(new Problems.FieldProblem(ex.getParameterName(), "is required")));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex) {
        String message = causeOf(ex, Dates.OutOfRange.class) != null ? Dates.OUT_OF_RANGE : "has the wrong format";
        return validation(List.of(new Problems.FieldProblem(ex.getName(), message)));
    }

    /** Spring Security's firewall checks some headers and parameters only when a controller reads them. */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Object> rejected(RequestRejectedException ex) {
        return problem(HttpStatus.BAD_REQUEST, Problems.MALFORMED_REQUEST, "Malformed request",
                "A header or parameter of the request is not allowed");
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return problem(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "Not found", "No such resource");
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, Problems.METHOD_NOT_ALLOWED, "Method not allowed",
                "The method " + ex.getMethod() + " is not allowed here");
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, Problems.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
                "Send the body as application/json");
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(HttpStatus.NOT_ACCEPTABLE, Problems.NOT_ACCEPTABLE, "Not acceptable",
                "This resource is served as application/json");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> accessDenied(AccessDeniedException ex) {
        return problem(HttpStatus.FORBIDDEN, Problems.FORBIDDEN, "Forbidden",
                "You do not have the permission this request needs");
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> unauthenticated(AuthenticationException ex) {
        return problem(HttpStatus.UNAUTHORIZED, Problems.UNAUTHENTICATED, "Unauthenticated",
                "A valid access token is required");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex) {
        return unexpectedProblem(ex);
    }

    /** A failure of ours: logged with an id, answered with that id and nothing more. */
    static ResponseEntity<Object> unexpectedProblem(Exception ex) {
        String id = UUID.randomUUID().toString();
        log.error("Unexpected error {}", id, ex);
        ProblemDetail problem = Problems.detail(HttpStatus.INTERNAL_SERVER_ERROR, Problems.UNEXPECTED,
                "Unexpected error", "Something went wrong on our side; it was logged as " + id);
        problem.setProperty("errorId", id);
        return ResponseEntity.internalServerError().body(problem);
    }

    static ResponseEntity<Object> validation(List<Problems.FieldProblem> errors) {
        List<Problems.FieldProblem> sorted = errors.stream()
                .sorted(Comparator.comparing(Problems.FieldProblem::field)).toList();
        String fields = String.join(", ", sorted.stream().map(Problems.FieldProblem::field).distinct().toList());
        ProblemDetail problem = Problems.detail(HttpStatus.BAD_REQUEST, Problems.VALIDATION, "Invalid request",
                "Invalid field(s): " + fields);
        problem.setProperty("errors", sorted);
        return ResponseEntity.badRequest().body(problem);
    }

    static ResponseEntity<Object> problem(HttpStatus status, java.net.URI type, String title, String detail) {
        return ResponseEntity.status(status).body(Problems.detail(status, type, title, detail));
    }

    private static String fieldOf(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
                StringBuilder path = new StringBuilder();
                for (JacksonException.Reference ref : jackson.getPath()) {
                    if (ref.getPropertyName() != null) {
                        path.append(path.isEmpty() ? "" : ".").append(printable(ref.getPropertyName()));
                    } else if (ref.getIndex() >= 0) {
                        path.append('[').append(ref.getIndex()).append(']');
                    }
                }
                return path.isEmpty() ? null : path.toString();
            }
        }
        return null;
    }

    private static <T extends Throwable> T causeOf(Throwable ex, Class<T> type) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** A JSON name as it can be shown: control characters (a NUL in a map key) are written as escapes. */
    private static String printable(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.chars().forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.append((char) c);
            }
        });
        return out.toString();
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
