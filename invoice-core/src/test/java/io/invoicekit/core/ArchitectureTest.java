package io.invoicekit.core;

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

    /** A package per concept, each usable without the ones that build on it. */
    @ArchTest
    static final ArchRule concepts_depend_on_each_other_without_cycles = slices()
            .matching("io.invoicekit.core.(*)..")
            .should().beFreeOfCycles();

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
