package io.invoicekit.core;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

@AnalyzeClasses(packages = "io.invoicekit.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The domain is what every other module builds on; it must never pull jOOQ, JDBC or a framework in. */
    @ArchTest
    static final ArchRule core_depends_on_the_jdk_only = classes()
            .that().resideInAPackage("io.invoicekit.core..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.invoicekit.core..");

    /**
     * A package per concept, each usable without the ones that build on it. One pair of edges is
     * let through: the failures every concept throws live in one package with their sealed root (the
     * JVM demands it), and two of them name the values they report, a {@code TenantId} and the
     * {@code Violation}s of a {@code ValidationException}. Any other dependency of {@code failure} counts.
     */
    @ArchTest
    static final ArchRule concepts_depend_on_each_other_without_cycles = slices()
            .matching("io.invoicekit.core.(*)..")
            .should().beFreeOfCycles()
            .ignoreDependency(resideInAPackage("io.invoicekit.core.failure"),
                    resideInAnyPackage("io.invoicekit.core.tenant", "io.invoicekit.core.validation"));

    /** Today and now come from an injected Clock, so that overdue and paid dates can be tested and trusted. */
    @ArchTest
    static final ArchRule time_comes_from_an_injected_clock = noClasses()
            .that().resideInAPackage("io.invoicekit.core..")
            .should().callMethod(LocalDate.class, "now")
            .orShould().callMethod(LocalDateTime.class, "now")
            .orShould().callMethod(Instant.class, "now")
            .orShould().callMethod(Clock.class, "systemUTC")
            .orShould().callMethod(Clock.class, "systemDefaultZone")
            .orShould().callMethod(System.class, "currentTimeMillis");
}
