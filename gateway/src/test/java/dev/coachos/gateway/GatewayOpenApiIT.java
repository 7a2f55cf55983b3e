package dev.coachos.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.coachos.testing.ApiClient.Response;

/** The one Swagger UI: each service's document, read through the gateway's routes, and the token kept. */
class GatewayOpenApiIT extends GatewayTestBase {

    @Test
    void theUiListsEachServicesDocumentAndKeepsTheToken() {
        Response config = api.get("/v3/api-docs/swagger-config", null);
        assertThat(config.status()).as(config.toString()).isEqualTo(200);
        assertThat(config.json().path("urls").findValuesAsString("url")).containsExactlyInAnyOrder(
                "/v3/api-docs/identity", "/v3/api-docs/course", "/v3/api-docs/enrollment", "/v3/api-docs/communication",
                "/v3/api-docs/audit", "/v3/api-docs/assessment", "/v3/api-docs/finance", "/v3/api-docs/marketing");
        // It opens on identity-service, where the login is.
        assertThat(config.json().path("urls.primaryName").asString()).isEqualTo("identity-service");
        assertThat(config.json().path("persistAuthorization").asBoolean()).isTrue();
    }

    @Test
    void aServicesDocumentIsReadThroughItsRouteWithoutAToken() {
        Response document = api.get("/v3/api-docs/identity", null);
        assertThat(document.status()).as(document.toString()).isEqualTo(200);
        assertThat(document.json().at("/info/title").asString()).isEqualTo("stand-in");
    }

    @Test
    void theGatewaysOwnDocumentListsNothingAClientCouldCall() {
        Response own = api.get("/v3/api-docs", null);
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(own.json().path("paths").isEmpty()).as(own.toString()).isTrue();
    }
}
