package dev.coachos.platform.openapi;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import dev.coachos.platform.web.Problems;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;

/**
 * The RFC 9457 problem document as the suite writes it ({@link Problems}, {@code ProblemHandler}, the gateway's
 * problems), and one reusable response per status an operation may answer with one.
 */
final class ProblemDocs {

    static final String SCHEMA = "Problem";
    static final String SCHEMA_REF = "#/components/schemas/" + SCHEMA;

    /** The responses, by status code, with the name each has under {@code components/responses}. */
    static final Map<String, Kind> KINDS = kinds(
            new Kind(HttpStatus.BAD_REQUEST, "BadRequest",
                    "The request is malformed, or a field is invalid: `errors` lists each field with its message",
                    Problems.VALIDATION, "Invalid request", "Invalid field(s): email",
                    List.of(new Problems.FieldProblem("email", "must be a well-formed email address"))),
            new Kind(HttpStatus.UNAUTHORIZED, "Unauthenticated",
                    "No access token was sent where one is needed, or the one sent is invalid or has expired",
                    Problems.UNAUTHENTICATED, "Unauthenticated", "A valid access token is required", null),
            new Kind(HttpStatus.FORBIDDEN, "Forbidden",
                    "The token is valid but lacks the permission this operation needs, or the caller may not act on this",
                    Problems.FORBIDDEN, "Forbidden", "You do not have the permission this request needs", null),
            new Kind(HttpStatus.NOT_FOUND, "NotFound",
                    "Nothing with that identifier exists, or the caller may not see it",
                    Problems.NOT_FOUND, "Not found", "No course with id 0190f5e2-7c3a-7d4e-9b1a-2f6c8e4d5a10", null),
            new Kind(HttpStatus.CONFLICT, "Conflict",
                    "The request conflicts with the current state: a duplicate, a concurrent change, or a state that does not allow it",
                    Problems.CONFLICT, "Conflict", "A branch with code BLR already exists", null),
            new Kind(HttpStatus.TOO_MANY_REQUESTS, "TooManyRequests",
                    "A rate limit of the gateway was reached: wait the number of seconds in `Retry-After`",
                    Problems.TOO_MANY_REQUESTS, "Too many requests", "Slow down: try again in 3 s", null),
            new Kind(HttpStatus.INTERNAL_SERVER_ERROR, "UnexpectedError",
                    "An unexpected failure; `errorId` names the log entry that describes it",
                    Problems.UNEXPECTED, "Unexpected error",
                    "Something went wrong on our side; it was logged as 3f2b8c1e-9a4d-4e7b-8c2a-1d5e6f7a8b9c", null),
            new Kind(HttpStatus.SERVICE_UNAVAILABLE, "ServiceUnavailable",
                    "The service (or one it depends on) cannot be reached right now: try again after `Retry-After` seconds",
                    Problems.SERVICE_UNAVAILABLE, "Service unavailable",
                    "The service is not available right now; try again shortly", null),
            new Kind(HttpStatus.GATEWAY_TIMEOUT, "GatewayTimeout",
                    "The service did not answer the gateway in time; a write may or may not have happened",
                    Problems.GATEWAY_TIMEOUT, "Gateway timeout", "The service did not answer in time; try again", null));

    private ProblemDocs() {
    }

    private static Map<String, Kind> kinds(Kind... kinds) {
        Map<String, Kind> byCode = new LinkedHashMap<>();
        for (Kind kind : kinds) {
            byCode.put(Integer.toString(kind.status().value()), kind);
        }
        return byCode;
    }

    /** The problem document's schema: RFC 9457's members and the suite's {@code errors} and {@code errorId}. */
    static Schema<?> schema() {
        Schema<Object> field = typed("object")
                .description("One field of the request that was refused, and why")
                .addProperty("field", typed("string").description("The field's name or path, such as `schedule.days[0]`"))
                .addProperty("message", typed("string").description("What is wrong with its value"));
        field.setRequired(List.of("field", "message"));
        Schema<Object> problem = typed("object")
                .description("An RFC 9457 problem document, the body of every error response (`application/problem+json`).")
                .addProperty("type", typed("string").format("uri")
                        .description("What kind of problem this is, stable for clients to switch on; one of "
                                + knownTypes() + ".")
                        .example(Problems.NOT_FOUND.toString()))
                .addProperty("title", typed("string").description("A short summary of the kind of problem").example("Not found"))
                .addProperty("status", typed("integer").format("int32").minimum(java.math.BigDecimal.valueOf(400))
                        .maximum(java.math.BigDecimal.valueOf(599)).description("The HTTP status code").example(404))
                .addProperty("detail", typed("string").description("What went wrong with this request, for people"))
                .addProperty("instance", typed("string").format("uri-reference").description("The request path, where known"))
                .addProperty("errors", typed("array").items(field)
                        .description("Validation problems only: each refused field with its message, ordered by field"))
                .addProperty("errorId", typed("string")
                        .description("Unexpected errors only: the identifier under which the failure was logged"));
        problem.setRequired(List.of("type", "title", "status"));
        return problem;
    }

    /** The reusable response for one status: its description, and the problem document with an example. */
    static ApiResponse response(Kind kind) {
        ApiResponse response = new ApiResponse().description(kind.description()).content(content(kind.example()));
        if (kind.status() == HttpStatus.TOO_MANY_REQUESTS || kind.status() == HttpStatus.SERVICE_UNAVAILABLE) {
            response.addHeaderObject("Retry-After", new Header()
                    .description("Seconds to wait before trying again").schema(typed("integer").format("int32")));
        }
        return response;
    }

    /** The problem document as the body of a response an operation declared itself (its own description stays). */
    static Content content(Map<String, Object> example) {
        io.swagger.v3.oas.models.media.MediaType media = new io.swagger.v3.oas.models.media.MediaType()
                .schema(new Schema<>().$ref(SCHEMA_REF));
        if (example != null) {
            media.setExample(example);
        }
        return new Content().addMediaType(MediaType.APPLICATION_PROBLEM_JSON_VALUE, media);
    }

    static Schema<Object> typed(String type) {
        // Set for both spec versions: 3.0 writes `type`, 3.1 (springdoc's default) writes `types` as `type`.
        Schema<Object> schema = new Schema<>();
        schema.setType(type);
        schema.addType(type);
        return schema;
    }

    private static String knownTypes() {
        return Arrays.stream(Problems.class.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == URI.class)
                .map(ProblemDocs::value)
                .map(uri -> "`" + uri + "`")
                .collect(Collectors.joining(", "));
    }

    private static String value(Field field) {
        try {
            return field.get(null).toString();
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One status an operation may answer with a problem. */
    record Kind(HttpStatus status, String name, String description, URI type, String title, String detail,
            List<Problems.FieldProblem> errors) {

        String ref() {
            return "#/components/responses/" + name;
        }

        Map<String, Object> example() {
            Map<String, Object> example = new LinkedHashMap<>();
            example.put("type", type.toString());
            example.put("title", title);
            example.put("status", status.value());
            example.put("detail", detail);
            if (errors != null) {
                example.put("errors", errors.stream().map(Kind::fieldExample).toList());
            }
            if (status == HttpStatus.INTERNAL_SERVER_ERROR) {
                example.put("errorId", "3f2b8c1e-9a4d-4e7b-8c2a-1d5e6f7a8b9c");
            }
            return example;
        }

        private static Map<String, Object> fieldExample(Problems.FieldProblem error) {
            Map<String, Object> field = new LinkedHashMap<>();
            field.put("field", error.field());
            field.put("message", error.message());
            return field;
        }
    }
}
