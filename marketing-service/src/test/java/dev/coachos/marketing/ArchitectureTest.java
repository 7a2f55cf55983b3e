package dev.coachos.marketing;

import org.junit.jupiter.api.Test;

import dev.coachos.testing.architecture.ServiceArchitecture;

/** The shared shape of a service (platform/test-support), kept true as marketing-service grows. */
class ArchitectureTest {

    @Test
    void keepsTheSharedShape() {
        ServiceArchitecture.of("dev.coachos.marketing").check();
    }
}
