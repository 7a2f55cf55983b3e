package dev.coachos.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class OpaqueSecretTest {

    @Test
    void aSecretIsStoredAsTheHexSha256OfWhatTheClientGets() {
        // SHA-256("abc") from FIPS 180-2, appendix B.1
        assertThat(OpaqueSecret.hashOf("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        OpaqueSecret secret = OpaqueSecret.generate();
        assertThat(secret.hash()).isEqualTo(OpaqueSecret.hashOf(secret.value()));
        assertThat(secret.value()).matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void secretsDoNotRepeatAndNeverPrintTheirValue() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertThat(seen.add(OpaqueSecret.generate().value())).isTrue();
        }
        OpaqueSecret secret = OpaqueSecret.generate();
        assertThat(secret.toString()).doesNotContain(secret.value());
    }

    @Test
    void aHashThatDoesNotBelongToTheValueIsRefused() {
        assertThatThrownBy(() -> new OpaqueSecret("a", OpaqueSecret.hashOf("b"))).isInstanceOf(IllegalArgumentException.class);
    }
}
