package dev.coachos.marketing.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.coachos.testing.ApiClient.Response;
import dev.coachos.testing.ApiDocsLint;
import tools.jackson.databind.JsonNode;

/** The campaign operations in the OpenAPI document: each described, each behind the bearer token, and the document lints clean. */
class CampaignApiDocsIT extends CampaignTestBase {

    private static final Map<String, List<String>> OPERATIONS = Map.of(
            "/api/v1/campaigns", List.of("get", "post"),
            "/api/v1/campaigns/report", List.of("get"),
            "/api/v1/campaigns/{id}", List.of("get", "patch"),
            "/api/v1/campaigns/{id}/status", List.of("post"),
            "/api/v1/campaigns/{id}/spend", List.of("get", "post"),
            "/api/v1/campaigns/{id}/spend/{spendId}/reversal", List.of("post"));

    @Test
    void everyCampaignOperationHasASummaryAndTakesTheBearerToken() {
        Response docs = api.get("/v3/api-docs", null);
        assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
        JsonNode paths = docs.json().path("paths");
        OPERATIONS.forEach((path, methods) -> methods.forEach(method -> {
            JsonNode operation = paths.path(path).path(method);
            assertThat(operation.path("summary").asString()).as(method + " " + path).isNotBlank();
            assertThat(operation.at("/security/0/bearerAuth").isArray()).as(method + " " + path).isTrue();
        }));
        assertThat(paths.at("/~1api~1v1~1campaigns~1report/get/parameters").valueStream()
                .map(p -> p.path("name").asString())).containsExactlyInAnyOrder("from", "to", "branchId");
    }

    @Test
    void theDocumentLintsClean() {
        ApiDocsLint.assertClean("marketing-service", api.get("/v3/api-docs", null).raw());
    }
}
