package dev.latchkey.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.latchkey.api.security.Guarded;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import java.util.Arrays;

/** The adapter ring's layering, checked on every build rather than in review. */
@AnalyzeClasses(packages = "dev.latchkey.api", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule everyResourceMethodNamesItsAuthorizationRow = methods()
            .that()
            .areAnnotatedWith(GET.class)
            .or()
            .areAnnotatedWith(POST.class)
            .or()
            .areAnnotatedWith(PUT.class)
            .or()
            .areAnnotatedWith(PATCH.class)
            .or()
            .areAnnotatedWith(DELETE.class)
            .or()
            .areAnnotatedWith(HEAD.class)
            .should()
            .beAnnotatedWith(Guarded.class)
            .because("Permission is the one table of who may call what; a method without a row is refused at runtime");

    @ArchTest
    static final ArchRule resourcesDoNotReachIntoPersistence = noClasses()
            .that()
            .resideInAPackage("dev.latchkey.api.rest..")
            .and()
            .haveSimpleNameEndingWith("Resource")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.latchkey.api.persistence..", "jakarta.persistence..")
            .because("a resource calls one application service; storage is behind the domain's ports");

    @ArchTest
    static final ArchRule persistenceDoesNotKnowTheWeb = noClasses()
            .that()
            .resideInAPackage("dev.latchkey.api.persistence..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.latchkey.api.rest..", "jakarta.ws.rs..");

    @ArchTest
    static final ArchRule adapterPackagesAreFreeOfCycles = slices().matching("dev.latchkey.api.(*)..")
            .should()
            .beFreeOfCycles()
            .because("a package that imports its caller cannot be understood, tested or moved on its own");

    // What each package-info says the package must not import, held against the code.
    @ArchTest
    static final ArchRule configImportsNothingOfTheServer = mustNotImport(
            "config", "rest", "security", "persistence", "plugins", "jobs", "openapi", "health", "startup", "wiring");

    @ArchTest
    static final ArchRule nothingImportsRest = noClasses()
            .that()
            .resideOutsideOfPackage("dev.latchkey.api.rest..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.latchkey.api.rest..")
            .because("the JAX-RS adapter is the outermost ring: nothing in the server calls into it");

    @ArchTest
    static final ArchRule productionCodeDoesNotImportTesting = noClasses()
            .that()
            .resideOutsideOfPackage("dev.latchkey.api.testing..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.latchkey.api.testing..")
            .because("package-info of dev.latchkey.api.testing says so: production reaches the test seams only "
                    + "through ports, and only with latchkey.testing.clock-control");

    @ArchTest
    static final ArchRule securityReachesStorageThroughPorts = mustNotImport("security", "rest", "persistence");

    @ArchTest
    static final ArchRule persistenceDecidesNothing = mustNotImport("persistence", "rest", "security", "plugins");

    @ArchTest
    static final ArchRule pluginsStayBelowTheWeb = mustNotImport("plugins", "rest", "security");

    @ArchTest
    static final ArchRule jobsStayBelowTheWeb = mustNotImport("jobs", "rest", "security");

    @ArchTest
    static final ArchRule openApiReadsAnnotationsOnly = mustNotImport("openapi", "persistence", "plugins");

    private static ArchRule mustNotImport(String pkg, String... others) {
        return noClasses()
                .that()
                .resideInAPackage("dev.latchkey.api." + pkg + "..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(Arrays.stream(others)
                        .map(other -> "dev.latchkey.api." + other + "..")
                        .toArray(String[]::new))
                .because("package-info of dev.latchkey.api." + pkg + " says so");
    }
}
