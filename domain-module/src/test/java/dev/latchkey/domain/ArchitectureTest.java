package dev.latchkey.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the domain plain Java, so that its rules stay testable in milliseconds. */
@AnalyzeClasses(packages = "dev.latchkey.domain", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule domainDependsOnlyOnTheJdkAndItself = classes()
            .that()
            .resideInAPackage("dev.latchkey.domain..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "dev.latchkey.domain..");

    @ArchTest
    static final ArchRule noFrameworkEntersTheDomain = noClasses()
            .that()
            .resideInAPackage("dev.latchkey.domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("jakarta..", "javax.persistence..", "com.fasterxml..", "org.eclipse..");

    @ArchTest
    static final ArchRule sharedDependsOnNoOtherDomainPackage = classes()
            .that()
            .resideInAPackage("dev.latchkey.domain.shared..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "dev.latchkey.domain.shared..");

    @ArchTest
    static final ArchRule scopesDependOnlyOnShared = classes()
            .that()
            .resideInAPackage("dev.latchkey.domain.scope..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "dev.latchkey.domain.shared..", "dev.latchkey.domain.scope..");

    @ArchTest
    static final ArchRule domainPackagesAreFreeOfCycles = slices().matching("dev.latchkey.domain.(*)..")
            .should()
            .beFreeOfCycles()
            .because("a package that imports its caller cannot be understood, tested or moved on its own");
}
