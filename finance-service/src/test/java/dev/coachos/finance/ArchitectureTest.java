package dev.coachos.finance;

import org.junit.jupiter.api.Test;

import dev.coachos.testing.architecture.ServiceArchitecture;

/** The shared shape of a service (platform/test-support), kept true as finance-service grows. */
class ArchitectureTest {

    @Test
    void keepsTheSharedShape() {
        ServiceArchitecture.of("dev.coachos.finance").check();
    }
}
