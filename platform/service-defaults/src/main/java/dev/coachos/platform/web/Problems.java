package dev.coachos.platform.web;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * RFC 9457 problem types of the suite. The {@code type} URIs are stable: clients may switch on
 * them. Services raise problems through the factories here so that the same failure reads the
 * same everywhere.
 */
public final class Problems {

    public static final URI VALIDATION = type("validation");
    public static final URI MALFORMED_REQUEST = type("malformed-request");
    public static final URI UNAUTHENTICATED = type("unauthenticated");
    public static final URI FORBIDDEN = type("forbidden");
    public static final URI NOT_FOUND = type("not-found");
    public static final URI METHOD_NOT_ALLOWED = type("method-not-allowed");
    public static final URI CONFLICT = type("conflict");
    public static final URI PAYLOAD_TOO_LARGE = type("payload-too-large");
    public static final URI UNSUPPORTED_MEDIA_TYPE = type("unsupported-media-type");
    public static final URI NOT_ACCEPTABLE = type("not-acceptable");
    public static final URI TOO_MANY_REQUESTS = type("too-many-requests");
    public static final URI SERVICE_UNAVAILABLE = type("service-unavailable");
    public static final URI GATEWAY_TIMEOUT = type("gateway-timeout");
    public static final URI UNEXPECTED = type("unexpected");

    private Problems() {
    }

    public static URI type(String slug) {
        return URI.create("urn:coachos:problem:" + slug);
    }

    public static ProblemDetail detail(HttpStatusCode status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }

    /**
     * The problem for a bare status, when nothing more is known than the status itself (an error
     * Tomcat or a filter raised before any controller): the suite's type for it where there is one,
     * else {@code http-<status>}, and a detail that says nothing about the service's internals.
     */
    public static ProblemDetail forStatus(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        String reason = known == null ? "Error" : known.getReasonPhrase();
        HttpStatusCode code = HttpStatusCode.valueOf(status);
        return switch (status) {
            case 400 -> detail(code, MALFORMED_REQUEST, "Malformed request",
                    "The request is malformed: its address, a header or its query string is not allowed or too large");
            case 401 -> detail(code, UNAUTHENTICATED, "Unauthenticated", "A valid access token is required");
            case 403 -> detail(code, FORBIDDEN, "Forbidden", "You do not have the permission this request needs");
            case 404 -> detail(code, NOT_FOUND, "Not found", "No such resource");
            case 405 -> detail(code, METHOD_NOT_ALLOWED, "Method not allowed", "The method is not allowed here");
            case 406 -> detail(code, NOT_ACCEPTABLE, "Not acceptable", "This resource is served as application/json");
            case 413 -> detail(code, PAYLOAD_TOO_LARGE, "Payload too large", "The request is too large");
            case 415 -> detail(code, UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", "Send the body as application/json");
            case 429 -> detail(code, TOO_MANY_REQUESTS, "Too many requests", "Too many requests; try again later");
            case 500 -> detail(code, UNEXPECTED, "Unexpected error", "Something went wrong on our side");
            case 503 -> detail(code, SERVICE_UNAVAILABLE, "Service unavailable", "The service cannot answer now; try again later");
            case 504 -> detail(code, GATEWAY_TIMEOUT, "Gateway timeout", "An answer took too long");
            default -> detail(code, type("http-" + status), reason, reason);
        };
    }

    /** 404 that names what was looked for and never says whether it exists elsewhere. */
    public static ErrorResponseException notFound(String what, Object id) {
        return raise(HttpStatus.NOT_FOUND, NOT_FOUND, "Not found", "No " + what + " with id " + id);
    }

    public static ErrorResponseException conflict(String detail) {
        return raise(HttpStatus.CONFLICT, CONFLICT, "Conflict", detail);
    }

    public static ErrorResponseException forbidden(String detail) {
        return raise(HttpStatus.FORBIDDEN, FORBIDDEN, "Forbidden", detail);
    }

    /** 400 naming one field, for rules a bean-validation annotation cannot express. */
    public static ErrorResponseException invalidField(String field, String message) {
        ProblemDetail problem = detail(HttpStatus.BAD_REQUEST, VALIDATION, "Invalid request",
                "The field " + field + " is invalid: " + message);
        problem.setProperty("errors", List.of(new FieldProblem(field, message)));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }

    /** 400 naming several fields (or lines of an uploaded file), each with what is wrong with it. */
    public static ErrorResponseException invalidFields(String detail, List<FieldProblem> problems) {
        ProblemDetail problem = detail(HttpStatus.BAD_REQUEST, VALIDATION, "Invalid request", detail);
        problem.setProperty("errors", List.copyOf(problems));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }

    public static ErrorResponseException raise(HttpStatus status, URI type, String title, String detail) {
        return new ErrorResponseException(status, detail(status, type, title, detail), null);
    }

    /** One failed field of a request, as listed in a validation problem's {@code errors}. */
    public record FieldProblem(String field, String message) {
    }
}
