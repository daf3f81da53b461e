package io.invoicekit.persistence;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The artifacts' public API, checked the way a {@code module-info} would enforce it: generated jOOQ
 * code and driver or pool internals never appear in a public signature, and only the places meant
 * for the service's own SQL speak jOOQ.
 */
@AnalyzeClasses(packages = "io.invoicekit", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String GENERATED = "io.invoicekit.persistence.internal.jooq..";

    @ArchTest
    static final ArchRule generated_jooq_classes_are_used_only_inside_invoice_persistence = noClasses()
            .that().resideOutsideOfPackage("io.invoicekit.persistence..")
            .should().dependOnClassesThat().resideInAPackage(GENERATED);

    @ArchTest
    static final ArchRule no_public_signature_shows_generated_code_or_driver_types = codeUnits()
            .that().arePublic()
            .and().areDeclaredInClassesThat().arePublic()
            .and().areDeclaredInClassesThat().resideOutsideOfPackage(GENERATED)
            .should().haveRawReturnType(not(resideInAnyPackage(GENERATED, "org.postgresql..")))
            .andShould().haveRawParameterTypes(none(resideInAnyPackage(GENERATED, "org.postgresql..")));

    /**
     * jOOQ types go in (the service's context to build on) and out (tx.dsl()) of these two only.
     * Of public classes: the accessors of a record (ShapeSql's rendered and bound SQL) are public
     * but no caller's.
     */
    @ArchTest
    static final ArchRule repositories_never_hand_jooq_types_to_callers = methods()
            .that().arePublic()
            .and().areDeclaredInClassesThat().resideInAPackage("io.invoicekit.persistence")
            .and().areDeclaredInClassesThat().arePublic()
            .and().areDeclaredInClassesThat().doNotBelongToAnyOf(InvoiceStore.Builder.class)
            .and(not(DescribedPredicate.describe("TenantTransaction.dsl()", method ->
                    method.getOwner().isEquivalentTo(TenantTransaction.class) && method.getName().equals("dsl"))))
            .should().haveRawReturnType(not(resideInAPackage("org.jooq..")))
            .andShould().haveRawParameterTypes(none(resideInAPackage("org.jooq..")));

    @ArchTest
    static final ArchRule the_domain_never_sees_jooq_jdbc_flyway_or_hikari = noClasses()
            .that().resideInAPackage("io.invoicekit.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.jooq..", "java.sql..", "javax.sql..", "org.flywaydb..", "com.zaxxer..", "org.postgresql..");

    private static DescribedPredicate<List<JavaClass>> none(DescribedPredicate<JavaClass> kind) {
        return DescribedPredicate.describe("no " + kind.getDescription(), types -> types.stream().noneMatch(kind));
    }
}
