package io.invoicekit.persistence.health;

import javax.sql.DataSource;
import org.jooq.DSLContext;

/** What every check needs: the database, how to query it, and the thresholds. */
record Inspection(DataSource dataSource, DSLContext dsl, String applicationRole, HealthThresholds thresholds) {
}
