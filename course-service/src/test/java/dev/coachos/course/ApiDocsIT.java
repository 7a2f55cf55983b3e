package dev.coachos.course;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.coachos.testing.ApiClient.Response;
import dev.coachos.testing.ApiDocsLint;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document behind the gateway's Swagger UI, as a client (and a linter) reads it. */
class ApiDocsIT extends CourseTestBase {

    private JsonNode document() {
        Response docs = api.get("/v3/api-docs", null);
        assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
        return docs.json();
    }

    @Test
    void writesTakeABearerTokenAndTheCatalogueIsReadWithOrWithoutOne() {
        JsonNode doc = document();
        ApiDocsLint.assertBearerScheme(doc);
        assertThat(doc.at("/paths/~1api~1v1~1courses/post/security/0/bearerAuth").isArray()).isTrue();
        JsonNode browse = doc.at("/paths/~1api~1v1~1courses/get/security");
        assertThat(browse.size()).isEqualTo(2);
        assertThat(browse.get(0).isEmpty()).as("anyone may read the catalogue").isTrue();
        assertThat(browse.get(1).path("bearerAuth").isArray()).as("a token sent along counts").isTrue();
    }

    @Test
    void theGatewayIsTheOnlyServerAndErrorsAreProblems() {
        JsonNode doc = document();
        ApiDocsLint.assertGatewayIsTheOnlyServer(doc, port);
        JsonNode create = doc.at("/paths/~1api~1v1~1courses/post/responses");
        assertThat(create.at("/403/$ref").asString()).isEqualTo("#/components/responses/Forbidden");
        assertThat(create.at("/409/$ref").asString()).isEqualTo("#/components/responses/Conflict");
        assertThat(doc.at("/components/responses/Conflict/content/application~1problem+json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/Problem");
    }

    @Test
    void theDocumentLintsClean() {
        ApiDocsLint.assertClean("course-service", api.get("/v3/api-docs", null).raw());
    }
}
