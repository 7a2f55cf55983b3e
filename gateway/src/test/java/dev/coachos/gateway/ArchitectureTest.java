package dev.coachos.gateway;

import org.junit.jupiter.api.Test;

import dev.coachos.testing.architecture.ServiceArchitecture;

/** The shared shape (platform/test-support) holds for the gateway too: its one controller stays thin. */
class ArchitectureTest {

    @Test
    void keepsTheSharedShape() {
        ServiceArchitecture.of("dev.coachos.gateway").check();
    }
}
