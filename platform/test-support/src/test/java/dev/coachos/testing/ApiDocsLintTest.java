package dev.coachos.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The lint helper passes a clean document and fails, naming the rule and the place, on a faulty one. */
class ApiDocsLintTest {

    private static final String CLEAN = """
            {
              "openapi": "3.1.0",
              "info": {"title": "Things", "version": "1", "description": "A test document."},
              "servers": [{"url": "http://localhost:8080"}],
              "paths": {
                "/api/v1/things/{id}": {
                  "get": {
                    "summary": "Read one thing",
                    "operationId": "thingGet",
                    "security": [{"bearerAuth": []}],
                    "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
                    "responses": {
                      "200": {"description": "The thing", "content": {"application/json": {"schema": {"type": "object"}}}},
                      "404": {"description": "No such thing", "content": {"application/problem+json": {"schema": {"type": "object",
                        "properties": {"type": {"type": "string"}, "title": {"type": "string"}}}}}}
                    }
                  }
                }
              },
              "components": {"securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer"}}}
            }""";

    @Test
    void aCleanDocumentPasses() {
        ApiDocsLint.Result result = ApiDocsLint.assertClean("lint-test-clean", CLEAN);
        assertThat(result.errors()).isZero();
        assertThat(result.warnings()).as(String.join("\n", result.problems())).isZero();
        assertThat(result.document()).exists();
    }

    @Test
    void aDocumentWithoutSummaryOrSecurityFailsWithTheLintersFindings() {
        String faulty = CLEAN.replace("\"summary\": \"Read one thing\",", "")
                .replace("\"security\": [{\"bearerAuth\": []}],", "");
        assertThatThrownBy(() -> ApiDocsLint.assertClean("lint-test-faulty", faulty))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("2 error(s)")
                .hasMessageContaining("operation-summary")
                .hasMessageContaining("security-defined")
                .hasMessageContaining("GET /api/v1/things/{id}");
    }

    @Test
    void nodeVersionsTheLinterRunsOn() {
        assertThat(ApiDocsLint.supported("v20.20.2")).isTrue();
        assertThat(ApiDocsLint.supported("v22.12.0")).isTrue();
        assertThat(ApiDocsLint.supported("v24.1.0")).isTrue();
        assertThat(ApiDocsLint.supported("v18.19.0")).isFalse();
        assertThat(ApiDocsLint.supported("v20.18.1")).isFalse();
        assertThat(ApiDocsLint.supported("v21.7.3")).isFalse();
        assertThat(ApiDocsLint.supported("v22.11.0")).isFalse();
    }

    @Test
    void pointersReadAsOperations() {
        assertThat(ApiDocsLint.where("#/paths/~1api~1v1~1users~1{id}/get/summary"))
                .isEqualTo("GET /api/v1/users/{id} › summary");
        assertThat(ApiDocsLint.where("#/components/schemas/Problem")).isEqualTo("components › schemas › Problem");
        assertThat(ApiDocsLint.where("#/")).isEqualTo("the document");
    }
}
