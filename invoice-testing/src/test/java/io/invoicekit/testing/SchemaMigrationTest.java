package io.invoicekit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The test support runs every schema migration on the classpath in their order, whatever order the
 * classpath lists them in: this module's test resources register two, the later one first.
 */
class SchemaMigrationTest {

    static final List<String> RAN = new ArrayList<>();

    @Test
    void every_migration_on_the_classpath_runs_in_its_order_with_the_role_given() {
        RAN.clear();

        SchemaMigration.onClasspath().migrate(null, "app_role");

        assertThat(RAN).containsExactly("schema as app_role", "service tables as app_role");
    }

    /** The library's schema: order 0. */
    public static final class Schema implements SchemaMigration {
        @Override
        public void migrate(DataSource owner, String applicationRole) {
            RAN.add("schema as " + applicationRole);
        }
    }

    /** A service's own tables on top of it. */
    public static final class ServiceTables implements SchemaMigration {
        @Override
        public void migrate(DataSource owner, String applicationRole) {
            RAN.add("service tables as " + applicationRole);
        }

        @Override
        public int order() {
            return 10;
        }
    }
}
