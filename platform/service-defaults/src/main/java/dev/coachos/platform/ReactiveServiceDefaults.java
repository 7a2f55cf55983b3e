package dev.coachos.platform;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import dev.coachos.platform.security.TokenProperties;
import dev.coachos.platform.security.TokenValidation;

/** Reactive applications (the gateway): the same token rules as every servlet service. */
@AutoConfiguration(before = ReactiveOAuth2ResourceServerAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class ReactiveServiceDefaults {

    @Bean
    @ConditionalOnMissingBean
    ReactiveJwtDecoder reactiveJwtDecoder(TokenProperties properties) {
        if (properties.jwkSetUri() == null) {
            throw new IllegalStateException("Set coachos.security.jwk-set-uri to identity-service's JWKS address");
        }
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri().toString())
                .jwsAlgorithm(TokenValidation.ALGORITHM)
                .build();
        decoder.setJwtValidator(TokenValidation.validator(properties));
        return decoder;
    }
}
