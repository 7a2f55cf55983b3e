package dev.coachos.communication;

import org.junit.jupiter.api.Test;

import dev.coachos.testing.architecture.ServiceArchitecture;

/** The shared shape of a service (platform/test-support), kept true as communication-service grows. */
class ArchitectureTest {

    @Test
    void keepsTheSharedShape() {
        ServiceArchitecture.of("dev.coachos.communication").check();
    }
}
