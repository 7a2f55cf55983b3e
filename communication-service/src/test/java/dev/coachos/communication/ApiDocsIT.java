package dev.coachos.communication;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.coachos.testing.ApiClient.Response;
import dev.coachos.testing.ApiDocsLint;
import dev.coachos.testing.IsolatedDatabase;
import dev.coachos.testing.ServiceIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document behind the gateway's Swagger UI, as a client (and a linter) reads it. Set up as
 * NotificationsIT is, without the broker: reading the document needs no events.
 */
@IsolatedDatabase(service = "communication")
class ApiDocsIT extends ServiceIntegrationTest {

    private JsonNode document() {
        Response docs = api.get("/v3/api-docs", null);
        assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
        return docs.json();
    }

    @Test
    void everyOperationTakesABearerToken() {
        JsonNode doc = document();
        ApiDocsLint.assertBearerScheme(doc);
        assertThat(doc.at("/paths/~1api~1v1~1notifications/get/security/0/bearerAuth").isArray()).isTrue();
        assertThat(doc.at("/paths/~1api~1v1~1notifications~1{id}~1read/post/security/0/bearerAuth").isArray()).isTrue();
        assertThat(doc.at("/paths/~1api~1v1~1queries/post/security/0/bearerAuth").isArray()).isTrue();
        assertThat(doc.at("/paths/~1api~1v1~1queries~1{id}~1status/post/security/0/bearerAuth").isArray()).isTrue();
    }

    @Test
    void theGatewayIsTheOnlyServerAndErrorsAreProblems() {
        JsonNode doc = document();
        ApiDocsLint.assertGatewayIsTheOnlyServer(doc, port);
        JsonNode read = doc.at("/paths/~1api~1v1~1notifications~1{id}~1read/post/responses");
        assertThat(read.at("/404/$ref").asString()).isEqualTo("#/components/responses/NotFound");
        assertThat(read.at("/400/$ref").asString()).isEqualTo("#/components/responses/BadRequest");
        assertThat(doc.at("/components/responses/BadRequest/content/application~1problem+json/example/type").asString())
                .isEqualTo("urn:coachos:problem:validation");
    }

    @Test
    void theDocumentLintsClean() {
        ApiDocsLint.assertClean("communication-service", api.get("/v3/api-docs", null).raw());
    }
}
