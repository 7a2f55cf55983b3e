package dev.coachos.testing.architecture;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;

/** The rules pass a service in the shape and name every way a service can leave it. */
class ServiceArchitectureTest {

    private static final String FIXTURES = "dev.coachos.testing.architecture.fixture";

    @Test
    void aServiceInTheShapePasses() {
        assertThatCode(() -> rules(FIXTURES + ".good").check()).doesNotThrowAnyException();
    }

    @Test
    void aServiceOutOfShapeFailsEveryRuleItBreaks() {
        assertThatThrownBy(() -> rules(FIXTURES + ".bad").check())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("breaks 7 architecture rule(s)")
                .hasMessageContaining("ThickController")
                .hasMessageContaining("the feature's service owns its SQL")
                .hasMessageContaining("transactions belong to the feature's service")
                .hasMessageContaining("nothing but Spring calls a controller")
                .hasMessageContaining("services take the Caller as a parameter")
                .hasMessageContaining("never in both directions")
                .hasMessageContaining("never with JPA entities or JDBC rows")
                .hasMessageContaining("Helpers");
    }

    private static ServiceArchitecture rules(String root) {
        JavaClasses classes = new ClassFileImporter().importPackages(root, "dev.coachos.platform.security");
        return ServiceArchitecture.of(root, classes);
    }
}
