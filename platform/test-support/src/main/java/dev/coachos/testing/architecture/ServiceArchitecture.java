package dev.coachos.testing.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.conditions.ArchPredicates.are;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.ArrayList;
import java.util.List;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The shape every service keeps (the rules behind "the shape to copy"): thin controllers, feature
 * packages without cycles, the caller read only at the edge, and no entity or database row in an
 * API. A service's {@code ArchitectureTest} calls {@code ServiceArchitecture.of("dev.coachos.x").check()},
 * which reports every broken rule at once.
 */
public final class ServiceArchitecture {

    static final String REST_CONTROLLER = "org.springframework.web.bind.annotation.RestController";
    static final String CONTROLLER = "org.springframework.stereotype.Controller";
    static final String TRANSACTIONAL = "org.springframework.transaction.annotation.Transactional";
    static final String JPA_ENTITY = "jakarta.persistence.Entity";
    static final String CALLER = "dev.coachos.platform.security.Caller";

    private final String rootPackage;
    private final JavaClasses classes;

    private ServiceArchitecture(String rootPackage, JavaClasses classes) {
        this.rootPackage = rootPackage;
        this.classes = classes;
    }

    /** The production classes (no tests) under a service's root package, such as {@code dev.coachos.enrollment}. */
    public static ServiceArchitecture of(String rootPackage) {
        JavaClasses imported = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(rootPackage);
        if (imported.isEmpty()) {
            throw new IllegalArgumentException("No classes found under " + rootPackage);
        }
        return new ServiceArchitecture(rootPackage, imported);
    }

    /** The rules over classes imported elsewhere (the rule set's own tests check fixtures with it). */
    static ServiceArchitecture of(String rootPackage, JavaClasses classes) {
        return new ServiceArchitecture(rootPackage, classes);
    }

    /** Checks every rule and fails with the violations of all of them. */
    public void check() {
        List<String> failures = new ArrayList<>();
        for (ArchRule rule : rules()) {
            EvaluationResult result = rule.evaluate(classes);
            if (result.hasViolation()) {
                failures.add(result.getFailureReport().toString());
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(rootPackage + " breaks " + failures.size() + " architecture rule(s):\n"
                    + String.join("\n\n", failures));
        }
    }

    /** The rules, each usable on its own. */
    public List<ArchRule> rules() {
        return List.of(controllersNeverTouchTheDatabaseOrTheOutbox(), controllersNeverOpenTransactions(),
                controllersArePackagePrivate(), onlyControllersReadTheCaller(), featurePackagesHaveNoCycles(),
                noEntityOrRowLeavesThroughTheApi(), noSupportPackage());
    }

    public ArchRule controllersNeverTouchTheDatabaseOrTheOutbox() {
        return noClasses().that(areControllers())
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..",
                        "jakarta.persistence..", "org.springframework.data.repository..",
                        "org.springframework.data.jpa.repository..", "dev.coachos.messaging.outbox..")
                .orShould().dependOnClassesThat().areAssignableTo("org.springframework.data.repository.Repository")
                .orShould().dependOnClassesThat(arePublishersOfThisService())
                .because("a controller checks the permission, validates, reads the caller and answers; the feature's"
                        + " service owns its SQL, transactions and events");
    }

    public ArchRule controllersNeverOpenTransactions() {
        return noMethods().that().areDeclaredInClassesThat(areControllers())
                .should().beAnnotatedWith(TRANSACTIONAL)
                .because("transactions belong to the feature's service")
                .allowEmptyShould(true);
    }

    public ArchRule controllersArePackagePrivate() {
        return classes().that(areControllers()).should().notBePublic()
                .because("nothing but Spring calls a controller").allowEmptyShould(true);
    }

    public ArchRule onlyControllersReadTheCaller() {
        return noClasses().that(not(areControllers()))
                .should().callMethod(CALLER, "current").orShould().callMethod(CALLER, "optional")
                .because("services take the Caller as a parameter; listeners and jobs have none");
    }

    public ArchRule featurePackagesHaveNoCycles() {
        return slices().matching(rootPackage + ".(*)..").should().beFreeOfCycles()
                .because("a feature package may use another, but never in both directions").allowEmptyShould(true);
    }

    public ArchRule noEntityOrRowLeavesThroughTheApi() {
        return methods().that().areDeclaredInClassesThat(areControllers())
                .should(notExposeEntitiesOrRows())
                .because("an API answers with records made for it, never with JPA entities or JDBC rows")
                .allowEmptyShould(true);
    }

    public ArchRule noSupportPackage() {
        return noClasses().should().resideInAPackage(rootPackage + "..support..")
                .because("each class lives with the feature it serves, or in the platform if it is not domain code");
    }

    private static DescribedPredicate<JavaClass> areControllers() {
        return are(DescribedPredicate.describe("controllers",
                c -> c.isAnnotatedWith(REST_CONTROLLER) || c.isAnnotatedWith(CONTROLLER)));
    }

    /** {@code <Domain>Events} in the service's root package: the one caller of the outbox. */
    private DescribedPredicate<JavaClass> arePublishersOfThisService() {
        return DescribedPredicate.describe("the service's event publisher",
                c -> c.getPackageName().equals(rootPackage) && c.getSimpleName().endsWith("Events"));
    }

    private static ArchCondition<JavaMethod> notExposeEntitiesOrRows() {
        return new ArchCondition<>("not take or return JPA entities or JDBC rows") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                List<JavaClass> involved = new ArrayList<>(method.getReturnType().getAllInvolvedRawTypes());
                method.getParameterTypes().forEach(p -> involved.addAll(p.getAllInvolvedRawTypes()));
                for (JavaClass type : involved) {
                    if (type.isAnnotatedWith(JPA_ENTITY) || resideInAPackage("java.sql..").test(type)
                            || resideInAPackage("org.springframework.jdbc..").test(type)) {
                        events.add(SimpleConditionEvent.violated(method,
                                method.getFullName() + " exposes " + type.getName()));
                    }
                }
            }
        };
    }
}
