package dev.coachos.platform.openapi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.OperationIdCustomizer;
import org.springdoc.core.utils.Constants;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

/**
 * Completes the document springdoc builds from the controllers: the gateway as the only server, an info block,
 * the bearer token scheme on every operation that needs a token (an empty requirement on public ones), and a
 * problem response for each error status an operation can answer with. It also keeps only the paths the gateway
 * routes, and then makes operation ids unique (the job of springdoc's own {@link OperationIdCustomizer}, which
 * this bean replaces so that it runs after paths are dropped).
 */
final class ApiDocument implements GlobalOpenApiCustomizer {

    static final String BEARER = "bearerAuth";

    private static final Set<HttpMethod> WRITES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);

    private final Info info;
    private final String serverUrl;
    private final List<PathPattern> documented;
    private final Access.Rules access;

    ApiDocument(Info info, String serverUrl, List<String> documentedPaths, Access.Rules access) {
        this.info = info;
        this.serverUrl = serverUrl;
        this.documented = documentedPaths.stream().map(PathPatternParser.defaultInstance::parse).toList();
        this.access = access;
    }

    @Override
    public void customise(OpenAPI openApi) {
        openApi.setInfo(merge(openApi.getInfo()));
        openApi.setServers(new ArrayList<>(List.of(new Server().url(serverUrl)
                .description("The gateway: the one address clients call"))));
        if (openApi.getPaths() != null) {
            openApi.getPaths().keySet().removeIf(path -> !Access.matchesAny(documented, path));
        }
        Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
        openApi.setComponents(components);
        Set<String> used = new TreeSet<>();
        boolean anyOperation = false;
        boolean anyProtected = false;
        if (openApi.getPaths() != null) {
            for (Map.Entry<String, PathItem> path : openApi.getPaths().entrySet()) {
                for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().readOperationsMap().entrySet()) {
                    HttpMethod method = HttpMethod.valueOf(entry.getKey().name());
                    Access who = access.of(method, path.getKey());
                    anyOperation = true;
                    anyProtected |= who != Access.PUBLIC;
                    document(entry.getValue(), method, who,
                            hasPathVariable(path.getKey(), path.getValue(), entry.getValue()), used);
                }
            }
        }
        if (anyProtected) {
            components.addSecuritySchemes(BEARER, new SecurityScheme()
                    .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                    .description("An access token from identity-service: call POST /api/v1/auth/login, then send the "
                            + "`accessToken` of the answer as `Authorization: Bearer <token>`. It expires after minutes; "
                            + "POST /api/v1/auth/refresh gives a new one."));
        }
        if (anyOperation) {
            // Every operation answers with problems (at least the gateway's), so the schema is always in use.
            components.addSchemas(ProblemDocs.SCHEMA, ProblemDocs.schema());
            for (Map.Entry<String, ProblemDocs.Kind> kind : ProblemDocs.KINDS.entrySet()) {
                if (used.contains(kind.getKey())) {
                    components.addResponses(kind.getValue().name(), ProblemDocs.response(kind.getValue()));
                }
            }
        }
        new OperationIdCustomizer().customise(openApi);
    }

    /** Security and problem responses of one operation; the statuses whose shared response it refers to go to {@code used}. */
    private static void document(Operation operation, HttpMethod method, Access who, boolean pathVariable,
            Set<String> used) {
        switch (who) {
            case PUBLIC -> operation.setSecurity(new ArrayList<>(List.of(new SecurityRequirement())));
            case TOKEN_OPTIONAL -> operation.setSecurity(new ArrayList<>(
                    List.of(new SecurityRequirement(), new SecurityRequirement().addList(BEARER))));
            case TOKEN_REQUIRED -> operation.setSecurity(new ArrayList<>(List.of(new SecurityRequirement().addList(BEARER))));
        }
        List<String> codes = new ArrayList<>();
        if (hasInput(operation)) {
            codes.add("400");
        }
        if (who != Access.PUBLIC) {
            codes.add("401");
        }
        if (who == Access.TOKEN_REQUIRED) {
            codes.add("403");
        }
        if (pathVariable) {
            codes.add("404");
        }
        if (who == Access.TOKEN_REQUIRED && WRITES.contains(method)) {
            codes.add("409");
        }
        // Every request passes the gateway: its rate limits, and its answers for a service that is down or slow.
        codes.addAll(List.of("429", "500", "503", "504"));

        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        for (String code : codes) {
            ApiResponse declared = responses.get(code);
            if (declared == null) {
                responses.addApiResponse(code, new ApiResponse().$ref(ProblemDocs.KINDS.get(code).ref()));
                used.add(code);
            }
        }
        operation.setResponses(sorted(responses));
        // A 4xx or 5xx status the controller described itself keeps its words and gets the problem body (springdoc
        // gives it the method's return type, which is the body of the success, not of the error).
        responses.forEach((code, response) -> {
            if (code.matches("[45]\\d\\d") && response.get$ref() == null && (response.getContent() == null
                    || !response.getContent().containsKey(MediaType.APPLICATION_PROBLEM_JSON_VALUE))) {
                response.setContent(ProblemDocs.content(null));
            }
        });
    }

    /** By status, as a reader looks for them: success first, then the errors. */
    private static ApiResponses sorted(ApiResponses responses) {
        ApiResponses sorted = new ApiResponses();
        responses.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> sorted.addApiResponse(entry.getKey(), entry.getValue()));
        sorted.setExtensions(responses.getExtensions());
        return sorted;
    }

    private static boolean hasInput(Operation operation) {
        return operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
    }

    private static boolean hasPathVariable(String path, PathItem item, Operation operation) {
        return path.contains("{") || inPath(item.getParameters()) || inPath(operation.getParameters());
    }

    private static boolean inPath(Collection<Parameter> parameters) {
        return parameters != null && parameters.stream().anyMatch(p -> "path".equals(p.getIn()));
    }

    private Info merge(Info generated) {
        if (generated == null || Constants.DEFAULT_TITLE.equals(generated.getTitle())) {
            return info;
        }
        // A service that wrote its own info keeps it; only what it left out is filled in.
        if (generated.getDescription() == null) {
            generated.setDescription(info.getDescription());
        }
        if (generated.getVersion() == null || Constants.DEFAULT_VERSION.equals(generated.getVersion())) {
            generated.setVersion(info.getVersion());
        }
        return generated;
    }
}
