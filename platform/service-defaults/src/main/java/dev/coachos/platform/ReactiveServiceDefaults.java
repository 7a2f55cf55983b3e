package dev.coachos.platform;

import java.time.Duration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.function.client.WebClient;

import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;

import dev.coachos.platform.security.TokenProperties;
import dev.coachos.platform.security.TokenValidation;

/** Reactive applications (the gateway): the same token rules as every servlet service. */
@AutoConfiguration(before = ReactiveOAuth2ResourceServerAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class ReactiveServiceDefaults {

    @Bean
    @ConditionalOnMissingBean
    ReactiveJwtDecoder reactiveJwtDecoder(TokenProperties properties) {
        return decoder(properties);
    }

    /** The decoder every reactive application starts from (the gateway puts a cache in front of it). */
    public static NimbusReactiveJwtDecoder decoder(TokenProperties properties) {
        if (properties.jwkSetUri() == null) {
            throw new IllegalStateException("Set coachos.security.jwk-set-uri to identity-service's JWKS address");
        }
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 3000)
                .responseTimeout(Duration.ofSeconds(5));
        // Keys are cached; a token with an unknown key id makes the decoder fetch the set again,
        // never waiting longer than the timeouts above.
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri().toString())
                .jwsAlgorithm(TokenValidation.ALGORITHM)
                .webClient(WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build())
                .build();
        decoder.setJwtValidator(TokenValidation.validator(properties));
        decoder.setClaimSetConverter(TokenValidation.claims());
        return decoder;
    }
}
