package io.invoicekit.persistence;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;

@AnalyzeClasses(packages = "io.invoicekit", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule generated_jooq_classes_are_used_only_inside_invoice_persistence = noClasses()
            .that().resideOutsideOfPackage("io.invoicekit.persistence..")
            .should().dependOnClassesThat().resideInAPackage("io.invoicekit.persistence.jooq..");

    /**
     * The doors a service opens on purpose, documented where they are: its own jOOQ context into the
     * store's builder (to join its transactions), and a tenant transaction's context out to it (for its
     * own tables in the same transaction).
     */
    private static final DescribedPredicate<JavaMethod> THE_SERVICES_OWN_JOOQ_CONTEXT = DescribedPredicate.describe(
            "the doors for the service's own jOOQ context", method ->
                    method.getOwner().isEquivalentTo(InvoiceStore.Builder.class)
                            && Set.of("dsl", "configuration").contains(method.getName())
                            || method.getOwner().isEquivalentTo(TenantTransaction.class) && method.getName().equals("dsl"));

    @ArchTest
    static final ArchRule repositories_never_hand_jooq_types_to_callers = methods()
            .that().arePublic()
            .and().areDeclaredInClassesThat().resideInAPackage("io.invoicekit.persistence")
            .and(not(THE_SERVICES_OWN_JOOQ_CONTEXT))
            .should().haveRawReturnType(not(resideInAPackage("org.jooq..")))
            .andShould().haveRawParameterTypes(com.tngtech.archunit.base.DescribedPredicate.<java.util.List<com.tngtech.archunit.core.domain.JavaClass>>describe(
                    "no jOOQ type", types -> types.stream().noneMatch(type -> type.getPackageName().startsWith("org.jooq"))));

    @ArchTest
    static final ArchRule the_domain_never_sees_jooq_jdbc_flyway_or_hikari = noClasses()
            .that().resideInAPackage("io.invoicekit.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.jooq..", "java.sql..", "javax.sql..", "org.flywaydb..", "com.zaxxer..", "org.postgresql..");
}
