package dev.coachos.finance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.coachos.testing.ApiClient.Response;
import dev.coachos.testing.ApiDocsLint;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document behind the gateway's Swagger UI, as a client (and a linter) reads it. */
class ApiDocsIT extends FinanceTestBase {

    private JsonNode document() {
        Response docs = api.get("/v3/api-docs", null);
        assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
        return docs.json();
    }

    @Test
    void everyOperationTakesABearerTokenButTheWebhook() {
        JsonNode doc = document();
        ApiDocsLint.assertBearerScheme(doc);
        assertThat(doc.at("/paths/~1api~1v1~1payments/post/security/0/bearerAuth").isArray()).isTrue();
        JsonNode webhook = doc.at("/paths/~1api~1v1~1webhooks~1razorpay/post/security");
        assertThat(webhook.size()).isEqualTo(1);
        assertThat(webhook.get(0).isEmpty()).as("an empty requirement: no token, the signature instead").isTrue();
    }

    @Test
    void theGatewayIsTheOnlyServerAndErrorsAreProblems() {
        JsonNode doc = document();
        ApiDocsLint.assertGatewayIsTheOnlyServer(doc, port);
        assertThat(doc.at("/paths/~1api~1v1~1payments/post/responses/400/$ref").asString())
                .isEqualTo("#/components/responses/BadRequest");
        assertThat(doc.at("/paths/~1api~1v1~1receipts~1{id}/get/responses/404/$ref").asString())
                .isEqualTo("#/components/responses/NotFound");
    }

    @Test
    void theDocumentLintsClean() {
        ApiDocsLint.assertClean("finance-service", api.get("/v3/api-docs", null).raw());
    }
}
