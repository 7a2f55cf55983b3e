package dev.coachos.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.coachos.testing.ApiClient.Response;
import dev.coachos.testing.ApiDocsLint;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document behind the gateway's Swagger UI, as a client (and a linter) reads it. */
class ApiDocsIT extends EnrollmentTestBase {

    private JsonNode document() {
        Response docs = api.get("/v3/api-docs", null);
        assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
        return docs.json();
    }

    @Test
    void operationsTakeABearerTokenButACalendarFeedIsReadByItsAddress() {
        JsonNode doc = document();
        ApiDocsLint.assertBearerScheme(doc);
        assertThat(doc.at("/paths/~1api~1v1~1enrollments/post/security/0/bearerAuth").isArray()).isTrue();
        JsonNode feed = doc.at("/paths/~1api~1v1~1calendar~1feeds~1{file}/get/security");
        assertThat(feed.size()).isEqualTo(1);
        assertThat(feed.get(0).isEmpty()).as("an empty requirement: no token").isTrue();
    }

    @Test
    void theGatewayIsTheOnlyServerAndErrorsAreProblems() {
        JsonNode doc = document();
        ApiDocsLint.assertGatewayIsTheOnlyServer(doc, port);
        JsonNode one = doc.at("/paths/~1api~1v1~1enrollments~1{id}/get/responses");
        assertThat(one.at("/404/$ref").asString()).isEqualTo("#/components/responses/NotFound");
        assertThat(one.at("/401/$ref").asString()).isEqualTo("#/components/responses/Unauthenticated");
        assertThat(doc.at("/components/responses/NotFound/content/application~1problem+json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/Problem");
    }

    @Test
    void theDocumentLintsClean() {
        ApiDocsLint.assertClean("enrollment-service", api.get("/v3/api-docs", null).raw());
    }
}
