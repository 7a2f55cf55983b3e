package dev.coachos.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.coachos.testing.ApiClient.Response;
import dev.coachos.testing.ApiDocsLint;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document behind the gateway's Swagger UI, as a client (and a linter) reads it. */
class ApiDocsIT extends IdentityTestBase {

    private JsonNode document() {
        Response docs = api.get("/v3/api-docs", null);
        assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
        return docs.json();
    }

    @Test
    void protectedOperationsTakeABearerTokenAndPublicOnesNone() {
        JsonNode doc = document();
        JsonNode scheme = doc.at("/components/securitySchemes/bearerAuth");
        assertThat(scheme.path("type").asString()).isEqualTo("http");
        assertThat(scheme.path("scheme").asString()).isEqualTo("bearer");
        assertThat(scheme.path("bearerFormat").asString()).isEqualTo("JWT");
        assertThat(doc.at("/paths/~1api~1v1~1users~1{id}/get/security/0/bearerAuth").isArray()).isTrue();
        JsonNode login = doc.at("/paths/~1api~1v1~1auth~1login/post/security");
        assertThat(login.size()).isEqualTo(1);
        assertThat(login.get(0).isEmpty()).as("an empty requirement: no token").isTrue();
    }

    @Test
    void theGatewayIsTheOnlyServerAndErrorsAreProblems() {
        JsonNode doc = document();
        ApiDocsLint.assertGatewayIsTheOnlyServer(doc, port);
        assertThat(doc.at("/info/title").asString()).isEqualTo("Coaching Center OS: identity-service");

        JsonNode getUser = doc.at("/paths/~1api~1v1~1users~1{id}/get/responses");
        assertThat(getUser.at("/404/$ref").asString()).isEqualTo("#/components/responses/NotFound");
        assertThat(getUser.at("/403/$ref").asString()).isEqualTo("#/components/responses/Forbidden");
        assertThat(doc.at("/components/responses/NotFound/content/application~1problem+json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(doc.at("/components/schemas/Problem/properties/errors/items/required").toString())
                .contains("field", "message");
        // A status the controller described itself keeps its words and gets the problem body.
        JsonNode refused = doc.at("/paths/~1api~1v1~1auth~1login/post/responses/401");
        assertThat(refused.path("description").asString()).isEqualTo("Wrong e-mail or password");
        assertThat(refused.at("/content/application~1problem+json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/Problem");
        // A list takes page, size and sort, not the one object parameter springdoc would make of them.
        assertThat(doc.at("/paths/~1api~1v1~1users/get/parameters").findValuesAsString("name"))
                .contains("page", "size", "sort").doesNotContain("paging", "pageable");
        // Only what the gateway routes: services fetch the keys at /.well-known/jwks.json directly.
        assertThat(doc.path("paths").has("/.well-known/jwks.json")).isFalse();
    }

    @Test
    void theDocumentLintsClean() {
        Response docs = api.get("/v3/api-docs", null);
        ApiDocsLint.assertClean("identity-service", docs.raw());
    }
}
