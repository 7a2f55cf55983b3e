package dev.coachos.identity;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.springframework.web.bind.annotation.RestController;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.core.domain.JavaMethod;

import dev.coachos.testing.architecture.ServiceArchitecture;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;

/** Boundaries that keep the service's structure true as it grows. */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.coachos.identity");

    @Test
    void keepsTheSharedShape() {
        ServiceArchitecture.of("dev.coachos.identity").check();
    }

    @Test
    void entitiesNeverLeaveThroughTheApi() {
        methods().that().areDeclaredInClassesThat().areAnnotatedWith(RestController.class)
                .should(notReturnEntities())
                .check(classes);
    }

    @Test
    void entitiesKnowNothingOfTheWebLayer() {
        noClasses().that().areAnnotatedWith(Entity.class)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..")
                .check(classes);
    }

    @Test
    void onlyTheUserFeatureTouchesPasswordHashes() {
        noClasses().that().resideOutsideOfPackages("dev.coachos.identity.user..", "dev.coachos.identity.auth..")
                .should().callMethod(dev.coachos.identity.user.User.class, "getPasswordHash")
                .check(classes);
    }

    private static ArchCondition<JavaMethod> notReturnEntities() {
        return new ArchCondition<>("not return JPA entities") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                boolean entity = method.getRawReturnType().isAnnotatedWith(Entity.class)
                        || method.getReturnType().getAllInvolvedRawTypes().stream().anyMatch(t -> t.isAnnotatedWith(Entity.class));
                if (entity) {
                    events.add(SimpleConditionEvent.violated(method, method.getFullName() + " returns an entity"));
                }
            }
        };
    }
}
