package dev.coachos.audit;

import org.junit.jupiter.api.Test;

import dev.coachos.testing.architecture.ServiceArchitecture;

/** The shared shape of a service (platform/test-support), kept true as audit-service grows. */
class ArchitectureTest {

    @Test
    void keepsTheSharedShape() {
        ServiceArchitecture.of("dev.coachos.audit").check();
    }
}
