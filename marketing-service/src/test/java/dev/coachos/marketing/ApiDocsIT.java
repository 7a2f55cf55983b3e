package dev.coachos.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.coachos.testing.ApiClient.Response;
import dev.coachos.testing.ApiDocsLint;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document behind the gateway's Swagger UI, as a client (and a linter) reads it. */
class ApiDocsIT extends MarketingTestBase {

    private JsonNode document() {
        Response docs = api.get("/v3/api-docs", null);
        assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
        return docs.json();
    }

    @Test
    void everyOperationTakesABearerTokenButTheEnquiryForm() {
        JsonNode doc = document();
        ApiDocsLint.assertBearerScheme(doc);
        assertThat(doc.at("/paths/~1api~1v1~1leads/get/security/0/bearerAuth").isArray()).isTrue();
        assertThat(doc.at("/paths/~1api~1v1~1leads~1{id}~1conversion/post/security/0/bearerAuth").isArray()).isTrue();
        JsonNode enquiry = doc.at("/paths/~1api~1v1~1enquiries/post/security");
        assertThat(enquiry.size()).isEqualTo(1);
        assertThat(enquiry.get(0).isEmpty()).as("an empty requirement: the website's form sends no token").isTrue();
    }

    @Test
    void theGatewayIsTheOnlyServerAndTheDocumentLintsClean() {
        ApiDocsLint.assertGatewayIsTheOnlyServer(document(), port);
        ApiDocsLint.assertClean("marketing-service", api.get("/v3/api-docs", null).raw());
    }
}
