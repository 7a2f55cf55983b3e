package dev.coachos.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordingFile;

class TokenClaimsTest {

    private static final Map<String, Object> CLAIMS = Map.of("iss", "coachos-identity", "sub", "user-1",
            "exp", 1_900_000_000L, "aud", "coachos");

    @Test
    void claimsKeepSpringsTypesAndTheIssuerItsText() {
        Map<String, Object> claims = TokenValidation.claims().convert(CLAIMS);

        assertThat(claims.get("iss")).isEqualTo("coachos-identity");
        assertThat(claims.get("sub")).isEqualTo("user-1");
        assertThat(claims.get("exp")).isEqualTo(Instant.ofEpochSecond(1_900_000_000L));
        assertThat(claims.get("aud")).isEqualTo(List.of("coachos"));
    }

    /** Spring's converter throws (and catches) an exception per token for an issuer that is no URL; ours none. */
    @Test
    void readingOurIssuerThrowsNothing() throws Exception {
        assertThat(exceptionsWhile(converter -> MappedJwtClaimSetConverter.withDefaults(Map.of()).convert(CLAIMS)))
                .as("the check sees the exceptions Spring's default converter throws").isPositive();
        assertThat(exceptionsWhile(converter -> TokenValidation.claims().convert(CLAIMS))).isZero();
    }

    private static int exceptionsWhile(Function<Void, Map<String, Object>> work) throws Exception {
        Path file = Files.createTempFile("claims", ".jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.JavaExceptionThrow").withStackTrace();
            recording.start();
            for (int i = 0; i < 20; i++) {
                work.apply(null);
            }
            recording.stop();
            recording.dump(file);
            return (int) RecordingFile.readAllEvents(file).stream()
                    .filter(event -> event.getStackTrace() != null && event.getStackTrace().getFrames().stream()
                            .anyMatch(f -> f.getMethod().getType().getName().contains("MappedJwtClaimSetConverter")))
                    .count();
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
