package dev.coachos.platform.openapi;

import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import dev.coachos.platform.ServiceDefaultsAutoConfiguration;
import dev.coachos.platform.security.TokenProperties;
import dev.coachos.platform.web.Paging;
import io.swagger.v3.oas.models.info.Info;

/**
 * A servlet service that has springdoc on its classpath publishes a document clients can use through the
 * gateway's Swagger UI: see {@link ApiDocument}, {@link OperationNames} and {@link PagingParameters}; settings in
 * {@link OpenApiProperties}.
 */
@AutoConfiguration(after = ServiceDefaultsAutoConfiguration.class,
        beforeName = "org.springdoc.core.configuration.SpringDocConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springdoc.core.customizers.GlobalOpenApiCustomizer")
@EnableConfigurationProperties(OpenApiProperties.class)
public class OpenApiDefaults {

    static final String DEFAULT_SERVER_URL = "http://localhost:8080";

    static {
        // Read from page, size and sort: PagingParameters documents those instead.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Paging.class);
    }

    /**
     * Named as springdoc's operation id customizer, which springdoc then leaves out: this one does that job after
     * it has dropped the paths the gateway does not route.
     */
    @Bean(name = "globalOpenApiCustomizer")
    @ConditionalOnMissingBean(name = "globalOpenApiCustomizer")
    ApiDocument apiDocument(OpenApiProperties properties, TokenProperties tokens, Environment environment,
            ObjectProvider<BuildProperties> build, ApplicationContext context) {
        String service = environment.getProperty("spring.application.name", "service");
        Info info = new Info()
                .title(properties.title() != null ? properties.title() : "Coaching Center OS: " + service)
                .version(properties.version() != null ? properties.version() : version(build, context))
                .description(properties.description() != null ? properties.description() : """
                        The %s API of Coaching Center OS. Call it through the gateway: every operation that \
                        needs a token takes an access token from identity-service (`POST /api/v1/auth/login`) as \
                        `Authorization: Bearer <token>`, and checks a permission of the caller's role. Every error \
                        is an RFC 9457 problem document (`application/problem+json`) whose `type` is stable."""
                        .formatted(service));
        return new ApiDocument(info, serverUrl(properties, environment), properties.paths(), Access.rules(tokens));
    }

    @Bean
    @ConditionalOnMissingBean
    OperationNames openApiOperationNames() {
        return new OperationNames();
    }

    @Bean
    @ConditionalOnMissingBean
    PagingParameters openApiPagingParameters() {
        return new PagingParameters();
    }

    static String serverUrl(OpenApiProperties properties, Environment environment) {
        String url = properties.serverUrl() != null ? properties.serverUrl()
                : environment.getProperty("COACHOS_PUBLIC_URL", DEFAULT_SERVER_URL);
        // A trailing slash would double the one every path starts with.
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The build's version: from build-info when the jar has it, else its manifest (a packaged jar), else none. */
    private static String version(ObjectProvider<BuildProperties> build, ApplicationContext context) {
        BuildProperties properties = build.getIfAvailable();
        if (properties != null && properties.getVersion() != null) {
            return properties.getVersion();
        }
        for (Object application : context.getBeansWithAnnotation(
                org.springframework.boot.autoconfigure.SpringBootApplication.class).values()) {
            String version = org.springframework.util.ClassUtils.getUserClass(application).getPackage()
                    .getImplementationVersion();
            if (version != null) {
                return version;
            }
        }
        return "development";
    }
}
