package dev.coachos.course;

import org.junit.jupiter.api.Test;

import dev.coachos.testing.architecture.ServiceArchitecture;

/** course-service keeps the shape every service shares (thin controllers, no cycles, the caller at the edge). */
class ArchitectureTest {

    @Test
    void courseServiceKeepsTheSharedShape() {
        ServiceArchitecture.of("dev.coachos.course").check();
    }
}
