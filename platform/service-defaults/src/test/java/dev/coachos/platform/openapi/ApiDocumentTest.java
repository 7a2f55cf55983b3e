package dev.coachos.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.coachos.platform.security.TokenProperties;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.servers.Server;

/** What the document gains from {@link ApiDocument}, on a document shaped like springdoc's. */
class ApiDocumentTest {

    private static final TokenProperties TOKENS = new TokenProperties(null, null, null, null,
            List.of("/api/v1/auth/login", "/api/v1/calendar/feeds/*"), List.of("/api/v1/courses", "/api/v1/courses/*"));

    private final ApiDocument customizer = new ApiDocument(new Info().title("Coaching Center OS: test").version("1"),
            "https://coachos.example.in", List.of("/api/**"), Access.rules(TOKENS));

    @Test
    void protectedPublicAndOptionalOperationsSaySo() {
        OpenAPI doc = customised();
        assertThat(operation(doc, "/api/v1/courses/{id}", PathItem.HttpMethod.PATCH).getSecurity())
                .containsExactly(new SecurityRequirement().addList("bearerAuth"));
        assertThat(operation(doc, "/api/v1/auth/login", PathItem.HttpMethod.POST).getSecurity())
                .containsExactly(new SecurityRequirement());
        assertThat(operation(doc, "/api/v1/calendar/feeds/{file}", PathItem.HttpMethod.GET).getSecurity())
                .containsExactly(new SecurityRequirement());
        // The catalogue is read by anyone; a token sent along still counts.
        assertThat(operation(doc, "/api/v1/courses/{id}", PathItem.HttpMethod.GET).getSecurity())
                .containsExactly(new SecurityRequirement(), new SecurityRequirement().addList("bearerAuth"));
        assertThat(doc.getComponents().getSecuritySchemes().get("bearerAuth").getBearerFormat()).isEqualTo("JWT");
    }

    @Test
    void errorStatusesFitTheOperation() {
        OpenAPI doc = customised();
        assertThat(operation(doc, "/api/v1/courses/{id}", PathItem.HttpMethod.PATCH).getResponses())
                .containsOnlyKeys("200", "400", "401", "403", "404", "409", "429", "500", "503", "504");
        assertThat(operation(doc, "/api/v1/courses/{id}", PathItem.HttpMethod.GET).getResponses())
                .containsOnlyKeys("200", "400", "401", "404", "429", "500", "503", "504");
        ApiResponses login = operation(doc, "/api/v1/auth/login", PathItem.HttpMethod.POST).getResponses();
        assertThat(login).containsOnlyKeys("200", "400", "401", "429", "500", "503", "504");
        assertThat(List.copyOf(login.keySet())).as("in order of status").isSorted();
        // Described by the controller: its words stay, the body becomes a problem.
        assertThat(login.get("401").getDescription()).isEqualTo("Wrong e-mail or password");
        assertThat(login.get("401").getContent()).containsOnlyKeys("application/problem+json");
        assertThat(login.get("404")).isNull();
        assertThat(login.get("400").get$ref()).isEqualTo("#/components/responses/BadRequest");
        assertThat(doc.getComponents().getResponses()).containsOnlyKeys("BadRequest", "Unauthenticated",
                "Forbidden", "NotFound", "Conflict", "TooManyRequests", "UnexpectedError", "ServiceUnavailable",
                "GatewayTimeout");
        assertThat(doc.getComponents().getSchemas().get("Problem").getProperties())
                .containsKeys("type", "title", "status", "detail", "instance", "errors", "errorId");
    }

    @Test
    void theGatewayIsTheServerAndOnlyItsPathsAreListed() {
        OpenAPI doc = customised();
        assertThat(doc.getServers()).extracting(Server::getUrl).containsExactly("https://coachos.example.in");
        assertThat(doc.getPaths()).doesNotContainKey("/.well-known/jwks.json");
        assertThat(doc.getInfo().getTitle()).isEqualTo("Coaching Center OS: test");
        // Ids stay unique once a path is dropped, without a suffix the dropped one caused.
        assertThat(operation(doc, "/api/v1/auth/jwks", PathItem.HttpMethod.GET).getOperationId()).isEqualTo("authJwks");
    }

    @Test
    void controllerSubjectsNameOperations() {
        assertThat(OperationNames.subject(StudyNotesController.class)).isEqualTo("studyNotes");
        assertThat(OperationNames.subject(Fallbacks.class)).isEqualTo("fallbacks");
    }

    private OpenAPI customised() {
        Paths paths = new Paths();
        paths.addPathItem("/.well-known/jwks.json", new PathItem().get(op("authJwks")));
        paths.addPathItem("/api/v1/auth/jwks", new PathItem().get(op("authJwks")));
        Operation login = op("authLogin").requestBody(new RequestBody());
        login.getResponses().addApiResponse("401", new ApiResponse().description("Wrong e-mail or password"));
        paths.addPathItem("/api/v1/auth/login", new PathItem().post(login));
        paths.addPathItem("/api/v1/courses/{id}", new PathItem()
                .get(op("courseOne").addParametersItem(new Parameter().in("path").name("id")))
                .patch(op("courseUpdate").addParametersItem(new Parameter().in("path").name("id"))
                        .requestBody(new RequestBody())));
        paths.addPathItem("/api/v1/calendar/feeds/{file}", new PathItem()
                .get(op("calendarIcs").addParametersItem(new Parameter().in("path").name("file"))));
        OpenAPI doc = new OpenAPI().paths(paths).servers(List.of(new Server().url("http://localhost:41234")));
        customizer.customise(doc);
        return doc;
    }

    private static Operation op(String id) {
        return new Operation().operationId(id).summary("Do " + id)
                .responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("OK")));
    }

    private static Operation operation(OpenAPI doc, String path, PathItem.HttpMethod method) {
        return doc.getPaths().get(path).readOperationsMap().get(method);
    }

    private static final class StudyNotesController {
    }

    private static final class Fallbacks {
    }
}
